// Signature help in process, cursor marked `|`: the operator's signature and the parameter the
// cursor is on, also in calls not finished yet.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { signatureHelp } from "../../server/src/features/signature-help";
import { withCursor } from "../helpers/cursor";

function at(marked: string): { label: string; active: string } | null {
  const { text, offset } = withCursor(marked);
  const help = signatureHelp(parse(text), offset);
  if (!help) return null;
  const p = help.parameters[help.activeParameter];
  return { label: help.label, active: p ? help.label.slice(p.start, p.end) : "" };
}

describe("signature help", () => {
  it("shows the operator's signature with the parameter under the cursor", () => {
    assert.deepEqual(at('home = @env(|'), { label: "@env(name, default?)", active: "name" });
    assert.deepEqual(at('home = @env("HOME", |'), { label: "@env(name, default?)", active: "default?" });
    assert.deepEqual(at('home = @env("HO|")'), { label: "@env(name, default?)", active: "name" });
    assert.deepEqual(at('home = @env("A, B", "x|'), { label: "@env(name, default?)", active: "default?" }, "a comma in a string is no separator");
  });

  it("follows nesting: the innermost open call is the one shown", () => {
    assert.deepEqual(at('home = @env(@env("A", |'), { label: "@env(name, default?)", active: "default?" });
    assert.deepEqual(at('home = @env(@env("A", "b"), |'), { label: "@env(name, default?)", active: "default?" });
    assert.deepEqual(at('home = @env([1, 2, |'), null, "inside an array the list is not the call's");
  });

  it("shows nothing outside a call, in a comment, or for an operator it does not know", () => {
    assert.equal(at('home = @env("HOME")|'), null);
    assert.equal(at('# @env(|'), null);
    assert.equal(at('home = @made_up(|'), null);
  });
});
