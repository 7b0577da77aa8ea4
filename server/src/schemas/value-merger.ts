// The instance of a document from the values its top-level statements write (one each, see
// validation/document-analyzer.ts), as instanceOf would write it in one pass: objects at the same
// path merge, anything else that comes later wins. The parts are never changed. Each merged
// object is remembered with the objects it came from: after an edit, an object made from the
// same objects as before is the same object again, so only the path to what changed is made
// anew (and whatever remembers work per object, as rules do, does it only there).

type Obj = Record<string, unknown>;

interface Merged {
  from: readonly Obj[];
  value: Obj;
  /** The merged objects under its keys (only those made from two objects or more). */
  below: Map<string, Merged> | null;
}

export class ValueMerger {
  private last: Merged | null = null;

  merge(parts: readonly Obj[]): Obj {
    this.last = mergeObjects(parts, this.last);
    return this.last.value;
  }
}

function mergeObjects(from: readonly Obj[], before: Merged | null): Merged {
  if (from.length === 1) return { from, value: from[0], below: null };
  if (before && sameObjects(before.from, from)) return before;
  // Each key's values, in order; the Map keeps the keys in the order they first come.
  const values = new Map<string, unknown[]>();
  for (let i = 0; i < from.length; i++) {
    const o = from[i];
    for (const k in o) {
      if (!Object.hasOwn(o, k)) continue;
      const list = values.get(k);
      if (list) list.push(o[k]);
      else values.set(k, [o[k]]);
    }
  }
  const value: Obj = {};
  let below: Map<string, Merged> | null = null;
  values.forEach((list, k) => {
    // What is left of a key: its last value, merged with the objects just before it if it is one.
    let first = list.length - 1;
    if (isObject(list[first])) while (first > 0 && isObject(list[first - 1])) first--;
    if (first === list.length - 1) {
      value[k] = list[first];
      return;
    }
    const merged = mergeObjects(list.slice(first) as Obj[], before?.below?.get(k) ?? null);
    value[k] = merged.value;
    (below ??= new Map()).set(k, merged);
  });
  return { from, value, below };
}

function sameObjects(a: readonly Obj[], b: readonly Obj[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
