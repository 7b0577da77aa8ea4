// Which files `tsk check` and `tsk format` read: the files named, and every .tsk file below the
// folders named. A path named on the command line is taken as given (a symbolic link to a
// file or folder is fine: the user chose it); below a folder, a symbolic link is followed only
// when it leads to a place inside one of the folders named, unless `--follow-symlinks` says
// otherwise, so that a link in a checked-out repository cannot make the CLI read (and print
// parts of) `/etc/shadow` or a FIFO elsewhere. Each file is listed once, however many links
// lead to it. The walk is iterative: a deep tree costs no call depth.
import * as fs from "node:fs";
import * as path from "node:path";
import { describeFsError, isNetworkPath, NETWORK_PATH } from "../files/fs-reasons";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn"]);

export interface FoundFile { path: string; error?: string }

export interface FindOptions { followSymlinks: boolean }

export interface FoundFiles {
  files: FoundFile[];
  /** Symbolic links below the folders that were not followed: they lead out of them. */
  linksNotFollowed: string[];
}

export function findTskFiles(args: string[], options: FindOptions = { followSymlinks: false }): FoundFiles {
  const found: FoundFiles = { files: [], linksNotFollowed: [] };
  const seen = new Set<string>();
  const add = (file: string, error?: string) => {
    const real = realPath(file) ?? path.resolve(file);
    if (seen.has(real)) return;
    seen.add(real);
    found.files.push(error === undefined ? { path: file } : { path: file, error });
  };
  const folders: string[] = [];
  for (const arg of args) {
    if (isNetworkPath(arg)) {
      found.files.push({ path: arg, error: NETWORK_PATH });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      found.files.push({ path: arg, error: describeFsError(e) });
      continue;
    }
    if (stat.isDirectory()) folders.push(arg);
    else add(arg);
  }
  const roots = folders.map((f) => realPath(f) ?? path.resolve(f));
  const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  const visited = new Set<string>();
  // Depth first, in the order of each folder's sorted listing, as a recursive walk would go.
  const pending: { path: string; folder: boolean }[] = folders.map((f) => ({ path: f, folder: true })).reverse();
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (!item.folder) {
      add(item.path);
      continue;
    }
    const dir = item.path;
    const realDir = realPath(dir);
    if (realDir !== null) {
      if (visited.has(realDir)) continue; // reached again through a link: a loop, or twice
      visited.add(realDir);
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      found.files.push({ path: dir, error: describeFsError(e) });
      continue;
    }
    entries.sort((a, b) => b.name.localeCompare(a.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      let folder = e.isDirectory();
      if (e.isSymbolicLink()) {
        const target = realPath(full);
        if (target === null) {
          if (e.name.endsWith(".tsk")) pending.push({ path: full, folder: false }); // broken: reported as unreadable
          continue;
        }
        if (!options.followSymlinks && !inside(target)) {
          if (e.name.endsWith(".tsk") || isDirectory(target)) found.linksNotFollowed.push(full);
          continue;
        }
        folder = isDirectory(target);
      }
      if (folder) {
        if (!SKIPPED_FOLDERS.has(e.name)) pending.push({ path: full, folder: true });
      } else if (e.name.endsWith(".tsk")) {
        pending.push({ path: full, folder: false });
      }
    }
  }
  return found;
}

function realPath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
