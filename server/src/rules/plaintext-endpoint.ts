// With zero trust or mutual TLS on, a plain http:// endpoint is a hole in it.
import { valueAt, type Finding, type Rule } from "./rule";
import { mutualTlsOn } from "./mutual-tls";

export const plaintextEndpoint: Rule = {
  code: "plaintext-endpoint",
  severity: "info",
  description: "An `http://` endpoint while zero trust or mutual TLS is on.",
  check({ instance }) {
    if (valueAt(instance, ["security", "zero_trust"]) !== true && !mutualTlsOn(instance)) return [];
    const out: Finding[] = [];
    for (const s of instance.sources.values()) {
      if (s.expression) continue;
      const v = valueAt(instance, s.path);
      if (typeof v !== "string" || !v.startsWith("http://")) continue;
      out.push({ start: s.valueStart, end: s.valueEnd, message: `${v} is plain HTTP while zero trust or mutual TLS is on: use https://` });
    }
    return out;
  },
};
