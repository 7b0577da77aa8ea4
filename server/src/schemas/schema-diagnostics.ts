// ajv's errors, placed on the key or value at fault and said in words a person understands.
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { formatPath } from "../paths/path";
import { didYouMean } from "./did-you-mean";
import { escapeSegment, type Instance, type Source } from "./instance";
import { shownText } from "../syntax/shown-text";

type SchemaLike = Record<string, unknown>;

/**
 * `builtin`: the errors are the built-in microservices schemas', which apply to every file; an
 * ordinary application's `[security] db_host` is no mistake there (see toDiagnostic).
 */
export function schemaDiagnostics(errors: ErrorObject[], instance: Instance, builtin = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A value of the wrong type is told so once: listing the allowed values as well says nothing more.
  const mistyped = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  for (const e of nearestBranches(errors)) {
    if (e.keyword === "enum" && mistyped.has(e.instancePath)) continue;
    const d = toDiagnostic(e, instance, builtin);
    if (d) out.push(d);
  }
  return dedupe(out);
}

/**
 * When a value fails every branch of a oneOf/anyOf, keep only what the nearest branch says:
 * the branch whose type the value has, or else one line listing what the branches want.
 */
function nearestBranches(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  if (unions.length === 0) return errors;
  let kept = errors;
  for (const u of unions) {
    const prefix = u.schemaPath + "/";
    const branches = (u.schema as unknown[]) ?? [];
    const dataType = jsonType(u.data);
    const matching = branches
      .map((b, i) => ({ b: b as SchemaLike, i }))
      .filter(({ b }) => b && typeof b === "object" && typeAllows(b.type, dataType));
    kept = kept.filter((e) => {
      if (e === u) return matching.length !== 1;
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(u.instancePath)) return true;
      if (matching.length !== 1) return false;
      const branch = Number(e.schemaPath.slice(prefix.length).split("/")[0]);
      return branch === matching[0].i;
    });
    if (matching.length !== 1) (u as ErrorObject & { branchSummary?: string }).branchSummary = summarizeBranches(branches as SchemaLike[]);
  }
  return kept;
}

function toDiagnostic(e: ErrorObject, instance: Instance, builtin: boolean): Diagnostic | null {
  const source = instance.sources.get(e.instancePath);
  if (source?.expression) return null;
  const where = source ? shownText(formatPath(source.path)) : "the configuration";
  const parent = (e.parentSchema ?? {}) as SchemaLike;
  const valueRange = source ? { start: source.valueStart, end: source.valueEnd } : null;
  const keyRange = source ? { start: source.keyStart, end: source.keyEnd } : null;
  const shown = show(e.data);
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const name = shownText(key);
      const child = instance.sources.get(`${e.instancePath}/${escapeSegment(key)}`);
      const known = Object.keys((parent.properties as object) ?? {});
      // A typo is a few edits away; a word that only begins a known key (`auth`) may be a key of its own.
      const typo = didYouMean(key, known, { prefix: false });
      const guess = typo ?? didYouMean(key, known);
      const message = `unknown key '${name}'${source ? ` in '${where}'` : ""}` +
        (guess ? `: did you mean '${shownText(guess)}'?` : known.length > 0 ? `: known keys are ${list(known.map((k) => shownText(k)))}` : "");
      const range = child ? { start: child.keyStart, end: child.keyEnd } : keyRange;
      if (!range) return null;
      // Near a known key it is likely a typo: a warning. Under the built-in schemas a key near
      // none is likely the file's own (an application's `[security] db_host`): a hint.
      const severity = typo || !builtin ? "warning" : "hint";
      return { ...range, severity, code: "unknown-key", message, ...(guess ? { data: { replacement: guess } } : {}) };
    }
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (!keyRange) return null;
      const property = ((parent.properties as Record<string, SchemaLike> | undefined) ?? {})[missing];
      return {
        ...keyRange, severity: "error", code: "missing-key", message: `'${where}' needs the key '${shownText(missing)}'`,
        data: { missing: { name: missing, value: missingValue(property) } },
      };
    }
    case "enum": {
      if (!valueRange) return null;
      const values = (e.schema as unknown[]).map((v) => String(v));
      const allowed = values.map((v) => shownText(v));
      const open = parent["x-tsk-open-enum"] === true;
      const guess = typeof e.data === "string" ? didYouMean(e.data, values) : undefined;
      const said = guess === undefined ? "" : shownText(guess);
      const message = open
        ? `${shown} is not a known value for '${where}'${guess ? `: did you mean '${said}'? Known values: ${list(allowed)}` : `: known values are ${list(allowed)}`}`
        : `${shown} is not allowed for '${where}': use one of ${list(allowed)}${guess ? ` (did you mean '${said}'?)` : ""}`;
      return {
        ...valueRange, severity: open ? "warning" : "error", code: open ? "unknown-value" : "invalid-value", message,
        ...(guess ? { data: { replacement: guess } } : {}),
      };
    }
    case "type": {
      if (!valueRange) return null;
      const types = (e.params as { type: string | string[] }).type;
      const wanted = typeNames(types);
      const text = unquoted(e.data, Array.isArray(types) ? types : [types]);
      return {
        ...valueRange, severity: "error", code: "wrong-type", message: `'${where}' expects ${wanted}, found ${describeValue(e.data)}`,
        ...(text !== null ? { data: { text } } : {}),
      };
    }
    case "format": {
      if (!valueRange) return null;
      const format = (e.params as { format: string }).format;
      const duration = format === "tsk-duration" && typeof e.data === "string" ? durationInWords(e.data) : null;
      return {
        ...valueRange, severity: "error", code: "invalid-format", message: formatMessage(format, shown),
        ...(duration ? { data: { replacement: duration } } : {}),
      };
    }
    case "minimum": case "maximum": case "exclusiveMinimum": case "exclusiveMaximum": {
      if (!valueRange) return null;
      return { ...valueRange, severity: "error", code: "out-of-range", message: `${shown} is out of range for '${where}': ${rangeText(parent)}` };
    }
    case "oneOf": case "anyOf": {
      if (!valueRange) return null;
      const summary = (e as ErrorObject & { branchSummary?: string }).branchSummary ?? "a value of another kind";
      return { ...valueRange, severity: "error", code: "wrong-type", message: `'${where}' expects ${summary}, found ${describeValue(e.data)}` };
    }
    case "if": case "then": case "else": case "allOf":
      return null;
    default: {
      const range = valueRange ?? keyRange;
      if (!range) return null;
      return { ...range, severity: "error", code: "schema", message: `'${where}' ${shownText(e.message ?? "does not match the schema", 200)}` };
    }
  }
}

function formatMessage(format: string, shown: string): string {
  switch (format) {
    case "tsk-duration":
      return `${shown} is not a duration: write a number and a unit, like "500ms", "10s", "1m", "2h" or "7d"`;
    case "uri": case "uri-reference": case "url":
      return `${shown} is not a URI: write it with its scheme, like "http://consul1:8500"`;
    case "duration":
      return `${shown} is not an ISO 8601 duration, like "PT10S" or "P1D"`;
    default:
      return `${shown} is not a valid ${format}`;
  }
}

function rangeText(s: SchemaLike): string {
  const min = s.minimum ?? s.exclusiveMinimum;
  const max = s.maximum ?? s.exclusiveMaximum;
  const lo = s.exclusiveMinimum !== undefined ? "more than" : "at least";
  const hi = s.exclusiveMaximum !== undefined ? "less than" : "at most";
  if (min !== undefined && max !== undefined) {
    if (s.minimum !== undefined && s.maximum !== undefined) return `it must be between ${min} and ${max}`;
    return `it must be ${lo} ${min} and ${hi} ${max}`;
  }
  if (min !== undefined) return `it must be ${lo} ${min}`;
  return `it must be ${hi} ${max}`;
}

function summarizeBranches(branches: SchemaLike[]): string {
  const parts = branches.map((b) => {
    if (!b || typeof b !== "object") return "a value";
    const type = typeNames(b.type as string | string[] | undefined);
    const props = b.properties && typeof b.properties === "object" ? Object.keys(b.properties as object) : [];
    if (props.length > 0 && type === "an object") return `an object with ${list(props.slice(0, 3).map((p) => `'${shownText(p)}'`), "or")}`;
    return type;
  });
  return [...new Set(parts)].join(", or ");
}

function typeNames(t: string | string[] | undefined): string {
  if (t === undefined) return "a value";
  const names: Record<string, string> = {
    string: "a string", number: "a number", integer: "a whole number", boolean: "true or false",
    object: "an object", array: "an array", null: "null",
  };
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => names[x] ?? x).join(" or ");
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeAllows(t: unknown, actual: string): boolean {
  if (t === undefined) return true;
  const types = Array.isArray(t) ? t : [t];
  return types.includes(actual) || (actual === "integer" && types.includes("number"));
}

function describeValue(v: unknown): string {
  switch (jsonType(v)) {
    case "string": return `the string ${show(v)}`;
    case "integer": case "number": return `the number ${String(v)}`;
    case "boolean": return String(v);
    case "null": return "null";
    case "array": return "an array";
    default: return "an object";
  }
}

function show(v: unknown): string {
  if (typeof v === "string") return `"${shownText(v, 40)}"`;
  if (v !== null && typeof v === "object") return Array.isArray(v) ? "this array" : "this object";
  return String(v);
}

function list(items: string[], last = "and"): string {
  const shown = items.slice(0, 12);
  const more = items.length > shown.length ? `, …` : "";
  if (shown.length <= 1) return shown.join("") + more;
  return `${shown.slice(0, -1).join(", ")} ${last} ${shown[shown.length - 1]}${more}`;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.start}:${d.end}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { Source };

/** A string that spells what the schema wants (`"true"`, `"8080"`): the value to write unquoted. */
function unquoted(value: unknown, types: string[]): string | null {
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (types.includes("boolean") && (v === "true" || v === "false")) return v;
  if (types.includes("integer") && /^-?\d+$/.test(v)) return v;
  if (types.includes("number") && /^-?\d+(?:\.\d+)?$/.test(v)) return v;
  return null;
}

const UNIT_WORDS: Record<string, string> = {
  ms: "ms", millisecond: "ms", milliseconds: "ms", msec: "ms",
  s: "s", sec: "s", secs: "s", second: "s", seconds: "s",
  m: "m", min: "m", mins: "m", minute: "m", minutes: "m",
  h: "h", hr: "h", hrs: "h", hour: "h", hours: "h",
  d: "d", day: "d", days: "d",
};

/** `"10 seconds"`, `"5 min"`, `"2 Hours"`: the duration as TSK writes it (`10s`, `5m`, `2h`). */
export function durationInWords(text: string): string | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(text);
  const unit = m ? UNIT_WORDS[m[2].toLowerCase()] : undefined;
  return m && unit ? `${m[1]}${unit}` : null;
}

/** What a missing key is given by its quick fix: its default, an example, or an empty value of its type. */
function missingValue(property: SchemaLike | undefined): string {
  const literal = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v));
  if (property && "default" in property && (typeof property.default !== "object" || property.default === null)) return literal(property.default);
  const example = Array.isArray(property?.examples) ? property!.examples[0] : undefined;
  if (example !== undefined && (typeof example !== "object" || example === null)) return literal(example);
  const type = Array.isArray(property?.type) ? property!.type[0] : property?.type;
  switch (type) {
    case "boolean": return "false";
    case "integer": case "number": return "0";
    case "array": return "[]";
    case "object": return "{}";
    default: return '""';
  }
}
