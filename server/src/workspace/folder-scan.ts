// Finding the config files of a workspace folder.
import * as fs from "node:fs";
import * as path from "node:path";

/** Folders that hold dependencies, history or build output, never a project's own config. */
const SKIPPED = new Set(["node_modules", ".git", ".hg", ".svn", "out", "dist"]);

/** More than this and the rest are not indexed (a folder opened by mistake: a home, a disk). */
export const MAX_FILES = 20_000;

/** Whether a path lies in a folder the scan skips (`node_modules`, `.git`, …). */
export function inSkippedFolder(file: string): boolean {
  return file.split(/[\\/]/).slice(0, -1).some((part) => SKIPPED.has(part));
}

/** Every .tsk file below `folder`, depth first, without recursion (deep trees are fine). */
export function listTskFiles(folder: string, limit = MAX_FILES): string[] {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length > 0 && out.length < limit) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name)) pending.push(full);
      } else if (e.isFile() && e.name.endsWith(".tsk") && out.length < limit) {
        out.push(full);
      }
    }
  }
  return out;
}
