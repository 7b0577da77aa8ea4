// Values that name a service: found through the schemas (`"x-tsk-reference": "services"`),
// not by a list of places, so a user's schema can declare references of its own.
import type { Instance } from "../schemas/instance";
import type { Located, SchemaNavigator } from "../schemas/schema-navigation";
import { childPath, type Path } from "../paths/path";
import { pointer } from "../schemas/instance";

export interface ServiceReference {
  /** The name the value gives. */
  name: string;
  /** The root key whose members it names (`services`). */
  target: string;
  path: Path;
  /** The value's range, quotes included. */
  start: number;
  end: number;
}

export function findReferences(instance: Instance, navigator: SchemaNavigator, roots: Located[]): ServiceReference[] {
  const out: ServiceReference[] = [];
  const visit = (value: unknown, path: Path, schemas: Located[]) => {
    // Most of a config (ports, timeouts, …) can hold no reference: skip it without a look.
    if (schemas.length === 0 || !navigator.mayHold(schemas, "x-tsk-reference")) return;
    if (typeof value === "string") {
      const target = schemas.map((s) => s.schema["x-tsk-reference"]).find((t): t is string => typeof t === "string");
      const source = instance.sources.get(pointer(path));
      if (target && source && !source.expression) out.push({ name: value, target, path, start: source.valueStart, end: source.valueEnd });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, childPath(path, i), navigator.step(schemas, i)));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, childPath(path, k), navigator.step(schemas, k));
    }
  };
  visit(instance.value, [], navigator.at(roots, []));
  return out;
}
