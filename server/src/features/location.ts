// A place in some file of the workspace, in line/character terms: what navigation answers.
import type { Position } from "../syntax/line-index";
import type { WorkspaceIndex } from "../workspace/workspace-index";

export interface Range { start: Position; end: Position }
export interface Location { file: string; range: Range }

/** `start`–`end` (offsets) of `file` as a location; null when the file is not indexed. */
export function locationOf(index: WorkspaceIndex, file: string, start: number, end: number): Location | null {
  const s = index.lookup(file);
  if (!s) return null;
  return { file, range: { start: s.positions.positionAt(start), end: s.positions.positionAt(end) } };
}

/** A whole file, as a target: its first character. */
export function fileLocation(file: string): Location {
  const zero = { line: 0, character: 0 };
  return { file, range: { start: zero, end: zero } };
}
