// How the index reaches files on disk. An interface, so that tests and benchmarks can count
// what is read, and a Node implementation for the server and `tsk check`.
import * as fs from "node:fs";
import { listTskFiles, scanTskFiles, type ScanLimits, type ScanResult } from "./folder-scan";

export interface FileStat { mtimeMs: number; size: number }

export interface WorkspaceFiles {
  /** null when there is no such file (or it is a folder). */
  stat(file: string): FileStat | null;
  /** The file's text; throws when it cannot be read. */
  read(file: string): string;
  /** Every .tsk file below `folder`, up to the limits. */
  list(folder: string, limits?: ScanLimits): ScanResult;
  /** The same, yielding to other work between folders, and stopping when `cancelled` says so. */
  scan(folder: string, limits: ScanLimits, cancelled: () => boolean): Promise<ScanResult>;
  writable(file: string): boolean;
}

export const nodeFiles: WorkspaceFiles = {
  stat(file) {
    try {
      const s = fs.statSync(file);
      return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
    } catch {
      return null;
    }
  },
  read: (file) => fs.readFileSync(file, "utf8"),
  list: (folder, limits) => listTskFiles(folder, limits),
  scan: (folder, limits, cancelled) => scanTskFiles(folder, limits, cancelled),
  writable(file) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};
