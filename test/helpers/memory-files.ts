// Files in memory for the workspace index, counting what it reads; any of them may be made read-only.
import * as path from "node:path";
import type { WorkspaceFiles } from "../../server/src/workspace/workspace-files";

/** Files in memory, counting what the index reads. */
export class MemoryFiles implements WorkspaceFiles {
  readonly files = new Map<string, { text: string; mtimeMs: number }>();
  reads = 0;
  private clock = 1;

  write(file: string, text: string): void { this.files.set(file, { text, mtimeMs: this.clock++ }); }
  touch(file: string): void { this.files.get(file)!.mtimeMs = this.clock++; }
  delete(file: string): void { this.files.delete(file); }

  stat(file: string) {
    const f = this.files.get(file);
    return f ? { mtimeMs: f.mtimeMs, size: f.text.length } : null;
  }
  read(file: string): string {
    this.reads++;
    const f = this.files.get(file);
    if (!f) throw new Error(`no ${file}`);
    return f.text;
  }
  list(folder: string): string[] { return [...this.files.keys()].filter((f) => f.startsWith(folder + path.sep) && f.endsWith(".tsk")); }
  readonly readOnly = new Set<string>();
  writable(file: string): boolean { return !this.readOnly.has(file); }
}

