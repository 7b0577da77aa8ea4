// The JSON Schema engine: ajv, with draft 2020-12 and draft-07, the formats TSK needs, and
// our annotation keywords. A schema that ajv cannot compile is reported, never thrown.
import Ajv2020 from "ajv/dist/2020";
import AjvDraft7 from "ajv";
import type { ErrorObject, ValidateFunction, default as AjvCore } from "ajv";
import addFormats from "ajv-formats";
import type { SchemaDocument, SchemaStore } from "./schema-store";

/** A duration as configs write it: a number and a unit. */
export const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h|d)$/;

/** Keywords our schemas carry for editors; they change nothing in validation. */
const ANNOTATIONS = [
  "markdownDescription", "markdownEnumDescriptions", "enumDescriptions", "x-tsk-open-enum", "x-tsk-reference",
  "deprecationMessage", "errorMessage", "defaultSnippets", "doNotSuggest",
];

function isDraft7(doc: SchemaDocument): boolean {
  const s = typeof doc.schema === "object" ? doc.schema.$schema : undefined;
  if (typeof s !== "string") return true;
  return /draft-0[4-7]/.test(s);
}

function configure(ajv: AjvCore): AjvCore {
  addFormats(ajv);
  ajv.addFormat("tsk-duration", DURATION);
  for (const k of ANNOTATIONS) ajv.addKeyword({ keyword: k, schemaType: ["string", "array", "boolean", "object", "number"] });
  return ajv;
}

export interface CompiledSchema { validate: ValidateFunction | null; error: string | null }

/**
 * Compiles the documents of a store on demand. Built-in schemas declare 2020-12; a user's
 * schema without `$schema` is taken as draft-07, the draft most schemas in the wild use.
 */
export class Validator {
  private readonly draft2020: AjvCore;
  private readonly draft7: AjvCore;
  private readonly compiled = new Map<string, CompiledSchema>();
  private readonly added = new Set<string>();

  constructor(private readonly store: SchemaStore) {
    const options = { allErrors: true, strict: false, verbose: true, validateSchema: false };
    this.draft2020 = configure(new Ajv2020(options));
    this.draft7 = configure(new AjvDraft7(options));
  }

  /** The validate function of the schema at `uri`; `error` says why there is none. */
  compile(uri: string): CompiledSchema {
    const cached = this.compiled.get(uri);
    if (cached) return cached;
    let result: CompiledSchema;
    const doc = this.store.get(uri);
    if (!doc) {
      result = { validate: null, error: "schema not found" };
    } else {
      const ajv = isDraft7(doc) ? this.draft7 : this.draft2020;
      try {
        this.addAll(ajv, isDraft7(doc));
        const validate = ajv.getSchema(doc.uri) ?? ajv.compile(doc.schema);
        result = { validate, error: null };
      } catch (e) {
        result = { validate: null, error: describeCompileError(e) };
      }
    }
    this.compiled.set(uri, result);
    return result;
  }

  /** Every document of the same draft, so that $refs between files resolve. */
  private addAll(ajv: AjvCore, draft7: boolean): void {
    for (const doc of this.store.all()) {
      const key = `${draft7 ? 7 : 2020} ${doc.uri}`;
      if (this.added.has(key) || isDraft7(doc) !== draft7) continue;
      this.added.add(key);
      try {
        ajv.addSchema(doc.schema as object, doc.uri);
      } catch {
        // A broken neighbour is reported when it is itself used.
      }
    }
  }
}

function describeCompileError(e: unknown): string {
  if (e instanceof RangeError) return "the schema refers to itself without end ($ref cycle)";
  const message = e instanceof Error ? e.message : String(e);
  if (/regular expression/i.test(message)) return `the schema has an invalid pattern: ${message}`;
  if (/can't resolve reference/i.test(message)) return `the schema has a $ref that leads nowhere: ${message}`;
  return `the schema cannot be used: ${message}`;
}

export type { ErrorObject };
