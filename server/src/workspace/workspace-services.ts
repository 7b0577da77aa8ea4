// The services every config file of the workspace defines: files on disk read once at
// start, open documents as they change. (The full workspace index is a later step.)
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../syntax/syntax-tree";
import { buildInstance, type Instance } from "../schemas/instance";
import { InstanceServiceCatalog, servicesOf, type FileServices } from "../validation/service-catalog";
import type { ServiceCatalog } from "../rules/rule";

const MAX_FILES = 10_000;
const SKIPPED = new Set(["node_modules", ".git", "out", "dist"]);

export class WorkspaceServices {
  private readonly onDisk = new Map<string, FileServices>();
  private readonly open = new Map<string, FileServices>();
  private cached: ServiceCatalog | null = null;

  /** Reads every .tsk file below the folders; unreadable ones are skipped. */
  scan(folders: readonly string[]): number {
    let count = 0;
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (count >= MAX_FILES) return;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) { if (!SKIPPED.has(e.name)) walk(full); continue; }
        if (!e.name.endsWith(".tsk")) continue;
        try {
          this.onDisk.set(full, servicesOf(buildInstance(parse(fs.readFileSync(full, "utf8")))));
          count++;
        } catch { /* unreadable: not part of the catalog */ }
      }
    };
    for (const f of folders) walk(f);
    this.cached = null;
    return count;
  }

  /** An open document's services, as of its latest text; null when it closes. */
  setOpen(file: string, instance: Instance | null): void {
    if (instance) this.open.set(file, servicesOf(instance));
    else this.open.delete(file);
    this.cached = null;
  }

  catalog(): ServiceCatalog {
    if (this.cached) return this.cached;
    const catalog = new InstanceServiceCatalog();
    for (const [file, services] of this.onDisk) if (!this.open.has(file)) catalog.addFile(services, file);
    for (const [file, services] of this.open) catalog.addFile(services, file);
    return (this.cached = catalog);
  }
}
