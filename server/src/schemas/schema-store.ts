// JSON Schema documents, read from disk (built-in or the user's), by URI. Nothing is ever
// downloaded: a schema that is not on disk is reported, not fetched.
import * as fs from "node:fs";
import * as path from "node:path";
import { URI } from "vscode-uri";
import { MAX_SCHEMA_BYTES, readTextFile } from "../files/read-file";
import { shownText } from "../syntax/shown-text";

export type JsonSchema = { [k: string]: unknown } | boolean;

export interface SchemaDocument {
  /**
   * The key it is known by: a built-in schema's `$id` (in the reserved `tsk-schema:` namespace),
   * anything else's location. Never a user schema's `$id`: a schema that could claim an id
   * could replace, for every file, the schema that id names (the built-in one, or another
   * file's). Its `$id` still sets the base of its own `$ref`s.
   */
  uri: string;
  /** Where it was read from (a file: URI), for messages and re-reading. */
  location: string;
  schema: JsonSchema;
  /** One of the built-in schemas, read from their folder: no user schema is ever one. */
  builtin: boolean;
  /** Its `$id` as written (fragment dropped), or null. */
  id: string | null;
}

export interface SchemaLoadError { location: string; message: string }

/** Built-in schemas' ids: no user schema may claim one. */
export const RESERVED_ID_PREFIX = "tsk-schema:";

/** The built-in schemas' folder, found from this module's place in `out/` or in a bundle. */
export function builtinSchemaFolder(): string {
  const candidates = [
    path.resolve(__dirname, "../../../../schemas"), // out/server/src/schemas
    path.resolve(__dirname, "../schemas"), // a bundle in dist/
    path.resolve(__dirname, "../../schemas"),
  ];
  return candidates.find((c) => fs.existsSync(path.join(c, "tsk-microservices.schema.json"))) ?? candidates[0];
}

export const BUILTIN_ROOT = "tsk-schema://builtin/tsk-microservices.schema.json";

export class SchemaStore {
  private readonly documents = new Map<string, SchemaDocument>();
  private readonly byLocation = new Map<string, SchemaDocument>();
  readonly errors: SchemaLoadError[] = [];

  /** Reads every `*.json` below `folder`: the built-in schemas, known by their `$id`s. */
  loadFolder(folder: string): void {
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        this.errors.push({ location: dir, message: `cannot read the schema folder: ${(e as Error).message}` });
        return;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith(".json")) this.loadFile(full, true);
      }
    };
    walk(folder);
  }

  /** Reads one schema file; returns its document, or null (and records why) when it cannot. */
  loadFile(file: string, builtin = false): SchemaDocument | null {
    const location = URI.file(path.resolve(file)).toString();
    const read = readTextFile(file, MAX_SCHEMA_BYTES);
    if (read.error !== undefined) {
      const missing = read.error === "no such file or folder";
      this.errors.push({ location, message: missing ? "schema file not found" : `cannot read the schema: ${read.error}` });
      return null;
    }
    return this.add(location, read.text, builtin);
  }

  /** Adds a schema from its text; a document with errors is recorded, not thrown. */
  add(location: string, text: string, builtin = false): SchemaDocument | null {
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (e) {
      // JSON.parse quotes the text it stopped at: a path that names some other file (`#!schema
      // /etc/passwd`) must not put that file's content in a message. Where, not what.
      this.errors.push({ location, message: `the schema is not valid JSON${jsonErrorPlace(text, e)}` });
      return null;
    }
    if (typeof schema !== "boolean" && (typeof schema !== "object" || schema === null || Array.isArray(schema))) {
      this.errors.push({ location, message: "a schema must be a JSON object or a boolean" });
      return null;
    }
    const written = typeof schema === "object" ? (schema as { $id?: unknown }).$id : undefined;
    const id = typeof written === "string" ? stripFragment(written) : null;
    if (!builtin && id !== null && id.toLowerCase().startsWith(RESERVED_ID_PREFIX)) {
      this.errors.push({ location, message: `its $id ${shownText(id)} is reserved for the built-in schemas: give it an $id of its own, or none` });
      return null;
    }
    const key = builtin && id !== null && id.startsWith(RESERVED_ID_PREFIX) ? id : location;
    const doc: SchemaDocument = { uri: key, location, schema: schema as JsonSchema, builtin, id };
    this.documents.set(key, doc);
    this.byLocation.set(location, doc);
    return doc;
  }

  /** Whether this store read, or tried to read, the file at `file`: a change to it changes the schemas. */
  hasRead(file: string): boolean {
    const location = URI.file(path.resolve(file)).toString();
    return this.byLocation.has(location) || this.errors.some((e) => e.location === location);
  }

  /** The document known by `uri` (a built-in id or a location), fragment aside. */
  get(uri: string): SchemaDocument | undefined {
    return this.documents.get(stripFragment(uri));
  }

  all(): SchemaDocument[] {
    return [...new Set(this.documents.values())];
  }
}

export function stripFragment(uri: string): string {
  const i = uri.indexOf("#");
  return i < 0 ? uri : uri.slice(0, i);
}

/** Resolves a `$ref` against the URI of the document it is in. */
export function resolveUri(ref: string, base: string): string {
  try {
    return new URL(ref, base).toString();
  } catch {
    return ref;
  }
}

/** ` (line L, column C)` where JSON.parse stopped, when it says; never the text itself. */
function jsonErrorPlace(text: string, e: unknown): string {
  const at = /position (\d+)/.exec(e instanceof Error ? e.message : "");
  if (!at) return "";
  const offset = Math.min(Number(at[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return ` (line ${line}, column ${offset - before.lastIndexOf("\n")})`;
}
