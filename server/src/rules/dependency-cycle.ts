// Services that depend on each other in a circle can never start in order.
import { sourceAt, type Finding, type Rule } from "./rule";
import { stronglyConnected } from "./strongly-connected";

/** A cycle longer than this is shown by its ends: the message must stay readable. */
const SHOWN = 8;

export const dependencyCycle: Rule = {
  code: "dependency-cycle",
  severity: "warning",
  description: "`services.*.depends_on` forms a cycle.",
  check({ instance, references, services }) {
    const edges = references.filter((r) => r.target === "services" && r.path[0] === "services" && r.path[2] === "depends_on");
    if (edges.length === 0) return [];
    // An edge lies on a cycle exactly when both its ends are in one strongly connected
    // component: one pass over the graph, however many edges this file has.
    const deps = (n: string) => services.dependencies(n);
    const component = stronglyConnected(edges.map((r) => String(r.path[1])), deps);
    const out: Finding[] = [];
    const reported = new Set<number>();
    for (const r of edges) {
      const from = String(r.path[1]);
      const c = component.get(from);
      if (c === undefined || c !== component.get(r.name) || reported.has(c)) continue;
      const cycle = [from, ...pathWithin(r.name, from, (n) => deps(n).filter((d) => component.get(d) === c))];
      reported.add(c);
      const s = sourceAt(instance, r.path);
      if (!s) continue;
      out.push({ start: s.valueStart, end: s.valueEnd, message: `services depend on each other in a cycle: ${describe(cycle)}` });
    }
    return out;
  },
};

/** The shortest path from `start` to `goal` (both included), found breadth first. */
function pathWithin(start: string, goal: string, next: (n: string) => string[]): string[] {
  if (start === goal) return [];
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const n of next(queue[i])) {
      if (parent.has(n)) continue;
      parent.set(n, queue[i]);
      if (n === goal) {
        const path: string[] = [];
        for (let at: string | null = queue[i]; at !== null; at = parent.get(at) ?? null) path.unshift(at);
        return path;
      }
      queue.push(n);
    }
  }
  return [start];
}

function describe(cycle: string[]): string {
  const closed = [...cycle, cycle[0]];
  if (closed.length <= SHOWN + 1) return closed.join(" → ");
  return `${closed.slice(0, SHOWN - 2).join(" → ")} → … → ${closed.slice(-2).join(" → ")} (${cycle.length} services)`;
}
