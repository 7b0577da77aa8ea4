// Where each value of a document's instance was written (the key and value ranges an error on
// it lands on), found when asked rather than kept: a map from every JSON pointer to its source
// would cost ~3 MB at 10,000 lines, and only errors, a few rules and hovers ever ask.
//
// A pointer's source comes from the definitions of the deepest path along it that has any: the
// one that wins that path (the last that sets it itself, or else the first dotted key that
// implies it, as instanceOf decides), and, below it, the array elements of its value. What it
// gives is what instanceOf writes for the pointer in one pass over every definition (tested).
import type { Definition } from "../paths/definitions";
import { formatPath, type PathSegment } from "../paths/path";
import { pointerSegments, staticValue, type GlobalValues, type Source, type SourceIndex } from "../schemas/instance";

export class WinningSources implements SourceIndex {
  constructor(
    private readonly value: Record<string, unknown>,
    private readonly byPath: ReadonlyMap<string, readonly Definition[]>,
    private readonly globals: GlobalValues,
  ) {}

  get(pointer: string): Source | undefined {
    const path = typedPath(pointer, this.value);
    for (let k = path.length; k > 0; k--) {
      const list = this.byPath.get(formatPath(path.slice(0, k)));
      if (list) return sourceBelow(winner(list), path, k, this.globals);
    }
    return undefined;
  }
}

/**
 * Of the definitions of one path, in text order, the one whose source wins: the last that is
 * not implied by a dotted key, or else the first that is.
 */
export function winner(list: readonly Definition[]): Definition {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].kind !== "implied") return list[i];
  return list[0];
}

/** The source of `path`, whose first `k` segments `d` defines (the rest index into its value's arrays). */
function sourceBelow(d: Definition, path: PathSegment[], k: number, globals: GlobalValues): Source | undefined {
  if (d.kind !== "value" || !d.value) {
    // An object, or a dotted key's prefix: its key stands for its value. Inside a value a dotted
    // key's prefix (`[{ a.b = 1 }]`) writes no source of its own.
    if (k < path.length || (d.nested && d.kind === "implied")) return undefined;
    return { path: d.path, keyStart: d.keyStart, keyEnd: d.keyEnd, valueStart: d.keyStart, valueEnd: d.keyEnd, expression: false, implied: d.kind === "implied" };
  }
  let e = d.value;
  let keyStart = d.keyStart;
  let keyEnd = d.keyEnd;
  for (let i = k; i < path.length; i++) {
    const index = path[i];
    if (e.kind !== "array" || typeof index !== "number" || index >= e.elements.length) return undefined;
    e = e.elements[index];
    // An array element has no key: its own range stands for one.
    keyStart = d.valueBase + e.start;
    keyEnd = d.valueBase + e.end;
  }
  const expression = e.kind !== "array" && e.kind !== "object" && staticValue(e, globals) === undefined;
  return {
    path: k === path.length ? d.path : path, keyStart, keyEnd,
    valueStart: d.valueBase + e.start, valueEnd: d.valueBase + e.end, expression, implied: false,
  };
}

/** A JSON pointer's segments, an array index as a number where the instance has an array. */
function typedPath(pointer: string, root: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  let at: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(at) && /^(0|[1-9]\d*)$/.test(segment)) {
      out.push(Number(segment));
      at = at[Number(segment)];
    } else {
      out.push(segment);
      at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}
