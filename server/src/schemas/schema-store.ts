// JSON Schema documents, read from disk (built-in or the user's), by URI. Nothing is ever
// downloaded: a schema that is not on disk is reported, not fetched.
import * as fs from "node:fs";
import * as path from "node:path";
import { URI } from "vscode-uri";
import { MAX_SCHEMA_BYTES, readTextFile } from "../files/read-file";

export type JsonSchema = { [k: string]: unknown } | boolean;

export interface SchemaDocument {
  /** The URI it is known by: its `$id` if it has one, else where it was read from. */
  uri: string;
  /** Where it was read from (a file: URI), for messages and re-reading. */
  location: string;
  schema: JsonSchema;
}

export interface SchemaLoadError { location: string; message: string }

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

  /** Reads every `*.json` below `folder`. */
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
        else if (e.name.endsWith(".json")) this.loadFile(full);
      }
    };
    walk(folder);
  }

  /** Reads one schema file; returns its document, or null (and records why) when it cannot. */
  loadFile(file: string): SchemaDocument | null {
    const location = URI.file(path.resolve(file)).toString();
    const read = readTextFile(file, MAX_SCHEMA_BYTES);
    if (read.error !== undefined) {
      const missing = read.error === "no such file or folder";
      this.errors.push({ location, message: missing ? "schema file not found" : `cannot read the schema: ${read.error}` });
      return null;
    }
    return this.add(location, read.text);
  }

  /** Adds a schema from its text; a document with errors is recorded, not thrown. */
  add(location: string, text: string): SchemaDocument | null {
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (e) {
      this.errors.push({ location, message: `the schema is not valid JSON: ${(e as Error).message}` });
      return null;
    }
    if (typeof schema !== "boolean" && (typeof schema !== "object" || schema === null || Array.isArray(schema))) {
      this.errors.push({ location, message: "a schema must be a JSON object or a boolean" });
      return null;
    }
    const id = typeof schema === "object" && typeof (schema as { $id?: unknown }).$id === "string"
      ? (schema as { $id: string }).$id : location;
    const doc: SchemaDocument = { uri: stripFragment(id), location, schema: schema as JsonSchema };
    this.documents.set(doc.uri, doc);
    this.byLocation.set(location, doc);
    return doc;
  }

  /** Whether this store read, or tried to read, the file at `file`: a change to it changes the schemas. */
  hasRead(file: string): boolean {
    const location = URI.file(path.resolve(file)).toString();
    return this.byLocation.has(location) || this.errors.some((e) => e.location === location);
  }

  get(uri: string): SchemaDocument | undefined {
    const u = stripFragment(uri);
    return this.documents.get(u) ?? this.byLocation.get(u);
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
