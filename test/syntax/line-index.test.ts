// Lines are found once per text and then kept up to date by each edit: the index after an
// edit must be the one a fresh look at the new text gives, whatever the edit does to line
// breaks (typing '\n' after a '\r', splitting a CRLF, deleting across lines).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { LineIndex } from "../../server/src/syntax/line-index";
import { TextBuffer } from "../../server/src/syntax/text-buffer";
import { parse } from "../../server/src/syntax/syntax-tree";
import { applyEdit } from "../../server/src/syntax/incremental";

const seed = Number(process.env.TSK_FC_SEED ?? 0x75c0de);

/** Every line start, and the position of every offset: what a user's positions depend on. */
function shape(index: LineIndex, length: number): unknown {
  const starts = Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i));
  const positions = Array.from({ length: length + 1 }, (_, o) => index.positionAt(o));
  const offsets = starts.map((_, line) => index.offsetAt({ line, character: 1000 }));
  return { starts, positions, offsets };
}

const piece = fc.constantFrom("\r", "\n", "\r\n", "a", "bc", "x = 1", " ");
const textArb = fc.array(piece, { maxLength: 30 }).map((p) => p.join(""));

describe("the line index after an edit", () => {
  it("equals the index of the new text, for random edits of texts made of line breaks", () => {
    fc.assert(fc.property(textArb, fc.array(fc.record({ at: fc.nat(), remove: fc.nat(6), text: textArb }), { minLength: 1, maxLength: 6 }), (original, edits) => {
      let text = original;
      let index = LineIndex.of(text);
      let buffer = new TextBuffer(text);
      for (const e of edits) {
        const start = e.at % (text.length + 1);
        const end = Math.min(text.length, start + e.remove);
        buffer = buffer.edit(start, end, e.text);
        text = text.slice(0, start) + e.text + text.slice(end);
        index = index.edited(start, end, e.text.length, buffer);
        assert.deepEqual(shape(index, text.length), shape(LineIndex.of(text), text.length), JSON.stringify({ text, start, end, insert: e.text }));
      }
    }), { seed, numRuns: 2000 });
  });

  it("is what a document's positions come from after typing into it", () => {
    const text = "a {\r\n  b = 1\r\n}\r\n";
    let tree = parse(text);
    assert.deepEqual(tree.positionAt(text.indexOf("b")), { line: 1, character: 2 });
    tree = applyEdit(tree, { start: 4, end: 5, text: "\n\n" });
    assert.deepEqual(tree.positionAt(tree.text.indexOf("b")), { line: 2, character: 2 }); // "\r" "\n" is one break, then "\n"
    assert.deepEqual(tree.lines.lineCount, LineIndex.of(tree.text).lineCount);
  });
});
