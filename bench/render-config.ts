// Renders the one model of generate-config.ts as TSK, JSON, YAML and TOML. Each renderer
// writes what a person would: TSK in all its spellings (sections, `{ }` blocks, `key = { }`
// objects, `> <` blocks, dotted keys, inline objects, bare words, comments), YAML in block
// style with flow arrays, TOML with tables and inline tables. `sameData` checks that each
// text reads back as the model.
import { generateConfig, type ConfigModel, type Json, type JsonObject, type Note } from "./generate-config";

export type Format = "tsk" | "json" | "yaml" | "toml";
export const FORMATS: readonly Format[] = ["tsk", "json", "yaml", "toml"];

export function render(model: ConfigModel, format: Format): string {
  switch (format) {
    case "tsk": return renderTsk(model);
    case "json": return JSON.stringify(model.data, null, 2) + "\n";
    case "yaml": return renderYaml(model);
    case "toml": return renderToml(model);
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
/** Arrays longer than this are written one element per line. */
const INLINE_ARRAY_MAX = 8;
/** Objects of scalars that fit in this many characters are written on one line. */
const INLINE_OBJECT_WIDTH = 100;

function isObject(v: Json): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function noteOf(model: ConfigModel, owner: JsonObject, key: string): Note {
  return model.notes.get(owner)?.get(key) ?? {};
}

/** Writes lines with an indentation and the notes of a key. */
class Lines {
  readonly out: string[] = [];
  constructor(private readonly comment: string) {}
  above(indent: string, n: Note): void { if (n.above) this.out.push(`${indent}${this.comment} ${n.above}`); }
  push(line: string, n: Note = {}): void { this.out.push(n.trailing ? `${line}  ${this.comment} ${n.trailing}` : line); }
  toString(): string { return this.out.join("\n") + "\n"; }
}

// ---- TSK ----

/**
 * Picks a spelling from where an object is, not from how many came before it, so that adding
 * a service changes nothing above it and a file's size grows steadily with its service count.
 */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Keys whose enum-like values are written as bare words, as the guide's users do (`provider: consul`). */
const BARE_WORD_KEYS = new Set(["provider", "broker", "backoff", "strategy", "pattern", "coordination", "load_balancer", "level", "format"]);
type TskStyle = "object" | "block" | "colon" | "angle";
const TSK_STYLES: readonly TskStyle[] = ["object", "block", "colon", "angle", "object", "block"];

function renderTsk(model: ConfigModel): string {
  const lines = new Lines("#");
  const tskKey = (k: string) => (IDENTIFIER.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k));
  const value = (key: string, v: Json): string => {
    if (typeof v === "string" && BARE_WORD_KEYS.has(key) && /^[a-z][a-z_]*$/.test(v) && !RESERVED.test(v)) return v;
    if (Array.isArray(v)) return `[${v.map((x) => value("", x)).join(", ")}]`;
    if (isObject(v)) return `{ ${Object.entries(v).map(([k, x]) => `${tskKey(k)} = ${value(k, x)}`).join(", ")} }`;
    return JSON.stringify(v);
  };
  const member = (owner: JsonObject, key: string, v: Json, indent: string, path: string): void => {
    const n = noteOf(model, owner, key);
    lines.above(indent, n);
    const k = tskKey(key);
    if (Array.isArray(v) && v.length > INLINE_ARRAY_MAX) {
      lines.push(`${indent}${k} = [`);
      v.forEach((x, i) => lines.push(`${indent}    ${value("", x)}${i < v.length - 1 ? "," : ""}`));
      lines.push(`${indent}]`, n);
      return;
    }
    if (!isObject(v) || Object.keys(v).length === 0) {
      lines.push(`${indent}${k} = ${value(key, v)}`, n);
      return;
    }
    const entries = Object.entries(v);
    const leaf = entries.every(([, x]) => !isObject(x));
    const short = entries.every(([, x]) => !isObject(x) && !(Array.isArray(x) && x.length > INLINE_ARRAY_MAX));
    const turn = hash(`${path}.${key}`);
    if (short && entries.length <= 2 && indent !== "" && turn % 3 === 0) {
      // Dotted keys: `mesh.retries = 2` is `mesh = { retries = 2 }`.
      for (const [ck, cv] of entries) lines.push(`${indent}${k}.${tskKey(ck)} = ${value(ck, cv)}`, noteOf(model, v, ck));
      return;
    }
    const inline = `${indent}${k} = ${value(key, v)}`;
    if (leaf && inline.length <= INLINE_OBJECT_WIDTH) {
      lines.push(inline, n);
      return;
    }
    // Blocks and angle blocks need a plain name; quoted keys (routes, topics) take `= { }`.
    const style = IDENTIFIER.test(key) ? TSK_STYLES[turn % TSK_STYLES.length] : "object";
    const open = { object: `${k} = {`, block: `${k} {`, colon: `${k}: {`, angle: `${k} >` }[style];
    lines.push(`${indent}${open}`, n);
    body(v, indent + "    ", `${path}.${key}`, style === "angle" ? ":" : "=");
    lines.push(`${indent}${style === "angle" ? "<" : "}"}`);
  };
  // `separator` is `:` inside angle blocks, where the guide's examples use it.
  const body = (o: JsonObject, indent: string, path: string, separator = "=", skip: readonly string[] = []): void => {
    for (const [key, v] of Object.entries(o)) {
      if (skip.includes(key)) continue;
      if (separator === ":" && !isObject(v) && !(Array.isArray(v) && v.length > INLINE_ARRAY_MAX)) {
        const n = noteOf(model, o, key);
        lines.above(indent, n);
        lines.push(`${indent}${tskKey(key)}: ${value(key, v)}`, n);
      } else {
        member(o, key, v, indent, path);
      }
    }
  };

  // The catalogue and the overrides, last in the model, are written as `[sections]`: a section
  // runs to the next header, so nothing may follow them at the top level.
  const { services, overrides } = model.data;
  body(model.data, "", "", "=", ["services", "overrides"]);
  lines.push("");
  lines.above("", noteOf(model, model.data, "services"));
  lines.push("[services]");
  body(services as JsonObject, "", "services");
  lines.push("");
  lines.above("", noteOf(model, model.data, "overrides"));
  for (const [name, o] of Object.entries(overrides as JsonObject)) {
    lines.push(`[overrides.${tskKey(name)}]`);
    body(o as JsonObject, "", `overrides.${name}`);
  }
  return lines.toString();
}

// ---- YAML ----

function yamlScalar(v: Json): string {
  if (typeof v === "string") return IDENTIFIER.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

function renderYaml(model: ConfigModel): string {
  const lines = new Lines("#");
  const mapping = (o: JsonObject, indent: string): void => {
    for (const [key, v] of Object.entries(o)) {
      const n = noteOf(model, o, key);
      lines.above(indent, n);
      const k = yamlScalar(key);
      if (isObject(v) && Object.keys(v).length > 0) {
        lines.push(`${indent}${k}:`, n);
        mapping(v, indent + "  ");
      } else if (Array.isArray(v) && v.length > INLINE_ARRAY_MAX) {
        lines.push(`${indent}${k}:`, n);
        for (const x of v) lines.push(`${indent}  - ${yamlScalar(x)}`);
      } else if (Array.isArray(v)) {
        lines.push(`${indent}${k}: [${v.map(yamlScalar).join(", ")}]`, n);
      } else {
        lines.push(`${indent}${k}: ${isObject(v) ? "{}" : yamlScalar(v)}`, n);
      }
    }
  };
  mapping(model.data, "");
  return lines.toString();
}

// ---- TOML ----

function tomlKey(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
}

function tomlValue(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(tomlValue).join(", ")}]`;
  if (isObject(v)) return `{ ${Object.entries(v).map(([k, x]) => `${tomlKey(k)} = ${tomlValue(x)}`).join(", ")} }`;
  return JSON.stringify(v);
}

function renderToml(model: ConfigModel): string {
  const lines = new Lines("#");
  const table = (o: JsonObject, path: string[]): void => {
    const tables: [string, JsonObject][] = [];
    // A table's own keys come before its sub-tables: TOML puts every key after a header into it.
    for (const [key, v] of Object.entries(o)) {
      const n = noteOf(model, o, key);
      const inline = isObject(v) && Object.values(v).every((x) => !isObject(x)) && tomlValue(v).length + key.length <= INLINE_OBJECT_WIDTH;
      if (isObject(v) && !inline) { tables.push([key, v]); continue; }
      lines.above("", n);
      if (Array.isArray(v) && v.length > INLINE_ARRAY_MAX) {
        lines.push(`${tomlKey(key)} = [`);
        for (const x of v) lines.push(`  ${tomlValue(x)},`);
        lines.push("]", n);
      } else {
        lines.push(`${tomlKey(key)} = ${tomlValue(v)}`, n);
      }
    }
    for (const [key, v] of tables) {
      const sub = [...path, tomlKey(key)];
      lines.push("");
      lines.above("", noteOf(model, o, key));
      lines.push(`[${sub.join(".")}]`);
      table(v, sub);
    }
  };
  table(model.data, []);
  return lines.toString();
}

// ---- Checks ----

/** Whether two JSON values are equal, ignoring the order of object keys. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) &&
      sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

export function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * The configuration with the fewest services whose TSK rendering reaches `target` by
 * `measure` (lines or bytes). Size grows almost linearly with the service count: two secant
 * steps land within a few services, and single steps finish.
 */
export function sizedConfig(target: number, measure: (tsk: string) => number, seed?: number): { model: ConfigModel; tsk: string } {
  const at = (services: number) => {
    const model = generateConfig({ services, seed });
    const tsk = render(model, "tsk");
    return { services, model, tsk, size: measure(tsk) };
  };
  let a = at(16);
  let b = at(32);
  for (let step = 0; step < 2 && b.size !== a.size; step++) {
    const n = Math.max(1, Math.round(b.services + ((target - b.size) * (b.services - a.services)) / (b.size - a.size)));
    if (n === b.services) break;
    [a, b] = [b, at(n)];
  }
  while (b.size > target && b.services > 1) b = at(b.services - 1);
  while (b.size < target) b = at(b.services + 1);
  return { model: b.model, tsk: b.tsk };
}
