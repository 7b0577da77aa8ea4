// The services that config files define: names under the root key `services`, with their
// `depends_on`. Built from one or many files.
import type { ServiceCatalog } from "../rules/rule";
import type { Instance } from "../schemas/instance";

/** One file's services: name → the services it depends on. */
export type FileServices = Map<string, string[]>;

export function servicesOf(instance: Instance): FileServices {
  const out: FileServices = new Map();
  const services = instance.value.services;
  if (!services || typeof services !== "object" || Array.isArray(services)) return out;
  for (const [name, def] of Object.entries(services as Record<string, unknown>)) {
    const deps = def && typeof def === "object" && Array.isArray((def as { depends_on?: unknown }).depends_on)
      ? (def as { depends_on: unknown[] }).depends_on.filter((d): d is string => typeof d === "string")
      : [];
    out.set(name, deps);
  }
  return out;
}

export class InstanceServiceCatalog implements ServiceCatalog {
  private readonly services = new Map<string, { deps: string[]; file: string | null }>();

  add(instance: Instance, file: string | null): void {
    this.addFile(servicesOf(instance), file);
  }

  addFile(services: FileServices, file: string | null): void {
    for (const [name, deps] of services) this.services.set(name, { deps, file });
  }

  has(name: string): boolean { return this.services.has(name); }
  names(): Iterable<string> { return this.services.keys(); }
  dependencies(name: string): string[] { return this.services.get(name)?.deps ?? []; }
  fileOf(name: string): string | null { return this.services.get(name)?.file ?? null; }
}

/** `base` with one file's services replaced by `own`: a document's latest text wins over what the workspace last saw of it. */
export function withOwnServices(base: ServiceCatalog, own: FileServices, file: string | null): ServiceCatalog {
  const fromOther = (name: string) => base.has(name) && (file === null || base.fileOf(name) !== file);
  return {
    has: (name) => own.has(name) || fromOther(name),
    names: () => new Set([...own.keys(), ...[...base.names()].filter(fromOther)]),
    dependencies: (name) => own.get(name) ?? (fromOther(name) ? base.dependencies(name) : []),
    fileOf: (name) => (own.has(name) ? file : fromOther(name) ? base.fileOf(name) : null),
  };
}
