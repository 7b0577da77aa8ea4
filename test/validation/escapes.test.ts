// Unknown escapes in strings: kept as written by the parser, and said so where they are.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check";

describe("unknown escapes", () => {
  it("hints at each unknown escape, on its two characters, and names the fix: the value keeps it, so nothing is lost", () => {
    const found = check('paths = ["C:\\data", "D:\\x\\q"]\n').filter((d) => d.code === "unknown-escape");
    assert.deepEqual(found.map((d) => [d.text, d.severity]), [["\\d", "hint"], ["\\x", "hint"], ["\\q", "hint"]]);
    assert.equal(found[0].message, "'\\d' is no escape: it stays as written; write '\\\\' for a backslash");
  });

  it("takes every escape TSK knows, an escaped backslash, a line continuation and raw \"\"\" strings", () => {
    const text = 'a = "\\n\\t\\r\\\\\\"\\\'\\0\\u00e9"\nb = \'it\\\'s\'\nc = "one \\\ntwo"\nd = """C:\\data"""\ne = "\\\\data"\n';
    assert.deepEqual(check(text).filter((d) => d.code === "unknown-escape"), []);
  });

  it("a regular expression's escapes are hints, no warning", () => {
    const found = check('pattern = "^\\d+\\.\\w*$"\n');
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.text]), [["unknown-escape", "hint", "\\d"], ["unknown-escape", "hint", "\\."], ["unknown-escape", "hint", "\\w"]]);
  });

  it("can be turned off, or up, like a rule", () => {
    assert.deepEqual(check('a = "\\d"\n', { rules: { "unknown-escape": "off" } }).filter((d) => d.code === "unknown-escape"), []);
    assert.deepEqual(check('a = "\\d"\n', { rules: { "unknown-escape": "warning" } }).map((d) => [d.code, d.severity]), [["unknown-escape", "warning"]]);
  });
});
