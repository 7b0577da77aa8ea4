// A topic listed twice is a copy-paste slip, or a second topic someone forgot to rename.
import { valueAt, sourceAt, type Finding, type Rule } from "./rule";

export const duplicateTopic: Rule = {
  code: "duplicate-topic",
  severity: "warning",
  description: "A topic listed twice in `events.topics`.",
  check({ instance }) {
    const topics = valueAt(instance, ["events", "topics"]);
    if (!Array.isArray(topics)) return [];
    const first = new Map<unknown, number>();
    const out: Finding[] = [];
    topics.forEach((t, i) => {
      if (typeof t !== "string") return;
      const earlier = first.get(t);
      if (earlier === undefined) { first.set(t, i); return; }
      const s = sourceAt(instance, ["events", "topics", i]);
      const e = sourceAt(instance, ["events", "topics", earlier]);
      if (!s) return;
      out.push({
        start: s.valueStart, end: s.valueEnd,
        message: `topic '${t}' is listed twice`,
        related: e ? [{ start: e.valueStart, end: e.valueEnd, message: "first listed here" }] : undefined,
      });
    });
    return out;
  },
};
