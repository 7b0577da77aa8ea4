// With zero trust or mutual TLS on, a plain http:// endpoint is a hole in it.
import { sourceAt, valueAt, type Finding, type Rule } from "./rule";
import { mutualTlsOn } from "./mutual-tls";
import type { PathSegment } from "../paths/path";

export const plaintextEndpoint: Rule = {
  code: "plaintext-endpoint",
  severity: "info",
  description: "An `http://` endpoint while zero trust or mutual TLS is on.",
  check({ instance }) {
    if (valueAt(instance, ["security", "zero_trust"]) !== true && !mutualTlsOn(instance)) return [];
    const out: Finding[] = [];
    // Every string of the configuration; the place that wrote it only for the ones that matter.
    const path: PathSegment[] = [];
    const visit = (value: unknown): void => {
      if (typeof value === "string") {
        if (!value.startsWith("http://")) return;
        const s = sourceAt(instance, path);
        if (s && !s.expression) out.push({ start: s.valueStart, end: s.valueEnd, message: `${value} is plain HTTP while zero trust or mutual TLS is on: use https://` });
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) { path.push(i); visit(value[i]); path.pop(); }
      } else if (value !== null && typeof value === "object") {
        for (const k in value) { path.push(k); visit((value as Record<string, unknown>)[k]); path.pop(); }
      }
    };
    visit(instance.value);
    return out;
  },
};
