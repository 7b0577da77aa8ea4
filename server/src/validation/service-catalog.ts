// The services that config files define: names under the root key `services`, with their
// `depends_on`. Built from one or many files' instances.
import type { ServiceCatalog } from "../rules/rule";
import type { Instance } from "../schemas/instance";

export class InstanceServiceCatalog implements ServiceCatalog {
  private readonly services = new Map<string, { deps: string[]; file: string | null }>();

  add(instance: Instance, file: string | null): void {
    const services = instance.value.services;
    if (!services || typeof services !== "object" || Array.isArray(services)) return;
    for (const [name, def] of Object.entries(services as Record<string, unknown>)) {
      const deps = def && typeof def === "object" && Array.isArray((def as { depends_on?: unknown }).depends_on)
        ? ((def as { depends_on: unknown[] }).depends_on.filter((d): d is string => typeof d === "string"))
        : [];
      this.services.set(name, { deps, file });
    }
  }

  has(name: string): boolean { return this.services.has(name); }
  names(): Iterable<string> { return this.services.keys(); }
  dependencies(name: string): string[] { return this.services.get(name)?.deps ?? []; }
  fileOf(name: string): string | null { return this.services.get(name)?.file ?? null; }
}
