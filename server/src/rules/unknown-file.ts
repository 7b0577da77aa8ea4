// `@name.tsk.get(…)` or `@import(…)` of a file that is not there reads nothing.
import type { Finding, Rule } from "./rule";

export const unknownFile: Rule = {
  code: "unknown-file",
  severity: "warning",
  description: "`@name.tsk.get(…)` names a file found neither here nor in ./config, .. or ../config; or `@import` names a file that does not exist.",
  workspaceWide: true,
  check({ names, workspace }) {
    if (!workspace) return [];
    const out: Finding[] = [];
    for (const r of names.reads) {
      if (workspace.fileRead(r.file) !== null) continue;
      out.push({ start: r.fileStart, end: r.fileEnd, message: workspace.refusedOutside(r.file, true) ? notFollowed(r.file) : `no file '${r.file}' in this folder, ./config, .. or ../config` });
    }
    for (const i of names.imports) {
      if (workspace.importTarget(i.path) !== null) continue;
      out.push({ start: i.start, end: i.end, message: workspace.refusedOutside(i.path, false) ? notFollowed(i.path) : `cannot find '${i.path}' (the path is relative to this file)` });
    }
    return out;
  },
};

function notFollowed(name: string): string {
  return `'${name}' is outside the workspace folders, which an untrusted workspace may not lead to: it is not read (trust the workspace to follow it)`;
}
