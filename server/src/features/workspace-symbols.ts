// Workspace symbols: every key path, `$global` and service of every indexed file, matched
// against what the user typed (the letters in order, as editors filter).
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { definitionsOf } from "../workspace/file-summary";
import { locationOf, type Location } from "./location";

export type SymbolKind = "object" | "value" | "global" | "service";

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  location: Location;
  /** The file, as the workspace shows it. */
  container: string;
}

/** Enough for any list a person reads; more only costs the transfer. */
export const MAX_SYMBOLS = 1000;

interface Candidate { name: string; kind: SymbolKind; file: string; start: number; end: number }

export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = MAX_SYMBOLS): WorkspaceSymbol[] {
  const q = query.toLowerCase().replace(/\s+/g, "");
  // Best matches first: the name starts with the query, then contains it, then has its letters in order.
  const buckets: Candidate[][] = [[], [], []];
  const full = () => buckets[0].length >= limit;
  const offer = (c: Candidate) => {
    const rank = matchRank(c.name.toLowerCase(), q);
    if (rank >= 0 && buckets[rank].length < limit) buckets[rank].push(c);
  };
  for (const [file, s] of index.summaries()) {
    if (full()) break;
    if (!index.mayShow(file)) continue;
    for (const name of s.services.keys()) {
      const def = definitionsOf(s, ["services", name])[0];
      if (def) offer({ name, kind: "service", file, start: def.start, end: def.end });
    }
    for (const g of s.globals) offer({ name: `$${g.name}`, kind: "global", file, start: g.start, end: g.end });
    const keys = s.keys;
    const seen = new Set<string>();
    for (let i = 0; i < keys.length; i++) {
      const name = keys.path(i);
      if (seen.has(name)) continue;
      seen.add(name);
      offer({ name, kind: keys.kind(i) === "value" ? "value" : "object", file, start: keys.start(i), end: keys.end(i) });
    }
  }
  const out: WorkspaceSymbol[] = [];
  for (const bucket of buckets) {
    for (const c of bucket) {
      if (out.length >= limit) return out;
      const location = locationOf(index, c.file, c.start, c.end);
      if (location) out.push({ name: c.name, kind: c.kind, location, container: index.displayName(c.file) });
    }
  }
  return out;
}

/** 0: a prefix of the name or of its last segment; 1: a substring; 2: a subsequence; -1: no match. */
function matchRank(name: string, q: string): number {
  if (q === "") return 0;
  if (name.startsWith(q)) return 0;
  const i = name.indexOf(q);
  if (i >= 0) return /[.$"]/.test(name[i - 1] ?? "") ? 0 : 1;
  let j = 0;
  for (let k = 0; k < name.length && j < q.length; k++) if (name[k] === q[j]) j++;
  return j === q.length ? 2 : -1;
}
