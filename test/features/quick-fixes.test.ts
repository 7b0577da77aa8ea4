// Quick fixes as a user applies them: the text after the fix, and the diagnostics left.
import { describe, it } from "node:test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { quickFixes } from "../../server/src/features/quick-fixes";
import { applyEdits } from "../../server/src/features/format";
import { SYNTAX_CODES } from "../../server/src/validation/validate-document";
import { check } from "../validation/check";

const fixesOf = (text: string) => quickFixes(parse(text), check(text), (c) => !SYNTAX_CODES.has(c));
const codes = (text: string) => check(text).map((d) => d.code);

describe("quick fixes", () => {
  it("takes the suggestion for a misspelt key, and nothing is left to fix", () => {
    const text = 'microservices.discovery.provdier = "consul"\n';
    const fix = fixesOf(text).find((f) => f.preferred)!;
    assert.equal(fix.title, "Change to provider");
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'microservices.discovery.provider = "consul"\n');
    assert.deepEqual(codes(fixed), []);
  });

  it("takes the suggestion for a misspelt value, in the quotes it was written in", () => {
    for (const [written, expected] of [['"consol"', '"consul"'], ["'consol'", "'consul'"], ["consol", "consul"]]) {
      const text = `microservices.discovery.provider = ${written}\n`;
      const fix = fixesOf(text).find((f) => f.preferred)!;
      assert.equal(fix.title, `Change to ${expected}`);
      assert.deepEqual(codes(applyEdits(text, fix.edits)), []);
    }
  });

  it("takes the suggestion for a misspelt operator, keeping its '@' and arguments", () => {
    const text = 'port = @evn("PORT", 8080)\n';
    const fix = fixesOf(text).find((f) => f.preferred)!;
    assert.equal(fix.title, "Change to env");
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'port = @env("PORT", 8080)\n');
    assert.deepEqual(codes(fixed), []);
  });

  it("silences a rule on one line with a comment above it, indented like the line", () => {
    const text = "service_mesh {\n    mtls = true\n}\nsecurity {\n    mutual_tls = false\n}\n";
    assert.ok(codes(text).includes("mtls-mismatch"));
    const fix = fixesOf(text).find((f) => f.title === "Disable mtls-mismatch for this line")!;
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /\n {4}# tsk-disable-next-line mtls-mismatch\n {4}\S/);
    const count = (t: string) => codes(t).filter((c) => c === "mtls-mismatch").length;
    assert.equal(count(fixed), count(text) - 1, "the rule is silent on that line");
  });

  it("offers no silencing for a syntax error", () => {
    assert.deepEqual(fixesOf("a =\n").map((f) => f.title), []);
  });

  /** The text after the preferred fix of the diagnostic with `code`, and what is left to fix. */
  function fixed(text: string, code: string): { text: string; title: string; left: string[] } {
    const fix = fixesOf(text).find((f) => f.preferred && f.diagnostic.code === code);
    assert.ok(fix, `no preferred fix for ${code} among ${fixesOf(text).map((f) => `${f.diagnostic.code}: ${f.title}`).join("; ")}`);
    const after = applyEdits(text, fix.edits);
    return { text: after, title: fix.title, left: codes(after) };
  }

  it("writes a duration given in words as TSK writes it", () => {
    const r = fixed('microservices.discovery.health_check_interval = "10 seconds"\n', "invalid-format");
    assert.deepEqual(r, { text: 'microservices.discovery.health_check_interval = "10s"\n', title: 'Change to "10s"', left: [] });
  });

  it("unquotes a boolean or a number written as a string", () => {
    assert.deepEqual(fixed('service_mesh.mtls = "true"\n', "wrong-type"), { text: "service_mesh.mtls = true\n", title: "Change to true", left: [] });
    assert.deepEqual(fixed('resilience.circuit_breaker.threshold = "5"\n', "wrong-type").text, "resilience.circuit_breaker.threshold = 5\n");
  });

  it("writes a YAML list as an array, from the key or from any of its items", () => {
    const text = "microservices.discovery {\n    endpoints:\n      - http://a:8500\n      - \"http://b:8500\"\n    timeout = \"5s\"\n}\n";
    const after = "microservices.discovery {\n    endpoints: [\"http://a:8500\", \"http://b:8500\"]\n    timeout = \"5s\"\n}\n";
    assert.deepEqual(fixed(text, "yaml-list"), { text: after, title: "Write the list as an array", left: [] });
    assert.equal(fixed(text, "expected-value").text, after);
  });

  it("writes YAML block text as a \"\"\" string, as written", () => {
    const text = "banner: |\n  Welcome\n    to the service\nport = 8080\n";
    const r = fixed(text, "yaml-block");
    assert.equal(r.text, 'banner: """\nWelcome\n  to the service\n"""\nport = 8080\n');
    assert.equal(r.title, 'Write the block as a """ string');
  });

  it("adds a key a schema requires, with its default, where the object's keys are", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-required-"));
    try {
      const schema = path.join(dir, "payments.schema.json");
      fs.writeFileSync(schema, JSON.stringify({
        type: "object",
        properties: { payments: { type: "object", required: ["currency"], properties: { provider: { type: "string" }, currency: { type: "string", default: "eur" } } } },
      }));
      const block = `#!schema ${schema}\npayments {\n    provider = "stripe"\n}\n`;
      const r = fixed(block, "missing-key");
      assert.equal(r.title, "Add the key 'currency'");
      assert.equal(r.text, `#!schema ${schema}\npayments {\n    provider = "stripe"\n    currency = "eur"\n}\n`);
      assert.deepEqual(r.left, []);
      const inline = `#!schema ${schema}\npayments = { provider = "stripe" }\n`;
      assert.equal(fixed(inline, "missing-key").text, `#!schema ${schema}\npayments = { provider = "stripe", currency = "eur" }\n`);
      const section = `#!schema ${schema}\n[payments]\nprovider = "stripe"\n`;
      assert.equal(fixed(section, "missing-key").text, `#!schema ${schema}\n[payments]\ncurrency = "eur"\nprovider = "stripe"\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("switches a plain http:// endpoint to https:// where the plaintext rule fires", () => {
    const text = 'security.zero_trust = true\nmicroservices.discovery.endpoints = ["http://consul:8500"]\n';
    const r = fixed(text, "plaintext-endpoint");
    assert.equal(r.text, 'security.zero_trust = true\nmicroservices.discovery.endpoints = ["https://consul:8500"]\n');
    assert.ok(!r.left.includes("plaintext-endpoint"), r.left.join(", "));
  });
});
