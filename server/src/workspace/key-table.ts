// Every key definition of a file, in typed arrays rather than one object each: a workspace
// holds hundreds of thousands of keys, and an object per key costs more than its path.
// Lookups scan keys of the path's depth only, which is fast enough without a map per file.
import type { Definition, DefinitionKind } from "../paths/definitions";
import { isLiteral } from "../paths/value-names";

/** A key segment that defines a path, in any spelling. */
export interface KeyDefinition {
  /** The path, formatted: `services.users`, `api_gateway.routes."/api"`. */
  path: string;
  /** How many segments the path has. */
  depth: number;
  kind: DefinitionKind;
  /** The segment's range, quotes included. */
  start: number;
  end: number;
  /** The segment's quote (`"` or `'`), or null when it is a bare name. */
  quote: string | null;
  /** Its value is an expression (`@x.tsk.get(…)`): keys below it come from elsewhere. */
  computed: boolean;
}

const KINDS: DefinitionKind[] = ["value", "object", "section", "implied"];
const KIND_BITS: Record<DefinitionKind, number> = { value: 0, object: 1, section: 2, implied: 3 };
const QUOTES: (string | null)[] = [null, '"', "'"];
const COMPUTED = 16;

export class KeyTable {
  private readonly paths: string[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly depths: Uint16Array;
  /** kind (bits 0–1), quote (bits 2–3), computed (bit 4). */
  private readonly flags: Uint8Array;

  private constructor(n: number) {
    this.paths = new Array<string>(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.depths = new Uint16Array(n);
    this.flags = new Uint8Array(n);
  }

  /** The keys that `definitions` define (globals aside), with the quote `quoteAt` finds at each. */
  static fromDefinitions(definitions: readonly Definition[], quoteAt: (offset: number) => string | null): KeyTable {
    let n = 0;
    for (const d of definitions) if (!d.global) n++;
    const table = new KeyTable(n);
    let i = 0;
    for (const d of definitions) {
      if (d.global) continue;
      const computed = d.kind === "value" && d.value !== null && !isLiteral(d.value);
      table.set(i++, d.key, d.path.length, d.kind, d.keyStart, d.keyEnd, quoteAt(d.keyStart), computed);
    }
    return table;
  }

  private set(
    i: number, path: string, depth: number, kind: DefinitionKind, start: number, end: number, quote: string | null, computed: boolean,
  ): void {
    this.paths[i] = path;
    this.starts[i] = start;
    this.ends[i] = end;
    this.depths[i] = Math.min(depth, 0xffff);
    this.flags[i] = KIND_BITS[kind] | (quote === '"' ? 4 : quote === "'" ? 8 : 0) | (computed ? COMPUTED : 0);
  }

  get length(): number { return this.paths.length; }
  path(i: number): string { return this.paths[i]; }
  start(i: number): number { return this.starts[i]; }
  end(i: number): number { return this.ends[i]; }
  depth(i: number): number { return this.depths[i]; }
  kind(i: number): DefinitionKind { return KINDS[this.flags[i] & 3]; }

  at(i: number): KeyDefinition {
    const f = this.flags[i];
    return {
      path: this.paths[i], depth: this.depths[i], kind: KINDS[f & 3], start: this.starts[i], end: this.ends[i],
      quote: QUOTES[(f >> 2) & 3], computed: (f & COMPUTED) !== 0,
    };
  }

  /** The definitions of one path, in text order. `depth` is the path's number of segments. */
  definitionsOf(path: string, depth: number): KeyDefinition[] {
    const out: KeyDefinition[] = [];
    for (let i = 0; i < this.paths.length; i++) {
      if (this.depths[i] === depth && this.paths[i] === path) out.push(this.at(i));
    }
    return out;
  }

  has(path: string, depth: number): boolean {
    for (let i = 0; i < this.paths.length; i++) if (this.depths[i] === depth && this.paths[i] === path) return true;
    return false;
  }

  /** The key whose segment holds `offset`, or null. Keys are in text order, nearly. */
  keyAt(offset: number): KeyDefinition | null {
    let lo = 0;
    let hi = this.paths.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const holds = (i: number) => offset >= this.starts[i] && offset <= this.ends[i];
    // Keys of objects inside values follow their parent's: look back a little, then everywhere.
    for (let i = found; i >= 0 && i >= found - 64; i--) if (holds(i)) return this.at(i);
    for (let i = 0; i < this.paths.length; i++) if (holds(i)) return this.at(i);
    return null;
  }

  *[Symbol.iterator](): IterableIterator<KeyDefinition> {
    for (let i = 0; i < this.paths.length; i++) yield this.at(i);
  }

  /** Each distinct path, once. */
  distinctPaths(): Set<string> {
    return new Set(this.paths);
  }
}
