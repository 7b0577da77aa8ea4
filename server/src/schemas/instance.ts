// The configuration as JSON, for a JSON Schema validator, and a map back from every JSON
// pointer to the key and value that wrote it, so that each error lands on its exact range.
import type { Expression } from "../syntax/nodes";
import type { SyntaxTree } from "../syntax/syntax-tree";
import { indexPaths, type Definition, type PathIndex } from "../paths/definitions";
import { childPath, type Path } from "../paths/path";

export interface Source {
  path: Path;
  keyStart: number;
  keyEnd: number;
  /** The value's range; the key's range for objects that have no value of their own. */
  valueStart: number;
  valueEnd: number;
  /** The value is an expression with no static value: type checks skip it. */
  expression: boolean;
  /** Written only by a dotted key's prefix (`a` of `a.b = 1`): any other place names it better. */
  implied: boolean;
}

/** The source of each value, by JSON pointer (`/a/b/0`), as ajv reports `instancePath`. */
export interface SourceIndex {
  get(pointer: string): Source | undefined;
}

export interface Instance {
  value: Record<string, unknown>;
  sources: SourceIndex;
}

/** An instance made in one pass, with the source of every pointer it writes. */
export interface BuiltInstance extends Instance {
  sources: Map<string, Source>;
}

export function pointer(path: Path): string {
  // Joined, not concatenated: a chain of `+` keeps every piece as a string of its own, and an
  // instance holds a pointer for each of its values.
  const parts: string[] = [];
  for (const s of path) parts.push("/", escapeSegment(typeof s === "number" ? String(s) : s));
  return parts.join("");
}

/** `~` and `/` escaped as JSON pointers write them; most keys have neither, and pay no regex. */
export function escapeSegment(k: string): string {
  return k.includes("~") || k.includes("/") ? k.replace(/~/g, "~0").replace(/\//g, "~1") : k;
}

/** A JSON pointer's segments, unescaped (`/a~1b/0` gives `a/b` and `0`); none for `""`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => (s.includes("~") ? s.replace(/~1/g, "/").replace(/~0/g, "~") : s));
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The literal values of `$globals`, by name (without `$`). */
export interface GlobalValues { get(name: string): Json | undefined }

export function buildInstance(tree: SyntaxTree, index: PathIndex = indexPaths(tree)): BuiltInstance {
  return instanceOf(index.definitions, literalGlobals(index.definitions));
}

/** The instance that `definitions`, in text order, write; `$name` values stand for `globals`' values. */
export function instanceOf(definitions: readonly Definition[], globals: GlobalValues): BuiltInstance {
  const root: { [k: string]: Json } = {};
  const sources = new Map<string, Source>();
  for (const d of definitions) {
    if (d.global || d.nested) continue;
    const parent = objectAt(root, d.path, d.path.length - 1);
    const name = String(d.path[d.path.length - 1]);
    if (d.kind === "value" && d.value) {
      parent[name] = toJson(d.value, d.valueBase, d.path, globals, sources, d);
    } else {
      if (!isObject(parent[name])) parent[name] = {};
      const p = pointer(d.path);
      if (!sources.has(p) || d.kind !== "implied") {
        // Every field at once: an object that gets fields after it is made keeps them apart.
        sources.set(p, { path: d.path, keyStart: d.keyStart, keyEnd: d.keyEnd, valueStart: d.keyStart, valueEnd: d.keyEnd, expression: false, implied: d.kind === "implied" });
      }
    }
  }
  return { value: root, sources };
}

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The object at the first `length` segments of `path`, made where missing. */
function objectAt(root: { [k: string]: Json }, path: Path, length: number): { [k: string]: Json } {
  let o = root;
  for (let i = 0; i < length; i++) {
    const k = String(path[i]);
    if (!isObject(o[k])) o[k] = {};
    o = o[k] as { [k: string]: Json };
  }
  return o;
}

/** `$name` bound to a literal in this file: its value stands in for its uses. */
export function literalGlobals(defs: readonly Definition[]): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const d of defs) {
    if (!d.global || d.kind !== "value" || !d.value) continue;
    const v = literal(d.value);
    if (v !== undefined) out.set(String(d.path[0]), v);
    else out.delete(String(d.path[0]));
  }
  return out;
}

/** The JSON value of a scalar expression: a literal's, or a literal `$global`'s; undefined when it has none. */
export function staticValue(e: Expression, globals: GlobalValues): Json | undefined {
  return e.kind === "global" ? globals.get(e.name) : literal(e);
}

/** The JSON value of a literal expression; undefined when it has no static value. */
function literal(e: Expression): Json | undefined {
  switch (e.kind) {
    case "string": return e.value;
    case "number": return e.value;
    case "boolean": return e.value;
    case "null": return null;
    case "range": return e.raw;
    case "word": case "text": return e.text;
    case "paren": return literal(e.expression);
    case "unary":
      if (e.op === "-" && e.operand.kind === "number") return -e.operand.value;
      return undefined;
    default: return undefined;
  }
}

function toJson(
  e: Expression, base: number, path: Path, globals: GlobalValues, sources: Map<string, Source>,
  key: { keyStart: number; keyEnd: number }, at: string = pointer(path),
): Json {
  // `at` is the pointer of `path`, passed down rather than built again for every value.
  if (e.kind === "array") {
    sources.set(at, source(path, key, base, e, false));
    return e.elements.map((el, i) => toJson(el, base, childPath(path, i), globals, sources, { keyStart: base + el.start, keyEnd: base + el.end }, [at, i].join("/")));
  }
  if (e.kind === "object") {
    sources.set(at, source(path, key, base, e, false));
    const o: { [k: string]: Json } = {};
    for (const m of e.members) {
      let target = o;
      const names = m.key.segments.map((s) => s.name);
      for (const n of names.slice(0, -1)) {
        if (!isObject(target[n])) target[n] = {};
        target = target[n] as { [k: string]: Json };
      }
      const last = m.key.segments[m.key.segments.length - 1];
      const inner = [at, ...names.map(escapeSegment)].join("/");
      target[last.name] = toJson(m.value, base, childPath(path, ...names), globals, sources, { keyStart: base + last.start, keyEnd: base + last.end }, inner);
    }
    return o;
  }
  const v = staticValue(e, globals);
  sources.set(at, source(path, key, base, e, v === undefined));
  // An expression stands as null: errors about it are dropped, errors about its parent stay.
  return v === undefined ? null : v;
}

function source(path: Path, key: { keyStart: number; keyEnd: number }, base: number, e: Expression, expression: boolean): Source {
  return { path, keyStart: key.keyStart, keyEnd: key.keyEnd, valueStart: base + e.start, valueEnd: base + e.end, expression, implied: false };
}
