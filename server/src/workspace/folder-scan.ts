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
  return scanTskFiles(folder, limit).files;
}

export interface FolderScan {
  files: string[];
  /** The scan stopped at `limit`: files were left out. */
  stoppedEarly: boolean;
  /**
   * .tsk files seen and left out: a lower bound when `stoppedEarly`, since the folders not yet
   * read are not read to count theirs (that would cost the walk the limit saves).
   */
  skipped: number;
}

/** listTskFiles, saying whether it stopped at the limit and how many files it saw and left out. */
export function scanTskFiles(folder: string, limit = MAX_FILES): FolderScan {
  const out: string[] = [];
  let skipped = 0;
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
      } else if (e.isFile() && e.name.endsWith(".tsk")) {
        if (out.length < limit) out.push(full);
        else skipped++;
      }
    }
  }
  return { files: out, stoppedEarly: skipped > 0 || pending.length > 0, skipped };
}
