// How the index reaches files on disk. An interface, so that tests and benchmarks can count
// what is read, and a Node implementation for the server and `tsk check`.
import * as fs from "node:fs";
import { listTskFiles, scanTskFiles, type ScanLimits, type ScanResult } from "./folder-scan";
import { isNetworkPath } from "../files/fs-reasons";
import { MAX_CONFIG_BYTES, readTextFile } from "../files/read-file";

export interface FileStat { mtimeMs: number; size: number }

export interface WorkspaceFiles {
  /** null when there is no such file, or it is no regular file (a folder, a FIFO, a device). */
  stat(file: string): FileStat | null;
  /** The file's text; throws (an Error that says why) when it cannot be read or is not UTF-8 text. */
  read(file: string): string;
  /** Every .tsk file below `folder`, up to the limits. */
  list(folder: string, limits?: ScanLimits): ScanResult;
  /** The same, yielding to other work between folders, and stopping when `cancelled` says so. */
  scan(folder: string, limits: ScanLimits, cancelled: () => boolean): Promise<ScanResult>;
  writable(file: string): boolean;
}

export const nodeFiles: WorkspaceFiles = {
  stat(file) {
    // Not even a stat of a network path: Windows would connect to the host, and send credentials.
    if (isNetworkPath(file)) return null;
    try {
      const s = fs.statSync(file);
      return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
    } catch {
      return null;
    }
  },
  read(file) {
    const read = readTextFile(file, MAX_CONFIG_BYTES);
    if (read.error !== undefined) throw new Error(read.error);
    return read.text;
  },
  list: (folder, limits) => listTskFiles(folder, limits),
  scan: (folder, limits, cancelled) => scanTskFiles(folder, limits, cancelled),
  writable(file) {
    if (isNetworkPath(file)) return false;
    try {
      fs.accessSync(file, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};
