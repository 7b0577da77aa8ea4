// The statements of a body, in chunks that cache their total length, so that finding the
// statement at an offset and replacing a few statements cost O(n / CHUNK + CHUNK) rather than
// O(n): this is what keeps a keystroke in a 100,000-line file as cheap as in a small one.
import type { Statement } from "./nodes";

const CHUNK = 64;

interface Chunk { items: Statement[]; length: number }

const span = (s: Statement) => s.gap + s.width;

function makeChunk(items: Statement[]): Chunk {
  let length = 0;
  for (const s of items) length += span(s);
  return { items, length };
}

export class StatementList {
  private chunks: Chunk[] = [];
  private count = 0;

  constructor(items: Statement[] = []) {
    for (let i = 0; i < items.length; i += CHUNK) this.chunks.push(makeChunk(items.slice(i, i + CHUNK)));
    this.count = items.length;
  }

  get size(): number { return this.count; }

  /** Total text covered by the statements and their gaps. */
  get length(): number {
    let n = 0;
    for (const c of this.chunks) n += c.length;
    return n;
  }

  get(index: number): Statement {
    for (const c of this.chunks) {
      if (index < c.items.length) return c.items[index];
      index -= c.items.length;
    }
    throw new RangeError(`statement ${index} is out of range`);
  }

  /** Where statement `index` starts (after its gap), relative to the body's start. */
  startOf(index: number): number {
    let offset = 0;
    for (const c of this.chunks) {
      if (index < c.items.length) {
        for (let i = 0; i < index; i++) offset += span(c.items[i]);
        return offset + c.items[index].gap;
      }
      offset += c.length;
      index -= c.items.length;
    }
    throw new RangeError(`statement ${index} is out of range`);
  }

  /**
   * The last statement whose slot (gap included) starts at or before `offset`, with the
   * offset where its slot starts; -1 when the list is empty.
   */
  slotAt(offset: number): { index: number; slotStart: number } {
    let index = 0;
    let at = 0;
    let found = -1;
    let foundAt = 0;
    for (const c of this.chunks) {
      if (c.items.length === 0) continue;
      if (at + c.length <= offset) {
        found = index + c.items.length - 1;
        foundAt = at + c.length - span(c.items[c.items.length - 1]);
        index += c.items.length;
        at += c.length;
        continue;
      }
      for (const s of c.items) {
        if (at > offset) return { index: found, slotStart: foundAt };
        found = index;
        foundAt = at;
        at += span(s);
        index++;
      }
      return { index: found, slotStart: foundAt };
    }
    return { index: found, slotStart: foundAt };
  }

  *[Symbol.iterator](): IterableIterator<Statement> {
    for (const c of this.chunks) yield* c.items;
  }

  /** Calls `fn` with each statement and its start (after the gap), relative to the body. */
  forEach(fn: (s: Statement, start: number, index: number) => void): void {
    let at = 0;
    let index = 0;
    for (const c of this.chunks) {
      for (const s of c.items) {
        fn(s, at + s.gap, index++);
        at += span(s);
      }
    }
  }

  toArray(): Statement[] {
    const out: Statement[] = [];
    for (const c of this.chunks) for (const s of c.items) out.push(s);
    return out;
  }

  /** Replaces `deleteCount` statements at `index` with `items`. */
  splice(index: number, deleteCount: number, items: Statement[]): void {
    let ci = 0;
    let local = index;
    while (ci < this.chunks.length && local > this.chunks[ci].items.length) {
      local -= this.chunks[ci].items.length;
      ci++;
    }
    if (ci === this.chunks.length) {
      this.chunks.push({ items: [], length: 0 });
    }
    // Gather the affected chunks into one array, splice it, and cut it into chunks again.
    let last = ci;
    let removable = this.chunks[ci].items.length - local;
    while (removable < deleteCount && last + 1 < this.chunks.length) {
      last++;
      removable += this.chunks[last].items.length;
    }
    // No spread arguments: `items` can hold more statements than a call has room for.
    const old = this.chunks.slice(ci, last + 1).flatMap((c) => c.items);
    const merged = old.slice(0, local).concat(items, old.slice(local + deleteCount));
    const rebuilt: Chunk[] = [];
    for (let i = 0; i < merged.length; i += CHUNK) rebuilt.push(makeChunk(merged.slice(i, i + CHUNK)));
    this.chunks = this.chunks.slice(0, ci).concat(rebuilt, this.chunks.slice(last + 1));
    this.count += items.length - deleteCount;
  }

  /** Call after changing the gap or width of statement `index` in place. */
  refresh(index: number): void {
    for (const c of this.chunks) {
      if (index < c.items.length) {
        c.length = makeChunk(c.items).length;
        return;
      }
      index -= c.items.length;
    }
  }
}
