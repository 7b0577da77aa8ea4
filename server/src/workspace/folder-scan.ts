// Finding the config files of a workspace folder.
import * as fs from "node:fs";
import * as path from "node:path";

/** Folders that hold dependencies, history or build output, never a project's own config. */
const SKIPPED = new Set(["node_modules", ".git", ".hg", ".svn", "out", "dist"]);

/** More than this and the rest are not indexed (a folder opened by mistake: a home, a disk). */
export const MAX_FILES = 20_000;
/** Folders visited before a scan stops: a folder with few config files can still be huge (/usr). */
export const MAX_FOLDERS = 50_000;

export interface ScanLimits { maxFiles: number; maxFolders: number }
export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: MAX_FILES, maxFolders: MAX_FOLDERS };

export interface ScanResult {
  files: string[];
  /** Why the scan stopped before it had seen everything, in words for the user; null when it saw all. */
  stoppedEarly: string | null;
}

/**
 * Whether `file` lies in a folder the scan skips (`node_modules`, `.git`, …) below `folder`.
 * Only the part below the workspace folder counts: a workspace at `/home/me/dist/ws` is not
 * skipped because of where it lives.
 */
export function inSkippedFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return false;
  return relative.split(/[\\/]/).slice(0, -1).some((part) => SKIPPED.has(part));
}

/** Every .tsk file below `folder`, depth first, without recursion (deep trees are fine). */
export function listTskFiles(folder: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS): ScanResult {
  const scan = new Scan(folder, limits);
  for (let dir = scan.next(); dir !== null; dir = scan.next()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    scan.take(dir, entries);
  }
  return scan.result();
}

/**
 * The same, reading each folder asynchronously: the server answers requests between folders,
 * and `cancelled` stops the scan (a newer one supersedes it).
 */
export async function scanTskFiles(folder: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS, cancelled: () => boolean = () => false): Promise<ScanResult> {
  const scan = new Scan(folder, limits);
  for (let dir = scan.next(); dir !== null && !cancelled(); dir = scan.next()) {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    scan.take(dir, entries);
  }
  return scan.result();
}

/** The bookkeeping of a scan, shared by both ways of reading folders. */
class Scan {
  private readonly files: string[] = [];
  private readonly pending: string[];
  private folders = 0;
  /** Config files found past the file limit: counted, so that the user is told how many. */
  private leftOut = 0;
  private outOfFolders = false;

  constructor(private readonly root: string, private readonly limits: ScanLimits) {
    this.pending = [root];
  }

  /** The next folder to read, or null when done or the folder limit is reached. */
  next(): string | null {
    if (this.pending.length === 0) return null;
    if (this.folders >= this.limits.maxFolders) {
      this.outOfFolders = true;
      return null;
    }
    this.folders++;
    return this.pending.pop()!;
  }

  take(dir: string, entries: fs.Dirent[]): void {
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name)) this.pending.push(full);
      } else if (e.isFile() && e.name.endsWith(".tsk")) {
        if (this.files.length < this.limits.maxFiles) this.files.push(full);
        else this.leftOut++;
      }
    }
  }

  result(): ScanResult {
    const said: string[] = [];
    if (this.leftOut > 0) said.push(`read ${count(this.limits.maxFiles)} config files of ${this.root} and left out ${count(this.leftOut)} more (tsk.maxIndexedFiles)`);
    if (this.outOfFolders) said.push(`stopped after ${count(this.limits.maxFolders)} folders of ${this.root}`);
    return { files: this.files, stoppedEarly: said.length > 0 ? said.join("; ") : null };
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
