// Files in memory for the workspace index, counting what it reads; any of them may be made read-only.
import * as path from "node:path";
import type { WorkspaceFiles } from "../../server/src/workspace/workspace-files";
import type { ScanLimits, ScanResult } from "../../server/src/workspace/folder-scan";

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
  list(folder: string, limits?: ScanLimits): ScanResult {
    const files = [...this.files.keys()].filter((f) => f.startsWith(folder + path.sep) && f.endsWith(".tsk"));
    const max = limits?.maxFiles ?? Infinity;
    return { files: files.slice(0, max), stoppedEarly: files.length > max ? `read ${max} config files of ${folder} and left out ${files.length - max} more (tsk.maxIndexedFiles)` : null };
  }
  async scan(folder: string, limits: ScanLimits): Promise<ScanResult> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.list(folder, limits);
  }
  readonly readOnly = new Set<string>();
  writable(file: string): boolean { return !this.readOnly.has(file); }
}

