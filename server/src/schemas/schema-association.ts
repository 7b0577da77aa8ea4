// Which schemas apply to a document: `#!schema` in the file first; else the built-in
// schemas (unless turned off) plus those the settings associate with the file's path by glob,
// as `yaml.schemas` does for YAML.
import * as fs from "node:fs";
import * as path from "node:path";
import { minimatch } from "minimatch";
import { URI } from "vscode-uri";
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { BUILTIN_ROOT, type SchemaStore } from "./schema-store";
import { isNetworkPath, NETWORK_PATH } from "../files/fs-reasons";
import { shownText } from "../syntax/shown-text";
import { isProjectConfig, PROJECT_CONFIG_SCHEMA } from "./project-config-schema";

export interface SchemaSettings {
  /** Apply the built-in microservices schemas (default true). */
  builtin: boolean;
  /** Schema file (a path relative to the workspace folder, or a file: URI) → glob(s) of documents. */
  associations: Record<string, string | string[]>;
  /**
   * false in a workspace the user has not trusted: a schema file that a document names with
   * `#!schema` is then not read (a file can point anywhere on disk), and the built-in ones apply.
   */
  trusted: boolean;
  /**
   * true in the editor: a `#!schema` path must lie inside the document's workspace folder (its
   * own folder when it is in none), for a file must not show what a file outside the workspace
   * holds (a schema's descriptions appear in hover). `tsk check` reads what it is pointed at.
   */
  confined: boolean;
}

export const DEFAULT_SCHEMA_SETTINGS: SchemaSettings = { builtin: true, associations: {}, trusted: true, confined: false };

export interface DocumentPlace {
  /** The document's file path, when it is a file. */
  file: string | null;
  /** The workspace folder it belongs to, for relative globs and schema paths. */
  folder: string | null;
}

export interface Association {
  /** Schema URIs to validate against, in the store. */
  schemas: string[];
  /** Problems with the association itself (a schema not found, a URL that will not be fetched). */
  problems: Diagnostic[];
  /** Where `#!schema` stands, when the file names its schema: errors of that schema go there. */
  directive: { start: number; end: number } | null;
}

export function associate(tree: SyntaxTree, place: DocumentPlace, settings: SchemaSettings, store: SchemaStore): Association {
  const directive = schemaDirective(tree);
  if (directive) {
    const range = { start: directive.start, end: directive.end };
    if (directive.argument === "none") return { schemas: [], problems: [], directive: range };
    if (!settings.trusted && !directive.argument.startsWith("tsk-schema:")) {
      const message = "this workspace is not trusted, so the schema this file names is not read: the built-in schemas apply (trust the workspace to use it)";
      return { schemas: settings.builtin ? [BUILTIN_ROOT] : [], problems: [{ ...range, severity: "info", code: "schema-untrusted", message }], directive: null };
    }
    const file = schemaFile(directive.argument, place.file ? path.dirname(place.file) : place.folder);
    if (settings.confined && file !== null && place.folder !== null && !isInside(file, place.folder)) {
      const message = `${directive.argument} is outside the workspace folder, so it is not read: the built-in schemas apply (name it in the tsk.schemas setting to use it)`;
      return { schemas: settings.builtin ? [BUILTIN_ROOT] : [], problems: [{ ...range, severity: "warning", code: "schema-outside-workspace", message }], directive: null };
    }
    const loaded = load(directive.argument, place.file ? path.dirname(place.file) : place.folder, store);
    return { schemas: loaded.uri ? [loaded.uri] : [], problems: loaded.problem ? [{ ...range, ...loaded.problem }] : [], directive: range };
  }
  // tsk.config.tsk is checked against its own schema, not the microservices ones.
  if (isProjectConfig(place.file)) return { schemas: [PROJECT_CONFIG_SCHEMA], problems: [], directive: null };
  const schemas: string[] = settings.builtin ? [BUILTIN_ROOT] : [];
  // Until the workspace is trusted, only the built-in schemas apply: nothing it names is read.
  if (!settings.trusted) return { schemas, problems: [], directive: null };
  const problems: Diagnostic[] = [];
  for (const [schema, globs] of Object.entries(settings.associations)) {
    if (!matches(place, Array.isArray(globs) ? globs : [globs])) continue;
    const loaded = load(schema, place.folder, store);
    if (loaded.uri) schemas.push(loaded.uri);
    if (loaded.problem) problems.push({ start: 0, end: 0, ...loaded.problem });
  }
  return { schemas, problems, directive: null };
}

function schemaDirective(tree: SyntaxTree): { start: number; end: number; argument: string } | null {
  let found: { start: number; end: number; argument: string } | null = null;
  tree.root.statements.forEach((s, start) => {
    if (!found && s.kind === "directive" && s.name === "schema" && s.argument !== "") {
      found = { start, end: start + s.width, argument: s.argument };
    }
  });
  return found;
}

function matches(place: DocumentPlace, globs: string[]): boolean {
  if (!place.file) return false;
  const relative = place.folder ? path.relative(place.folder, place.file).split(path.sep).join("/") : null;
  const absolute = place.file.split(path.sep).join("/");
  return globs.some((g) => minimatch(absolute, g, { dot: true, matchBase: !g.includes("/") }) ||
    (relative !== null && minimatch(relative, g, { dot: true, matchBase: !g.includes("/") })));
}

/** The file a schema reference names, or null when it names none on disk (a URL, a built-in). */
function schemaFile(reference: string, relativeTo: string | null): string | null {
  if (/^https?:\/\//i.test(reference) || reference.startsWith("tsk-schema:")) return null;
  return reference.startsWith("file:") ? URI.parse(reference).fsPath : path.resolve(relativeTo ?? process.cwd(), reference);
}

/** Whether `file` lies inside `folder`, links followed (a link inside may point outside). */
function isInside(file: string, folder: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const relative = path.relative(real(folder), real(file));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

type Loaded = { uri: string | null; problem: Omit<Diagnostic, "start" | "end"> | null };

/** Finds a schema on disk (loading it into the store once); never from the network. */
function load(reference: string, relativeTo: string | null, store: SchemaStore): Loaded {
  if (/^https?:\/\//i.test(reference)) {
    const known = store.get(reference);
    if (known) return { uri: known.uri, problem: null };
    return { uri: null, problem: { severity: "warning", code: "schema-not-found", message: `schemas are read from disk, never downloaded: save ${shownText(reference)} in the workspace and name the file` } };
  }
  if (reference.startsWith("tsk-schema:")) {
    return store.get(reference) ? { uri: reference, problem: null } : { uri: null, problem: { severity: "warning", code: "schema-not-found", message: `no built-in schema ${shownText(reference)}` } };
  }
  let file = reference.startsWith("file:") ? URI.parse(reference).fsPath : reference;
  // Refused as written, before path.resolve turns `//host/share` into a local path on POSIX: the same answer everywhere.
  if (isNetworkPath(file)) return { uri: null, problem: { severity: "warning", code: "schema-not-found", message: `schema ${shownText(reference)}: ${NETWORK_PATH}` } };
  file = path.resolve(relativeTo ?? process.cwd(), file);
  const location = URI.file(file).toString();
  const existing = store.get(location);
  if (existing) return { uri: existing.uri, problem: null };
  const before = store.errors.length;
  const doc = store.loadFile(file);
  if (doc) return { uri: doc.uri, problem: null };
  const why = store.errors.slice(before).map((e) => e.message).join("; ") || "it cannot be read";
  return { uri: null, problem: { severity: "warning", code: "schema-not-found", message: `schema ${shownText(reference)}: ${why}` } };
}
