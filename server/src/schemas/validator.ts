// The JSON Schema engine: ajv, with draft 2020-12 and draft-07, the formats TSK needs, and
// our annotation keywords. A schema that ajv cannot compile is reported, never thrown.
//
// The built-in schemas are compiled together, in engines that hold nothing else. Each user
// schema is compiled in engines of its own, with the built-in schemas beside it (so that it
// may `$ref` them) and no other user schema: ajv registers every `$id` it is given, so one
// engine for all would let a schema that claims another's `$id` take its place for every file
// (schema-store.ts keys documents by location for the same reason). A user schema's patterns
// run on RE2, in linear time (linear-patterns.ts).
import Ajv2020 from "ajv/dist/2020";
import AjvDraft7 from "ajv";
import type { ErrorObject, Options, ValidateFunction, default as AjvCore } from "ajv";
import type { RegExpEngine } from "ajv/dist/types";
import addFormats from "ajv-formats";
import type { SchemaDocument, SchemaStore } from "./schema-store";
import { linearPattern } from "./linear-patterns";

/** A duration as configs write it: a number and a unit. */
export const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h|d)$/;

/** Keywords our schemas carry for editors; they change nothing in validation. */
const ANNOTATIONS = [
  "markdownDescription", "markdownEnumDescriptions", "enumDescriptions", "x-tsk-open-enum", "x-tsk-reference", "x-tsk-show-defaults",
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

export interface CompiledSchema {
  validate: ValidateFunction | null;
  error: string | null;
  /** Patterns of the schema that are not checked (RE2 cannot run them), with why. */
  unchecked: { pattern: string; why: string }[];
}

const OPTIONS: Options = { allErrors: true, strict: false, verbose: true, validateSchema: false };

/**
 * Compiles the documents of a store on demand. Built-in schemas declare 2020-12; a user's
 * schema without `$schema` is taken as draft-07, the draft most schemas in the wild use.
 */
export class Validator {
  private readonly builtin2020: AjvCore;
  private readonly builtin7: AjvCore;
  private readonly compiled = new Map<string, CompiledSchema>();
  private readonly added = new Set<string>();

  constructor(private readonly store: SchemaStore) {
    this.builtin2020 = configure(new Ajv2020(OPTIONS));
    this.builtin7 = configure(new AjvDraft7(OPTIONS));
  }

  /** The validate function of the schema at `uri`; `error` says why there is none. */
  compile(uri: string): CompiledSchema {
    const cached = this.compiled.get(uri);
    if (cached) return cached;
    let result: CompiledSchema;
    const doc = this.store.get(uri);
    if (!doc) {
      result = { validate: null, error: "schema not found", unchecked: [] };
    } else {
      const unchecked: CompiledSchema["unchecked"] = [];
      try {
        const ajv = doc.builtin ? this.builtinEngine(isDraft7(doc)) : this.userEngine(doc, (pattern, why) => unchecked.push({ pattern, why }));
        const validate = ajv.getSchema(doc.uri) ?? ajv.compile(doc.schema);
        result = { validate, error: null, unchecked };
      } catch (e) {
        result = { validate: null, error: describeCompileError(e), unchecked: [] };
      }
    }
    this.compiled.set(uri, result);
    return result;
  }

  /** The engine of the built-in schemas of a draft, with all of them added (their `$ref`s go between files). */
  private builtinEngine(draft7: boolean): AjvCore {
    const ajv = draft7 ? this.builtin7 : this.builtin2020;
    this.addBuiltins(ajv, draft7, this.added);
    return ajv;
  }

  /** A user schema's own engine: the built-in schemas of its draft, and it, first (no built-in can shadow it). */
  private userEngine(doc: SchemaDocument, unchecked: (pattern: string, why: string) => void): AjvCore {
    const regExp: RegExpEngine = Object.assign((pattern: string) => {
      const test = linearPattern(pattern, unchecked);
      return { test: test.test, toString: () => `re2:${pattern}` };
    }, { code: "re2" });
    const draft7 = isDraft7(doc);
    const options: Options = { ...OPTIONS, code: { regExp } };
    const ajv = configure(draft7 ? new AjvDraft7(options) : new Ajv2020(options));
    ajv.addSchema(doc.schema as object, doc.uri);
    this.addBuiltins(ajv, draft7, new Set());
    return ajv;
  }

  private addBuiltins(ajv: AjvCore, draft7: boolean, added: Set<string>): void {
    for (const doc of this.store.all()) {
      const key = `${draft7 ? 7 : 2020} ${doc.uri}`;
      if (!doc.builtin || added.has(key) || isDraft7(doc) !== draft7) continue;
      added.add(key);
      try {
        ajv.addSchema(doc.schema as object, doc.uri);
      } catch {
        // A broken neighbour is reported when it is itself used (a user schema that claims a
        // built-in schema's nested id keeps it out of its own engine only).
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
