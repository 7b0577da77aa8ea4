// Expand selection in process, cursor marked `|`: the texts selected one after another.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { selectionRanges } from "../../server/src/features/selection-ranges";
import { withCursor } from "../helpers/cursor";

function expansions(marked: string): string[] {
  const { text, offset } = withCursor(marked);
  return selectionRanges(parse(text), offset).map((s) => text.slice(s.start, s.end));
}

describe("selection ranges", () => {
  it("grow from a value through its expressions, the statement, the block's inside, the block, to the file", () => {
    const text = 'microservices {\n    discovery {\n        endpoints = ["http://a", "http://b|"]\n    }\n}\n';
    assert.deepEqual(expansions(text), [
      '"http://b"',
      '["http://a", "http://b"]',
      'endpoints = ["http://a", "http://b"]',
      'discovery {\n        endpoints = ["http://a", "http://b"]\n    }',
      'microservices {\n    discovery {\n        endpoints = ["http://a", "http://b"]\n    }\n}',
      'microservices {\n    discovery {\n        endpoints = ["http://a", "http://b"]\n    }\n}\n',
    ]);
  });

  it("grow from a key's segment to the key, and through an inline object's member", () => {
    assert.deepEqual(expansions("a.b|c.d = 1\n"), ["bc", "a.bc.d", "a.bc.d = 1", "a.bc.d = 1\n"]);
    assert.deepEqual(expansions("r = { service = \"bil|ling\", timeout = 5 }\n"), [
      '"billing"', 'service = "billing"', 'service = "billing", timeout = 5', 'r = { service = "billing", timeout = 5 }',
      'r = { service = "billing", timeout = 5 }\n',
    ]);
  });
});
