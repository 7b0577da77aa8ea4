// Highlighting the other places of the name under the cursor in the same file: references,
// kept to this file.
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { findReferences } from "./references";
import type { Range } from "./location";

export function documentHighlights(index: WorkspaceIndex, file: string, offset: number): Range[] {
  return findReferences(index, file, offset, true).filter((l) => l.file === file).map((l) => l.range);
}
