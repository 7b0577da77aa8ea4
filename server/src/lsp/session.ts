// What the server holds between requests: the open documents, the schemas, the settings,
// the workspace's services, and the latest validation of each document.
import type { Connection } from "vscode-languageserver";
import { OpenDocuments, type OpenDocument } from "./documents";
import { SchemaContext, validateDocument, type ValidationResult } from "../validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "../validation/settings";
import { WorkspaceServices } from "../workspace/workspace-services";
import { indexPaths, type PathIndex } from "../paths/definitions";
import { associate } from "../schemas/schema-association";
import type { Located } from "../schemas/schema-navigation";

export class Session {
  readonly documents = new OpenDocuments();
  readonly services = new WorkspaceServices();
  schemas = new SchemaContext();
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS;
  /** Whether the client answers workspace/configuration requests. */
  pullsConfiguration = false;
  /** Whether the client lets the server register for didChangeConfiguration (VS Code does; Neovim and Eglot do not). */
  registersConfiguration = false;
  private readonly validated = new Map<string, { version: number; result: ValidationResult }>();

  constructor(readonly connection: Connection) {}

  log(message: string): void {
    this.connection.console.log(message);
  }

  error(where: string, e: unknown): void {
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    this.connection.console.error(`${where}: ${detail}`);
  }

  /** Validates a document at its current version (once per version). */
  validate(doc: OpenDocument): ValidationResult {
    const cached = this.validated.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const result = validateDocument(doc.tree, doc.place, this.settings, this.schemas, this.services.catalog());
    if (doc.place.file) this.services.setOpen(doc.place.file, result.instance);
    this.validated.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void {
    this.validated.delete(uri);
  }

  /** Settings or schemas changed: every document must be validated again. */
  invalidateAll(): void {
    this.validated.clear();
  }

  /** What completion and hover need: the path index and the schemas that apply. */
  context(doc: OpenDocument): { index: PathIndex; roots: Located[] } {
    const association = associate(doc.tree, doc.place, this.settings.schemas, this.schemas.store);
    return { index: indexPaths(doc.tree), roots: this.schemas.roots(association.schemas) };
  }
}
