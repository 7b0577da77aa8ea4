// A $global that nothing in the file's scope defines reads as nothing at run time.
import type { Rule } from "./rule";

export const unknownGlobal: Rule = {
  code: "unknown-global",
  severity: "warning",
  description: "A `$global` that neither this file, the files it imports, nor a peanut.tsk in its folder or above defines.",
  workspaceWide: true,
  check({ index, names, workspace }) {
    if (!workspace) return [];
    const own = new Set(index.definitions.filter((d) => d.global).map((d) => String(d.path[0])));
    return names.globalUses
      .filter((u) => !own.has(u.name) && workspace.resolveGlobal(u.name) === null)
      .map((u) => ({
        start: u.start, end: u.end,
        message: `$${u.name} is not defined in this file, in a file it imports, or in a peanut.tsk in this folder or above`,
      }));
  },
};
