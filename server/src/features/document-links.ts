// Document links: the file an `@import` path or `@name.tsk` names, and for
// `@name.tsk.get("a.b")` the key itself (a link to its line in that file).
import type { Position } from "../syntax/line-index";
import { parsePath } from "../paths/path";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { definitionsOf, principalDefinition } from "../workspace/file-summary";
import type { Range } from "./location";

export interface DocumentLink {
  range: Range;
  file: string;
  /** Where in `file` the link leads, when it leads to a key. */
  position: Position | null;
}

export function documentLinks(index: WorkspaceIndex, file: string): DocumentLink[] {
  const summary = index.lookup(file);
  if (!summary) return [];
  const r = index.resolution;
  const range = (start: number, end: number): Range => ({ start: summary.positions.positionAt(start), end: summary.positions.positionAt(end) });
  const out: DocumentLink[] = [];
  for (const i of summary.names.imports) {
    const target = r.importTarget(file, i.path);
    if (target) out.push({ range: range(i.start, i.end), file: target, position: null });
  }
  for (const read of summary.names.reads) {
    const target = r.readTarget(file, read.file);
    if (!target) continue;
    out.push({ range: range(read.fileStart, read.fileEnd), file: target, position: null });
    if (read.key === null) continue;
    const key = parsePath(read.key);
    const owner = r.keyOwner(target, key);
    const ownerSummary = owner ? index.lookup(owner) : undefined;
    const def = ownerSummary ? principalDefinition(definitionsOf(ownerSummary, key)) : null;
    if (owner && ownerSummary && def) {
      out.push({ range: range(read.keyStart, read.keyEnd), file: owner, position: ownerSummary.positions.positionAt(def.start) });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
