// Folding: which lines fold under which, as an editor shows them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { foldingRanges } from "../../server/src/features/folding";

/** Each range as `first-last kind`, 1-based lines as an editor numbers them. */
const folds = (text: string) => foldingRanges(parse(text)).map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ""}`);

describe("folding", () => {
  it("folds blocks, objects and angle blocks to the line before their closer", () => {
    assert.deepEqual(folds([
      "mesh {",            // 1
      "  retry = {",       // 2
      "    attempts = 3",  // 3
      "  }",               // 4
      "}",                 // 5
      "breaker >",         // 6
      "  threshold: 5",    // 7
      "<",                 // 8
    ].join("\n")), ["1-4", "2-3", "6-7"]);
  });

  it("folds sections to their last key, arrays and calls over lines, and \"\"\" strings", () => {
    assert.deepEqual(folds([
      "[gateway]",        // 1
      "routes = [",       // 2
      '  "a",',           // 3
      '  "b"',            // 4
      "]",                // 5
      "token = @env(",    // 6
      '  "TOKEN")',       // 7
      'doc = """',        // 8
      "text",             // 9
      '"""',              // 10
      "",                 // 11
      "[events]",         // 12
      "x = 1",            // 13
    ].join("\n")), ["1-10 region", "2-4", "6-7", "8-9", "12-13 region"]);
  });

  it("folds block comments and runs of line comments, never a single line", () => {
    assert.deepEqual(folds([
      "# one",     // 1
      "# two",     // 2
      "# three",   // 3
      "a = 1",     // 4
      "# alone",   // 5
      "/* b",      // 6
      "   c */",   // 7
      "d = [1, 2]", // 8
    ].join("\n")), ["1-3 comment", "6-7 comment"]);
  });
});
