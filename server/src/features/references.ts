// Find references: every place in the workspace that names the symbol under the cursor.
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { locationOf, type Location } from "./location";
import { symbolAt } from "./symbol-at";
import { symbolSites } from "./symbol-sites";

export function findReferences(index: WorkspaceIndex, file: string, offset: number, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(index, file, offset);
  if (!symbol) return [];
  const out: Location[] = [];
  for (const site of symbolSites(index, file, symbol)) {
    if (site.declaration && !includeDeclaration) continue;
    // An editor shows the line of each reference: none from a file outside the workspace.
    if (!index.mayShow(site.file)) continue;
    const l = locationOf(index, site.file, site.start, site.end);
    if (l) out.push(l);
  }
  return out;
}
