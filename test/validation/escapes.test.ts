// Unknown escapes in strings: kept as written by the parser, and said so where they are.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check";

describe("unknown escapes", () => {
  it("warns at each unknown escape, on its two characters, and names the fix", () => {
    const found = check('paths = ["C:\\data", "D:\\x\\q"]\n').filter((d) => d.code === "unknown-escape");
    assert.deepEqual(found.map((d) => [d.text, d.severity]), [["\\d", "warning"], ["\\x", "warning"], ["\\q", "warning"]]);
    assert.equal(found[0].message, "'\\d' is no escape: it stays as written; write '\\\\' for a backslash");
  });

  it("takes every escape TSK knows, an escaped backslash, a line continuation and raw \"\"\" strings", () => {
    const text = 'a = "\\n\\t\\r\\\\\\"\\\'\\0\\u00e9"\nb = \'it\\\'s\'\nc = "one \\\ntwo"\nd = """C:\\data"""\ne = "\\\\data"\n';
    assert.deepEqual(check(text).filter((d) => d.code === "unknown-escape"), []);
  });

  it("can be turned off like a rule", () => {
    assert.deepEqual(check('a = "\\d"\n', { rules: { "unknown-escape": "off" } }).filter((d) => d.code === "unknown-escape"), []);
  });
});
