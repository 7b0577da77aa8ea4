// With zero trust or mutual TLS on, a plain http:// endpoint is a hole in it.
import { valueAt, type Finding, type Rule } from "./rule";
import { mutualTlsOn } from "./mutual-tls";
import { pointer } from "../schemas/instance";

export const plaintextEndpoint: Rule = {
  code: "plaintext-endpoint",
  severity: "info",
  description: "An `http://` endpoint while zero trust or mutual TLS is on.",
  check({ instance }) {
    if (valueAt(instance, ["security", "zero_trust"]) !== true && !mutualTlsOn(instance)) return [];
    const out: Finding[] = [];
    for (const at of plainUrlsUnder(instance.value)) {
      const s = instance.sources.get(at);
      const v = valueAt(instance, s?.path ?? []);
      if (s && !s.expression && typeof v === "string") {
        out.push({
          start: s.valueStart, end: s.valueEnd, message: `${v} is plain HTTP while zero trust or mutual TLS is on: use https://`,
          data: { replacement: `https://${v.slice("http://".length)}` },
        });
      }
    }
    return out;
  },
};

/**
 * Under each object or array of an instance, the pointers (from it) of its http:// strings.
 * An instance's objects are not changed once built, and after an edit most of them are the
 * same objects again (validation/document-analyzer.ts), so each is looked through once.
 */
const found = new WeakMap<object, string[]>();
const NONE: string[] = [];

function plainUrlsUnder(value: object): string[] {
  const known = found.get(value);
  if (known) return known;
  let out = NONE;
  const collect = (at: string, v: unknown) => {
    if (typeof v === "string") {
      if (v.startsWith("http://")) (out === NONE ? (out = []) : out).push(at);
    } else if (v !== null && typeof v === "object") {
      const below = plainUrlsUnder(v);
      if (below.length > 0) for (const b of below) (out === NONE ? (out = []) : out).push(at + b);
    }
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collect(`/${i}`, value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) collect(pointer([k]), record[k]);
  }
  found.set(value, out);
  return out;
}
