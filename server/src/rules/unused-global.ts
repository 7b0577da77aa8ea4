// A $global nothing reads is dead configuration, or a reader that misspells it.
import type { Rule } from "./rule";

/** peanut.tsk and peanu.tsk exist to be read by other files (and programs): their globals are not unused. */
const SHARED = /(^|[\\/])peanut?\.tsk$/;

export const unusedGlobal: Rule = {
  code: "unused-global",
  severity: "hint",
  description: "A `$global` that nothing reads (shown faded): not this file, nor any file that imports it.",
  workspaceWide: true,
  check({ index, fileName, names, workspace }) {
    if (fileName && SHARED.test(fileName)) return [];
    const used = new Set(names.globalUses.map((u) => u.name));
    // A global another file reads (through @import) is used, even when this file does not read it.
    const isRead = (name: string) => used.has(name) || (workspace !== null && workspace.globalIsRead(name));
    return index.definitions
      .filter((d) => d.global && !isRead(String(d.path[0])))
      .map((d) => ({ start: d.keyStart, end: d.keyEnd, message: `$${d.path[0]} is never read`, tags: ["unnecessary" as const] }));
  },
};
