// How the index reaches files on disk. An interface, so that tests and benchmarks can count
// what is read, and a Node implementation for the server and `tsk check`.
import * as fs from "node:fs";
import { listTskFiles } from "./folder-scan";

export interface FileStat { mtimeMs: number; size: number }

export interface WorkspaceFiles {
  /** null when there is no such file (or it is a folder). */
  stat(file: string): FileStat | null;
  /** The file's text; throws when it cannot be read. */
  read(file: string): string;
  /** Every .tsk file below `folder`. */
  list(folder: string): string[];
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
  list: (folder) => listTskFiles(folder),
  writable(file) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};
