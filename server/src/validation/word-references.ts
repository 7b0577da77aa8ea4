// A bare word that names an earlier key of its body is a reference (tsk-language.md 3), and the
// reference parsers give it that key's value: `mtls = true` then `tracing = mtls` sets tracing
// to true. The instance the schemas judge holds the value a reference resolves to, not the word.
import type { Definition } from "../paths/definitions";
import { formatPath, type Path } from "../paths/path";
import type { WordReference } from "../paths/value-names";
import { winner } from "./winning-sources";

type Obj = Record<string, unknown>;

/**
 * `value` with each reference of `words` (in text order) replaced by the value of the key it
 * names, as it stands then: a chain (`b = a`, `c = b`) resolves. Only the objects on the way to
 * a resolved value are copied; with nothing to resolve, `value` itself comes back.
 */
export function resolveWords(value: Obj, words: readonly WordReference[], byPath: ReadonlyMap<string, readonly Definition[]>): Obj {
  let out = value;
  for (const w of words) {
    if (!holdsWord(w, byPath)) continue;
    const target = valueAt(out, w.target);
    if (target === undefined) continue;
    out = withValueAt(out, w.at, target);
  }
  return out;
}

/** Whether the word still stands where it was written: the definition that wins its path holds it. */
function holdsWord(w: WordReference, byPath: ReadonlyMap<string, readonly Definition[]>): boolean {
  const own = typeof w.at[w.at.length - 1] === "number" ? w.at.slice(0, -1) : w.at;
  const list = byPath.get(formatPath(own));
  if (!list) return false;
  const d = winner(list);
  return d.kind === "value" && d.value !== null && d.valueBase + d.value.start <= w.start && w.end <= d.valueBase + d.value.end;
}

function valueAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const s of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Obj)[String(s)];
  }
  return at;
}

function withValueAt(root: Obj, path: Path, v: unknown): Obj {
  const set = (node: unknown, i: number): unknown => {
    if (i === path.length) return v;
    if (node === null || typeof node !== "object") return node;
    const key = path[i];
    const copy: Obj | unknown[] = Array.isArray(node) ? node.slice() : { ...(node as Obj) };
    (copy as Obj)[String(key)] = set((node as Obj)[String(key)], i + 1);
    return copy;
  };
  return set(root, 0) as Obj;
}
