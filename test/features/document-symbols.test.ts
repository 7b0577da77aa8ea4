// The outline a user sees: names, kinds, nesting, and what each covers.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { documentSymbols, type OutlineSymbol } from "../../server/src/features/document-symbols";
import { guideExample } from "../helpers/guide-example";

/** `name [kind] detail`, children indented: the outline as text. */
function outline(text: string): string {
  const lines: string[] = [];
  const show = (s: OutlineSymbol, indent: string) => {
    lines.push(`${indent}${s.name} [${s.kind}]${s.detail ? ` ${s.detail}` : ""}`);
    for (const c of s.children) show(c, indent + "  ");
  };
  for (const s of documentSymbols(parse(text))) show(s, "");
  return lines.join("\n");
}

describe("the outline", () => {
  it("nests the guide's objects and names each key with its value", () => {
    assert.equal(outline(guideExample()), [
      "microservices [object]",
      "  discovery [object]",
      '    provider [string] "consul"',
      '    endpoints [array] ["http://consul1:8500", "http://consul2:8500"]',
      '    health_check_interval [string] "10s"',
      "    retry_policy [object]",
      "      max_attempts [number] 5",
      '      backoff [string] "exponential"',
      "  registry [object]",
      "    auto_register [boolean] true",
      '    tags [array] ["php", "tusklang", "v1"]',
      "    metadata [object]",
      '      version [string] "1.0.0"',
      '      region [string] "us-east-1"',
    ].join("\n"));
  });

  it("shows each spelling as written: sections hold their keys, blocks, angle blocks, dotted keys, globals, inline objects", () => {
    const text = [
      "$env = \"prod\"",
      "[security.tls]",
      "enabled = true",
      "service_mesh {",
      "  mtls: true",
      "}",
      "[resilience]",
      "circuit_breaker >",
      "  failure_threshold: 5",
      "<",
      "retry.max_attempts = 3",
      'routes = { "/api": { service: "api" } }',
      "",
    ].join("\n");
    assert.equal(outline(text), [
      '$env [global] "prod"',
      "security.tls [section]",
      "  enabled [boolean] true",
      "  service_mesh [block]",
      "    mtls [boolean] true",
      "resilience [section]",
      "  circuit_breaker [block]",
      "    failure_threshold [number] 5",
      "  retry.max_attempts [number] 3",
      "  routes [object]",
      '    "/api" [object]',
      '      service [string] "api"',
    ].join("\n"));
  });

  it("covers a section up to its last key, and selects the key", () => {
    const text = "[a]\nx = 1\ny = 2\n\n[b]\nz = 3\n";
    const [a, b] = documentSymbols(parse(text));
    assert.equal(text.slice(a.start, a.end), "[a]\nx = 1\ny = 2");
    assert.equal(text.slice(a.selectionStart, a.selectionEnd), "a");
    assert.equal(text.slice(b.children[0].selectionStart, b.children[0].selectionEnd), "z");
  });

  it("still lists what it can read below a syntax error", () => {
    assert.equal(outline("a {\n  b =\n  c = 2\n}\nd = 4\n"), "a [block]\n  b [value]\n  c [number] 2\nd [number] 4");
  });
});
