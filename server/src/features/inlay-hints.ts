// Inlay hints: what a value means, written beside it. The value a `$global` or an
// `@name.tsk.get("a.b")` read resolves to, at the read; the schema defaults of keys left unset
// where the schema says they matter (`x-tsk-show-defaults`: a circuit breaker's thresholds, a
// retry policy); a duration in a normal form when it is written otherwise. Each kind can be
// turned off.
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { PathIndex } from "../paths/definitions";
import { definitionsOf } from "../paths/definitions";
import type { ValueNames } from "../paths/value-names";
import type { Located, SchemaNavigator } from "../schemas/schema-navigation";
import { durationMs } from "../rules/duration";
import { defaultValue, tskLiteral, typeText } from "./schema-docs";

export interface InlayHintKinds { globals: boolean; reads: boolean; defaults: boolean; durations: boolean }
export const ALL_INLAY_HINTS: InlayHintKinds = { globals: true, reads: true, defaults: true, durations: true };

export interface InlayHint {
  /** Where the hint stands: after the text it explains. */
  offset: number;
  label: string;
  kind: keyof InlayHintKinds;
  tooltip: string;
}

export interface InlayHintsContext {
  tree: SyntaxTree;
  index: PathIndex;
  names: ValueNames;
  navigator: SchemaNavigator;
  roots: Located[];
  /** The value `$name` has as this file sees it, as written; null when unknown or not to be shown. */
  globalValue(name: string): string | null;
  /** The value `@file.tsk.get(key)` reads, as written; null when unknown or not to be shown. */
  readValue(file: string, key: string): string | null;
  kinds: InlayHintKinds;
}

/** Longer values are not repeated inline: hover shows them. */
const MAX_SHOWN = 40;

export function inlayHints(ctx: InlayHintsContext, from = 0, to = Infinity): InlayHint[] {
  const out: InlayHint[] = [];
  const inRange = (offset: number) => offset >= from && offset <= to;
  if (ctx.kinds.globals) {
    for (const u of ctx.names.globalUses) {
      if (!inRange(u.end)) continue;
      const value = ctx.globalValue(u.name);
      if (value !== null && value.length <= MAX_SHOWN) out.push({ offset: u.end, label: `= ${value}`, kind: "globals", tooltip: `$${u.name} is ${value}` });
    }
  }
  if (ctx.kinds.reads) {
    for (const r of ctx.names.reads) {
      if (r.method !== "get" || r.key === null || !inRange(r.keyEnd)) continue;
      const value = ctx.readValue(r.file, r.key);
      // After the call's `)`, which follows the key string.
      const close = ctx.tree.buffer.slice(r.keyEnd, r.keyEnd + 8).indexOf(")");
      if (value !== null && value.length <= MAX_SHOWN) {
        out.push({ offset: close < 0 ? r.keyEnd : r.keyEnd + close + 1, label: `= ${value}`, kind: "reads", tooltip: `${r.key} of ${r.file} is ${value}` });
      }
    }
  }
  for (const d of ctx.index.definitions) {
    if (d.global || !inRange(d.keyEnd)) continue;
    const schemas = ctx.navigator.at(ctx.roots, d.path);
    if (schemas.length === 0) continue;
    const type = typeText(schemas) ?? "";
    if (ctx.kinds.durations && d.kind === "value" && d.value && type.includes("duration")) {
      // A number is a count of seconds only where the schema takes one.
      const seconds = d.value.kind === "number" && /integer|number/.test(type) ? d.value.value : null;
      const hint = durationHint(ctx.tree, d.valueBase + d.value.start, d.valueBase + d.value.end, d.value.kind === "string" ? d.value.value : seconds);
      if (hint) out.push(hint);
    }
    if (ctx.kinds.defaults && (d.kind === "object" || d.kind === "section") && schemas.some((s) => s.schema["x-tsk-show-defaults"] === true)) {
      // Once per object, at its first definition: the others would repeat it.
      if (definitionsOf(ctx.index, d.path)[0] !== d) continue;
      const unset: string[] = [];
      for (const [name, prop] of ctx.navigator.properties(schemas)) {
        const def = defaultValue(prop);
        if (def === undefined || (typeof def === "object" && def !== null)) continue;
        if (definitionsOf(ctx.index, [...d.path, name]).length > 0) continue;
        unset.push(`${name} = ${tskLiteral(def)}`);
      }
      if (unset.length > 0) out.push({ offset: d.keyEnd, label: `(defaults: ${unset.join(", ")})`, kind: "defaults", tooltip: "Keys left unset take these values from the schema" });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** `30` → `30s`, `"90s"` → `1m 30s`: shown when the normal form is not what is written. */
function durationHint(tree: SyntaxTree, start: number, end: number, value: unknown): InlayHint | null {
  const ms = durationMs(value);
  if (ms === null || ms === 0) return null;
  const normal = humanDuration(ms);
  const written = tree.buffer.slice(start, end).replace(/^["']|["']$/g, "");
  if (written.replace(/\s+/g, "") === normal.replace(/\s+/g, "")) return null;
  return { offset: end, label: `= ${normal}`, kind: "durations", tooltip: `${written} is ${normal}` };
}

export function humanDuration(ms: number): string {
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${Math.round(rest * 1000) / 1000}ms`);
  return parts.join(" ");
}
