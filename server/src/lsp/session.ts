// What the server holds between requests: the open documents, the schemas, the settings,
// the workspace index, and the latest analysis and validation of each document.
import * as path from "node:path";
import type { Connection } from "vscode-languageserver";
import { URI } from "vscode-uri";
import { MAX_PARSED_LENGTH, OpenDocuments, type OpenDocument } from "./documents";
import {
  analyzeDocument, SchemaContext, validateDocument, type DocumentAnalysis, type ValidationResult,
} from "../validation/validate-document";
import { DocumentAnalyzer } from "../validation/document-analyzer";
import { DEFAULT_VALIDATION_SETTINGS, readValidationSettings, type ValidationSettings } from "../validation/settings";
import { isEmptyChange, WorkspaceIndex, type IndexChange } from "../workspace/workspace-index";
import { nodeFiles } from "../workspace/workspace-files";
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from "../workspace/folder-scan";
import { ALL_INLAY_HINTS, type InlayHintKinds } from "../features/inlay-hints";
import { dependsOn, FileView, type Dependencies } from "../workspace/file-view";
import type { PathIndex } from "../paths/definitions";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { Located } from "../schemas/schema-navigation";
import type { DocumentPlace } from "../schemas/schema-association";
import { isProjectConfig } from "../schemas/project-config-schema";
import { ProjectConfigs } from "../config/find-config";
import { isChecked, schemasOutside, settingsWithConfig } from "../config/settings-with-config";
import { shownText } from "../syntax/shown-text";

/** What the client said it can do, where the server's answers depend on it. */
export interface ClientAbilities {
  /** Completion items may be snippets (`$1`, `${1:x}`); else they are sent as plain text. */
  snippets: boolean;
  /** Workspace edits may be versioned `documentChanges`; else plain `changes`. */
  documentChanges: boolean;
}

/**
 * The settings until the client's arrive: the workspace is not trusted until the client says
 * so, so nothing it names (a `#!schema` path, a schema in `tsk.schemas`) is read before then.
 */
const UNTIL_SETTINGS: ValidationSettings = {
  ...DEFAULT_VALIDATION_SETTINGS,
  schemas: { ...DEFAULT_VALIDATION_SETTINGS.schemas, trusted: false },
};

export class Session {
  readonly documents = new OpenDocuments();
  schemas = new SchemaContext();
  settings: ValidationSettings = UNTIL_SETTINGS;
  client: ClientAbilities = { snippets: false, documentChanges: false };
  /** Which inlay hints to give (`tsk.inlayHints`). */
  inlayHintKinds: InlayHintKinds = ALL_INLAY_HINTS;
  /** How far the index reads each folder (`tsk.maxIndexedFiles`). */
  scanLimits: ScanLimits = DEFAULT_SCAN_LIMITS;
  /** Whether the client answers workspace/configuration requests. */
  pullsConfiguration = false;
  /** The workspace folders, as the client names them. */
  folderUris: string[] = [];
  /** Whether the client lets the server register for didChangeConfiguration (VS Code does; Neovim and Eglot do not). */
  registersConfiguration = false;
  readonly workspace: WorkspaceIndex;
  /** The projects' tsk.config.tsk files, read from disk (cleared when one changes, and with the settings). */
  readonly configs = new ProjectConfigs();
  /** Told of every change of the index: diagnostics of the documents that depend on it follow. */
  onWorkspaceChange: (change: IndexChange) => void = () => {};
  /** Keyed by URI, each with the document revision it was computed for. */
  private readonly analyses = new Map<string, { revision: number; analysis: DocumentAnalysis }>();
  /** Per open document: what its top-level statements gave, reused by the next version's analysis. */
  private readonly analyzers = new Map<string, DocumentAnalyzer>();
  private readonly validated = new Map<string, { revision: number; result: ValidationResult; dependencies: Dependencies }>();

  constructor(readonly connection: Connection) {
    const index = new WorkspaceIndex({
      files: nodeFiles,
      // A file on disk is analysed as it would be if it were open.
      analyze: (tree, file) => {
        const place = this.documents.placeOfFile(file);
        return analyzeDocument(tree, place, this.settingsFor(place), this.schemas);
      },
      onError: (file, e) => this.error(`indexing ${file}`, e),
    });
    // Untrusted until the settings say otherwise: nothing outside the folders is followed.
    index.readsOutside = false;
    this.workspace = index;
  }

  /** Settings as the client sends them (the `tsk` section, and whether the workspace is trusted). */
  applySettings(raw: unknown): void {
    this.settings = readValidationSettings(raw);
    this.workspace.readsOutside = this.settings.schemas.trusted;
    const max = (raw as { maxIndexedFiles?: unknown } | null)?.maxIndexedFiles;
    this.scanLimits = { ...DEFAULT_SCAN_LIMITS, maxFiles: typeof max === "number" && Number.isInteger(max) && max > 0 ? max : DEFAULT_SCAN_LIMITS.maxFiles };
    const hints = (raw as { inlayHints?: Partial<Record<keyof InlayHintKinds, unknown>> } | null)?.inlayHints;
    this.inlayHintKinds = {
      globals: hints?.globals !== false, reads: hints?.reads !== false, defaults: hints?.defaults !== false, durations: hints?.durations !== false,
    };
  }

  /**
   * A client that neither answers settings requests nor sent settings at start has no notion of
   * workspace trust (Neovim, Emacs): the folder the user opened is trusted.
   */
  trustWithoutSettings(): void {
    this.applySettings({});
  }

  /**
   * A message sent without waiting for its answer (a notification, a request to the client): a
   * failure is logged. Left alone, a rejected promise would end the process (Node's default).
   */
  background(sent: Thenable<unknown>, what: string): void {
    void Promise.resolve(sent).catch((e: unknown) => this.error(what, e));
  }

  /** The settings a file is checked with: its tsk.config.tsk (found up to its workspace folder), the client's on top. */
  settingsFor(place: DocumentPlace): ValidationSettings {
    if (place.file === null) return this.settings;
    return settingsWithConfig(this.settings, this.configs.forFile(place.file, place.folder), place.folder);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  error(where: string, e: unknown): void {
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    this.connection.console.error(`${where}: ${detail}`);
  }

  /** The index's name for a document: its path on disk, or its URI when it has none. */
  fileOf(doc: OpenDocument): string {
    return doc.place.file ?? doc.uri;
  }

  /** The URI to send for an indexed file: an open document's own, else a file: URI. */
  uriOf(file: string): string {
    return this.documents.uriOfFile(file) ?? (this.workspace.isVirtual(file) ? file : URI.file(file).toString());
  }

  /** The document's analysis at its current revision; the index learns its text with it. */
  analyzed(doc: OpenDocument): DocumentAnalysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.revision === doc.revision) return cached.analysis;
    let analyzer = this.analyzers.get(doc.uri);
    if (!analyzer) this.analyzers.set(doc.uri, (analyzer = new DocumentAnalyzer()));
    const analysis = analyzer.analyze(doc.tree, doc.place, this.settingsFor(doc.place), this.schemas);
    this.analyses.set(doc.uri, { revision: doc.revision, analysis });
    this.workspaceChanged(this.workspace.setOpen(this.fileOf(doc), doc.tree, analysis, doc.place.file === null));
    return analysis;
  }

  /** Validates a document at its current revision (once per revision, and again when what it depends on changes). */
  validate(doc: OpenDocument): ValidationResult {
    const cached = this.validated.get(doc.uri);
    if (cached && cached.revision === doc.revision) return cached.result;
    if (doc.unparsed) {
      const length = doc.tree.buffer.length;
      const tooLarge: ValidationResult = {
        diagnostics: [{
          start: 0, end: 0, severity: "warning", code: "too-large",
          message: `this file is ${Math.round(length / (1024 * 1024))} MB, more than the ${MAX_PARSED_LENGTH / (1024 * 1024)} MB the editor reads: nothing in it is checked here (tsk check checks files up to 32 MB)`,
        }],
        instance: { value: {}, sources: new Map() }, schemas: [],
      };
      this.validated.set(doc.uri, { revision: doc.revision, result: tooLarge, dependencies: new FileView(this.workspace, this.fileOf(doc)).dependencies });
      return tooLarge;
    }
    const analysis = this.analyzed(doc);
    const view = new FileView(this.workspace, this.fileOf(doc));
    const result = this.withProjectConfig(doc, validateDocument(doc.tree, doc.place, this.settingsFor(doc.place), this.schemas, undefined, view, analysis));
    this.validated.set(doc.uri, { revision: doc.revision, result, dependencies: view.dependencies });
    return result;
  }

  /**
   * A file its tsk.config.tsk leaves out (files.include, files.exclude) shows no problems, as
   * `tsk check` does not check it; a tsk.config.tsk shows what only its reader can tell (its
   * schema tells the rest).
   */
  private withProjectConfig(doc: OpenDocument, result: ValidationResult): ValidationResult {
    const file = doc.place.file;
    if (file === null) return result;
    if (!isChecked(this.configs.forFile(file, doc.place.folder), file)) return { ...result, diagnostics: [] };
    if (!isProjectConfig(file)) return result;
    const own = this.configs.inFolder(path.dirname(file));
    if (!own) return result;
    const extra: Diagnostic[] = own.problems.filter((p) => p.kind === "value")
      .map((p) => ({ start: p.start, end: p.end, severity: "warning", code: "project-config", message: p.message }));
    // The config file is the workspace's choice, as #!schema is: what it names must lie inside.
    if (doc.place.folder !== null && this.settings.schemas.confined && this.settings.schemas.trusted) {
      for (const schema of schemasOutside(own, doc.place.folder)) {
        extra.push({
          ...own.schemaKeys[schema], severity: "warning", code: "schema-outside-workspace",
          message: `${shownText(schema)} is outside the workspace folder, so the editor does not read it (tsk check does): name it in your tsk.schemas setting to use it here`,
        });
      }
    }
    return extra.length === 0 ? result : { ...result, diagnostics: [...result.diagnostics, ...extra] };
  }

  /** The index changed: forget validations that depended on it, and say so. */
  workspaceChanged(change: IndexChange): void {
    if (isEmptyChange(change)) return;
    for (const [uri, v] of this.validated) if (dependsOn(v.dependencies, change)) this.validated.delete(uri);
    this.onWorkspaceChange(change);
  }

  /** Whether a validation is cached for the document (false: it waits to be published again). */
  isValidated(uri: string): boolean {
    return this.validated.has(uri);
  }

  /** A document closed: the file on disk stands for it in the index again. */
  closed(doc: OpenDocument): void {
    this.forget(doc.uri);
    this.analyses.delete(doc.uri);
    this.analyzers.delete(doc.uri);
    this.workspaceChanged(this.workspace.close(this.fileOf(doc)));
  }

  /**
   * A request failed on this document, so what the server holds of it may be wrong: its text is
   * parsed afresh and its analysis made again from scratch.
   */
  recover(doc: OpenDocument): void {
    this.documents.reparse(doc);
    this.forgetAnalysis(doc.uri);
  }

  /** The workspace is known now (or differently): validate every document again. */
  invalidateValidations(): void {
    this.validated.clear();
  }

  forget(uri: string): void {
    this.validated.delete(uri);
  }

  /** The document was opened again, or parsed afresh: nothing of its earlier analysis is kept. */
  forgetAnalysis(uri: string): void {
    this.validated.delete(uri);
    this.analyses.delete(uri);
    this.analyzers.delete(uri);
  }

  /** Settings or schemas changed: every document must be analysed and validated again. */
  invalidateAll(): void {
    this.validated.clear();
    this.analyses.clear();
    this.analyzers.clear();
  }

  /** What completion and hover need: the path index and the schemas that apply. */
  context(doc: OpenDocument): { index: PathIndex; roots: Located[] } {
    const analysis = this.analyzed(doc);
    return { index: analysis.paths, roots: analysis.roots };
  }
}
