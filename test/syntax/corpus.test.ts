// The real .tsk files of test/fixtures/corpus (their sources: its MANIFEST.txt): every one parses, and
// edits on it give what a full parse gives; what the language accepts parses cleanly, and what
// it does not (PHP, Markdown, YAML in a .tsk file) is reported.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse, toJSON } from "../../server/src/syntax/syntax-tree";
import { applyEdit } from "../../server/src/syntax/incremental";
import { assertSameAsFullParse, corpusFile, corpusFiles, describe as where, json, paths } from "./helpers";

/** Valid TSK per tsk-language.md, whatever the MANIFEST calls them: no problem at all. */
const CLEAN = [
  "01", "02", "04", "06", "07", "08", "09", "10", "11", "12", "15", "16", "18", "19", "22", "23", "25",
];

/** Not TSK, or TSK with mistakes: at least one error. */
const NEGATIVE = {
  "20": "a PHP file",
  "21": "`malformed = ` with an empty value",
  "30": "Markdown prose",
  "05": "YAML-style indentation and '- item' lists",
  "17": "YAML-style indentation and '- item' lists",
  "27": "YAML-style nesting with empty 'key:' lines",
  "28": "YAML-style manifest",
  "13": "PHP functions embedded in php(…)",
  "24": "@if/@endif template lines",
};

const lines = (text: string) => text.split(/\r\n|\r|\n/);

describe("corpus", () => {
  const files = corpusFiles();

  it("holds the 30 files of the manifest", () => {
    assert.equal(files.length, 30);
  });

  for (const { name, text } of files) {
    it(`${name}: parses without throwing, and its tree covers the text`, () => {
      const tree = parse(text);
      const root = json(tree);
      for (const s of root.statements) {
        assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `statement range in ${name}`);
      }
      for (const p of tree.problems()) {
        assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end, `problem range in ${name}`);
        assert.ok(p.message.length > 0);
      }
    });

    it(`${name}: deleting and putting back each line, one at a time, gives what a full parse gives`, () => {
      let tree = parse(text);
      let current = text;
      const original = toJSON(tree);
      let offset = 0;
      for (const line of lines(text)) {
        // Delete the line's text, check, then put it back, check.
        const del = { start: offset, end: offset + line.length, text: "" };
        tree = applyEdit(tree, del);
        current = current.slice(0, del.start) + current.slice(del.end);
        assertSameAsFullParse(tree, current, `after deleting line at ${offset} of ${name}`);
        tree = applyEdit(tree, { start: offset, end: offset, text: line });
        current = current.slice(0, offset) + line + current.slice(offset);
        assertSameAsFullParse(tree, current, `after restoring line at ${offset} of ${name}`);
        offset += line.length;
        // Past the line break, CRLF or LF.
        offset += text.startsWith("\r\n", offset) ? 2 : offset < text.length ? 1 : 0;
      }
      assert.equal(current, text);
      assert.deepEqual(toJSON(tree), original);
    });

    it(`${name}: typed in from empty, line by line, and then cut in half and restored`, () => {
      let tree = parse("");
      let current = "";
      const pieces = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
      for (const piece of pieces) {
        tree = applyEdit(tree, { start: current.length, end: current.length, text: piece });
        current += piece;
      }
      assertSameAsFullParse(tree, text, `after typing ${name}`);
      const half = text.length >> 1;
      tree = applyEdit(tree, { start: 0, end: half, text: "" });
      assertSameAsFullParse(tree, text.slice(half), `after cutting ${name}`);
      tree = applyEdit(tree, { start: 0, end: 0, text: text.slice(0, half) });
      assertSameAsFullParse(tree, text, `after restoring ${name}`);
    });
  }

  for (const prefix of CLEAN) {
    it(`${prefix}: valid TSK, no problem at all`, () => {
      const { name, text } = corpusFile(prefix);
      const tree = parse(text);
      assert.deepEqual(tree.problems().map((p) => where(tree, p)), [], name);
      assert.ok(json(tree).statements.length > 0);
    });
  }

  for (const [prefix, why] of Object.entries(NEGATIVE)) {
    it(`${prefix}: not TSK (${why}), at least one error`, () => {
      const { text } = corpusFile(prefix);
      const problems = parse(text).problems();
      assert.ok(problems.some((p) => p.severity === "error"));
    });
  }

  it("21: 'malformed = ' reports the missing value on the '='", () => {
    const { text } = corpusFile("21");
    const tree = parse(text);
    assert.deepEqual(tree.problems().map((p) => where(tree, p)), [
      { line: 0, character: 10, endLine: 0, endCharacter: 11, code: "expected-value", message: "expected a value after '='" },
    ]);
  });

  it("03: one error, the bare-word array 'levels [debug, info, warn, error]' that lacks its ':'", () => {
    const { text } = corpusFile("03");
    const tree = parse(text);
    const problems = tree.problems().map((p) => where(tree, p));
    assert.deepEqual(problems.map((p) => [p.line, p.character, p.code]), [[46, 4, "expected-separator"]]);
    assert.ok(paths(json(tree).statements).some(([p]) => p === "logging.levels"));
  });

  it("14: one error, '$.' which is no global's name", () => {
    const { text } = corpusFile("14");
    const tree = parse(text);
    const problems = tree.problems().map((p) => where(tree, p));
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[281, "unknown-character"]]);
  });

  it("26: exactly the two shell-style ${VAR:-default} values", () => {
    const { text } = corpusFile("26");
    const tree = parse(text);
    const problems = tree.problems().map((p) => where(tree, p));
    assert.equal(problems.length, 2);
    for (const p of problems) {
      assert.equal(p.code, "unknown-character");
      assert.match(lines(text)[p.line], /\$\{[A-Z_]+:-/);
    }
  });

  it("29: valid TSK except the Markdown code blocks under [usage_examples]", () => {
    // The MANIFEST calls it TOML-ish; but between [usage_examples] and [integration] it holds
    // ```php fences of PHP code, which are no TSK. Everything else parses cleanly.
    const { text } = corpusFile("29");
    const all = lines(text);
    const from = all.indexOf("[usage_examples]");
    const to = all.indexOf("[integration]");
    assert.ok(from > 0 && to > from);
    const tree = parse(text);
    const problems = tree.problems().map((p) => where(tree, p));
    assert.ok(problems.length > 0);
    for (const p of problems) assert.ok(p.line > from && p.line < to, `problem outside the code blocks: ${JSON.stringify(p)}`);
    const found = paths(json(tree).statements).map(([p]) => p);
    for (const key of ["metadata.elephant", "features.seo_friendly", "integration.database", "babar.cache_ttl", "babar.roles.contributor"]) {
      assert.ok(found.includes(key), key);
    }
  });

  it("16: newline-separated arrays and objects, and a quoted key '1.0.0'", () => {
    const { text } = corpusFile("16");
    const root = json(parse(text)).statements;
    const found = new Map(paths(root));
    assert.equal(found.get("tags")!.elements.length, 5);
    assert.equal(found.get("hooks")!.elements.length, 4);
    assert.equal(found.get("config.alert_threshold")!.value, 1000);
    assert.equal(found.get("changelog.1.0.0")!.elements.length, 5);
  });
});
