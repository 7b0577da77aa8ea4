// Which files `tsk check` reads: the files named, and every .tsk file below the folders named.
import * as fs from "node:fs";
import * as path from "node:path";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn"]);

export interface FoundFile { path: string; error?: string }

export function findTskFiles(args: string[]): FoundFile[] {
  const out: FoundFile[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      out.push({ path: arg, error: describeFsError(e) });
      continue;
    }
    if (stat.isDirectory()) walk(arg, out);
    else out.push({ path: arg });
  }
  return out;
}

function walk(dir: string, out: FoundFile[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ path: dir, error: describeFsError(e) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) walk(full, out);
    } else if (e.name.endsWith(".tsk")) {
      out.push({ path: full });
    }
  }
}

/** "no such file" rather than "ENOENT: no such file or directory, stat 'x'". */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT": return "no such file or folder";
    case "EACCES": case "EPERM": return "permission denied";
    case "EISDIR": return "is a folder, not a file";
    default: return e instanceof Error ? e.message : String(e);
  }
}
