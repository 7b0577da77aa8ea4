// Code lenses: "N references" above each service a file defines and each `$global` it
// defines, counted across the workspace when the editor shows the lens (resolve), not before.
import type { PathIndex } from "../paths/definitions";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import type { Location } from "./location";
import { findReferences } from "./references";

export interface Lens { start: number; end: number; name: string }

/** Where lenses stand: the first definition of each service and of each global. */
export function codeLenses(index: PathIndex): Lens[] {
  const out: Lens[] = [];
  const seen = new Set<string>();
  for (const d of index.definitions) {
    const service = !d.global && !d.nested && d.path.length === 2 && d.path[0] === "services" && typeof d.path[1] === "string";
    if (!service && !d.global) continue;
    const name = d.global ? `$${String(d.path[0])}` : `services.${String(d.path[1])}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ start: d.keyStart, end: d.keyEnd, name });
  }
  return out;
}

/** A lens's title and the places it opens: the references to the name, its definitions aside. */
export function resolveLens(workspace: WorkspaceIndex, file: string, lens: { start: number }): { title: string; locations: Location[] } {
  const locations = findReferences(workspace, file, lens.start, false);
  return { title: locations.length === 1 ? "1 reference" : `${locations.length} references`, locations };
}
