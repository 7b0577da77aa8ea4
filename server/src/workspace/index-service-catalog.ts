// The services of every indexed file, for the rules and completion: built when first asked
// for after a file's services changed.
import type { ServiceCatalog } from "../rules/rule";
import type { FileSummary } from "./file-summary";

export class IndexServiceCatalog implements ServiceCatalog {
  private readonly services = new Map<string, { deps: string[]; file: string }>();

  constructor(files: Iterable<[string, FileSummary]>) {
    for (const [file, summary] of files) {
      for (const [name, deps] of summary.services) {
        const known = this.services.get(name);
        // A service described in two files depends on what either says.
        if (known) known.deps = [...new Set([...known.deps, ...deps])];
        else this.services.set(name, { deps, file });
      }
    }
  }

  has(name: string): boolean { return this.services.has(name); }
  names(): Iterable<string> { return this.services.keys(); }
  dependencies(name: string): string[] { return this.services.get(name)?.deps ?? []; }
  fileOf(name: string): string | null { return this.services.get(name)?.file ?? null; }
}
