// The workspace as one file's checks see it. It notes what they asked, so that the file is
// checked again exactly when something it depended on changes.
import * as path from "node:path";
import type { ServiceCatalog } from "../rules/rule";
import type { WorkspaceView } from "../rules/workspace-view";
import type { Path } from "../paths/path";
import type { IndexChange, WorkspaceIndex } from "./workspace-index";

export interface Dependencies {
  /** Paths looked at, found or not. */
  files: Set<string>;
  services: boolean;
  /** Asked who reads this file's globals: any file's reads or imports matter. */
  readers: boolean;
}

export function dependsOn(deps: Dependencies, change: IndexChange): boolean {
  if (deps.services && change.services) return true;
  if (deps.readers && (change.globalUses || change.structure)) return true;
  for (const f of change.files) if (deps.files.has(f)) return true;
  return false;
}

export class FileView implements WorkspaceView {
  readonly dependencies: Dependencies = { files: new Set(), services: false, readers: false };

  constructor(private readonly index: WorkspaceIndex, private readonly file: string) {
    this.dependencies.files.add(file);
  }

  get complete(): boolean { return this.index.complete; }

  get services(): ServiceCatalog {
    const deps = this.dependencies;
    const catalog = () => {
      deps.services = true;
      return this.index.serviceCatalog();
    };
    return {
      has: (name) => catalog().has(name),
      names: () => catalog().names(),
      dependencies: (name) => catalog().dependencies(name),
      fileOf: (name) => catalog().fileOf(name),
    };
  }

  resolveGlobal(name: string): string | null {
    return this.index.resolution.resolveGlobal(this.file, name, this.dependencies.files);
  }

  globalIsRead(name: string): boolean {
    this.dependencies.readers = true;
    for (const reader of this.index.readersOf(name)) {
      if (this.index.resolution.resolveGlobal(reader, name) === this.file) return true;
    }
    return false;
  }

  refusedOutside(name: string, read: boolean): boolean {
    return this.index.resolution.refused(this.file, name, read);
  }

  fileRead(name: string): string | null {
    return this.index.resolution.readTarget(this.file, name, this.dependencies.files);
  }

  hasKey(file: string, key: Path): boolean {
    return this.index.resolution.keyOwner(file, key, this.dependencies.files) !== null;
  }

  keysOf(file: string): Iterable<string> {
    // Suggestions quote keys: none from a file outside the workspace.
    if (!this.index.mayShow(file)) return [];
    const s = this.index.lookup(file);
    return s ? s.keys.distinctPaths() : [];
  }

  importTarget(importPath: string): string | null {
    return this.index.resolution.importTarget(this.file, importPath, this.dependencies.files);
  }

  importCycle(importPath: string): string[] | null {
    return this.index.resolution.importCycle(this.file, importPath, this.dependencies.files);
  }

  displayName(file: string): string {
    if (this.index.folderOf(file) || this.index.isVirtual(this.file)) return this.index.displayName(file);
    // Outside the folders: relative to the file checked, which is what its reader knows.
    return path.relative(path.dirname(this.file), file) || path.basename(file);
  }
}
