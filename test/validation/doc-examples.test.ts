// Our collection of doc-style examples (test/fixtures/doc-examples: one file per construct class,
// each written after a page of TuskLang's documentation or SDKs, which it names in a comment),
// checked as `tsk check` checks them: at least 92 % are free of errors, and each of the others
// fails with exactly the errors listed here, for a reason a person would agree with.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { check } from "./check";
import { repoRoot } from "../syntax/helpers";

const dir = path.join(repoRoot, "test/fixtures/doc-examples");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".tsk")).sort();

/** The examples that are not TSK, and the errors (line, code) that say why. */
const FAILING: Record<string, [number, string][]> = {
  // `key: |` is YAML's block text: write a """ string.
  "38-yaml-block.tsk": [[4, "yaml-block"]],
  // A JSON document: its members are keys in TSK.
  "39-json-document.tsk": [[3, "json-document"]],
  // `key:` over `- item` lines is a YAML list: write an array.
  "40-yaml-lists.tsk": [[2, "expected-value"], [3, "yaml-list"], [4, "yaml-list"]],
  // `u => u.active` is JavaScript.
  "41-lambdas.tsk": [[4, "expected-value"]],
};

describe("doc-style examples", () => {
  it("each names the page of the reference it was written after", () => {
    assert.ok(files.length >= 50, `${files.length} examples`);
    for (const f of files) assert.match(fs.readFileSync(path.join(dir, f), "utf8"), /^#.*(docs-branch\/|sdk\/|tsk-language\.md)/m, f);
  });

  it("at least 92 % check free of errors, and the others fail with exactly the errors that say why", () => {
    let clean = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const errors = check(text, {}, path.join(dir, f)).filter((d) => d.severity === "error");
      assert.deepEqual(errors.map((d) => [d.line, d.code]), FAILING[f] ?? [], `${f}: ${errors.map((d) => `${d.line}: ${d.message}`).join("; ")}`);
      if (errors.length === 0) clean++;
    }
    assert.ok(clean / files.length >= 0.92, `${clean} of ${files.length} clean`);
  });

  it("say what to write instead where they fail", () => {
    const said = (f: string) => check(fs.readFileSync(path.join(dir, f), "utf8")).filter((d) => d.severity === "error").map((d) => d.message);
    assert.deepEqual(said("38-yaml-block.tsk"), [`'|' block text is YAML, not TSK: write the text between """ and """, as in key = """⏎…⏎"""`]);
    assert.deepEqual(said("39-json-document.tsk"), ["a '{ … }' standing alone is JSON, not TSK: write its members as keys (name = value), or give it a key, as in name = { … }"]);
    assert.deepEqual(said("40-yaml-lists.tsk"), [
      "expected a value after ':': TSK writes a list as an array, as in fruits = [a, b]",
      "'- item' lists are YAML, not TSK: write an array, as in key = [a, b]",
      "'- item' lists are YAML, not TSK: write an array, as in key = [a, b]",
    ]);
    assert.deepEqual(said("41-lambdas.tsk"), ["'=>' functions are JavaScript, not TSK: no TuskLang parser reads them"]);
  });
});
