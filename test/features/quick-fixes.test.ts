// Quick fixes as a user applies them: the text after the fix, and the diagnostics left.
import { describe, it } from "node:test";
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
});
