// Files that import each other in a circle: the reference parsers follow them forever.
import type { Finding, Rule } from "./rule";

export const importCycle: Rule = {
  code: "import-cycle",
  severity: "warning",
  description: "`@import`/`@include` leads back to the importing file.",
  workspaceWide: true,
  check({ names, workspace, fileName }) {
    if (!workspace || fileName === null) return [];
    const out: Finding[] = [];
    for (const i of names.imports) {
      const cycle = workspace.importCycle(i.path);
      if (!cycle) continue;
      out.push({
        start: i.start, end: i.end,
        message: `this import leads back to this file: ${cycle.map((f) => workspace.displayName(f)).join(" → ")}`,
      });
    }
    return out;
  },
};
