// Services that depend on each other in a circle can never start in order.
import { sourceAt, type Finding, type Rule } from "./rule";

export const dependencyCycle: Rule = {
  code: "dependency-cycle",
  severity: "warning",
  description: "`services.*.depends_on` forms a cycle.",
  check({ instance, references, services }) {
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const r of references) {
      if (r.target !== "services" || r.path[0] !== "services" || r.path[2] !== "depends_on") continue;
      const from = String(r.path[1]);
      const cycle = findCycle(from, r.name, (n) => services.dependencies(n));
      if (!cycle) continue;
      const key = [...cycle].sort().join(",");
      if (reported.has(key)) continue;
      reported.add(key);
      const s = sourceAt(instance, r.path);
      if (!s) continue;
      out.push({
        start: s.valueStart, end: s.valueEnd,
        message: `services depend on each other in a cycle: ${[...cycle, cycle[0]].join(" → ")}`,
      });
    }
    return out;
  },
};

/** The cycle through the edge from → to, as a list of services starting at `from`, or null. */
function findCycle(from: string, to: string, deps: (n: string) => string[]): string[] | null {
  const seen = new Set<string>();
  const stack: { name: string; trail: string[] }[] = [{ name: to, trail: [from, to] }];
  while (stack.length > 0) {
    const { name, trail } = stack.pop()!;
    if (name === from) return trail.slice(0, -1);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const next of deps(name)) stack.push({ name: next, trail: [...trail, next] });
  }
  return null;
}
