// Changes as an editor sends them (line/character ranges) give the text that the reference
// implementation of LSP text documents gives, including ranges written end first.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import { parse } from "../../server/src/syntax/syntax-tree";
import { applyContentChange, type ContentChange } from "../../server/src/syntax/incremental";

const START = "a = 1\nb {\n    c = \"two\"\n}\nd = [1, 2]\n";

function both(changes: ContentChange[]): { ours: string; reference: string } {
  let tree = parse(START);
  let doc = TextDocument.create("file:///x.tsk", "tsk", 1, START);
  for (const c of changes) {
    tree = applyContentChange(tree, c);
    doc = TextDocument.update(doc, [c], doc.version + 1);
  }
  return { ours: tree.text, reference: doc.getText() };
}

describe("applyContentChange", () => {
  it("replaces a range written end first, as the reference implementation does (ends swapped)", () => {
    const reversed = { range: { start: { line: 2, character: 8 }, end: { line: 0, character: 4 } }, text: "X" };
    const { ours, reference } = both([reversed]);
    assert.equal(reference, "a = X\"two\"\n}\nd = [1, 2]\n");
    assert.equal(ours, reference);
    assert.equal(parse(ours).text, ours);
  });

  it("agrees with the reference on forward, reversed, empty and out-of-range ranges", () => {
    const changes: ContentChange[] = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: "alpha" },
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 0 } }, text: "" },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "e = 5\n" },
      { range: { start: { line: 99, character: 0 }, end: { line: 2, character: 2 } }, text: "}" },
      { range: { start: { line: 0, character: 50 }, end: { line: 0, character: 2 } }, text: "" },
    ];
    for (let n = 1; n <= changes.length; n++) {
      const { ours, reference } = both(changes.slice(0, n));
      assert.equal(ours, reference, `after ${n} change(s)`);
    }
  });
});
