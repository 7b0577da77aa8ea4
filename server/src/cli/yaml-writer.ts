// JSON values as YAML, for `tsk export --format yaml`. What a configuration's value tree holds
// is JSON (null, booleans, numbers, strings, arrays, objects), so a small writer is enough, and
// the `yaml` package need not ship: a string is written plain only when no YAML reader (1.1 or
// 1.2) can take it for anything else, and otherwise double-quoted with JSON's escapes, which
// YAML's double-quoted style reads the same. Tested by reading the output back with `yaml`.
import { escapeInvisibleInJson } from "../syntax/shown-text";
import type { Json } from "../schemas/instance";

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/**
 * Words YAML 1.1 (still read by many tools) or 1.2 take for booleans or null, and an exponent
 * alone (`E0`), which YAML 1.1's float pattern, every part of it optional, takes for a number.
 */
const RESERVED = /^(y|n|yes|no|on|off|true|false|null|[eE][-+]?[0-9]+)$/i;

export function toYaml(value: Json): string {
  return lines(value, "").join("\n") + "\n";
}

function scalar(value: Json): string | null {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : ".nan";
  if (typeof value === "string") return PLAIN.test(value) && !RESERVED.test(value) ? value : escapeInvisibleInJson(JSON.stringify(value));
  if (Array.isArray(value)) return value.length === 0 ? "[]" : null;
  return Object.keys(value).length === 0 ? "{}" : null;
}

/** The value's lines, each after `indent`; the first line's indent is the caller's to write. */
function lines(value: Json, indent: string): string[] {
  const s = scalar(value);
  if (s !== null) return [s];
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = lines(item, indent + "  ");
      out.push(`${out.length === 0 ? "" : indent}- ${inner[0]}`, ...inner.slice(1));
    }
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, Json>)) {
    const key = scalar(k) as string;
    const inline = scalar(v);
    const lead = out.length === 0 ? "" : indent;
    if (inline !== null) out.push(`${lead}${key}: ${inline}`);
    else {
      // A block under a key starts on the next line, two spaces in (a list as well as a map).
      const inner = lines(v, indent + "  ");
      out.push(`${lead}${key}:`, `${indent}  ${inner[0]}`, ...inner.slice(1));
    }
  }
  return out;
}
