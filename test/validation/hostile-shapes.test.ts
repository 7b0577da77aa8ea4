// Every structure the parser accepts costs time and memory linear in its size, or stops at a
// documented limit with a message (docs/language-reference.md, "Limits"). Each shape runs in a
// child process with a time limit and a 512 MB heap: a regression fails instead of hanging
// or taking the machine. (shared/repro/long-dotted-key.sh and big-array.sh, made here.)
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { problemLines, runGuarded, tskGuarded } from "../helpers/guarded";

describe("hostile shapes, under a time limit and a 512 MB heap", () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-shapes-")); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const checkShape = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    const r = tskGuarded(["check", "--format", "json", name], dir);
    assert.equal(r.signal, null, `${name}: finished within the time limit`);
    assert.equal(r.stderr, "", `${name}: no crash`);
    return problemLines(r.stdout);
  };
  const deepKey = "this key's path is more than 32 segments deep: it and the keys under it are not checked [path-too-deep]";

  it("one dotted key of 30,000 segments: cut at 32, said once", () => {
    assert.equal(checkShape("longkey.tsk", "a" + ".b".repeat(30_000) + " = 1\n"), `longkey.tsk:1:65 warning ${deepKey}\n`);
  });

  it("a [section] header of 30,000 segments, and keys under it", () => {
    assert.equal(checkShape("section.tsk", "[a" + ".b".repeat(30_000) + "]\nc = 1\nd = 2\n"), `section.tsk:1:66 warning ${deepKey}\n`);
  });

  it("a block named by 30,000 segments, and blocks nested 40 deep", () => {
    assert.equal(checkShape("block.tsk", "a" + ".b".repeat(30_000) + " {\n  c = 1\n}\n"), `block.tsk:1:65 warning ${deepKey}\n`);
    assert.equal(checkShape("nested.tsk", "a {\n".repeat(40) + "b = 1\n" + "}\n".repeat(40)), `nested.tsk:33:1 warning ${deepKey}\n`);
  });

  it("blocks nested 100,000 deep: only the syntax is checked", () => {
    assert.equal(checkShape("deep.tsk", "a {\n".repeat(100_000) + "}\n".repeat(100_000)),
      "deep.tsk:1:1 warning blocks nested 99999 levels deep: only the syntax is checked past 1000 levels [too-deep-to-check]\n");
  });

  it("an array of 130,000 elements, a call of 130,000 arguments, a sum of 100,000 terms", () => {
    assert.equal(checkShape("bigarray.tsk", "services.a.port = \"p\"\nx = [" + Array(130_000).fill(0).join(",") + "]\n"),
      "bigarray.tsk:1:19 error 'services.a.port' expects a whole number, found the string \"p\" [wrong-type]\n");
    assert.equal(checkShape("args.tsk", "x = @query(" + Array(130_000).fill(0).join(",") + ")\n"), "");
    assert.equal(checkShape("sum.tsk", "x = " + Array(100_000).fill("1").join(" + ") + "\n"), "");
  });

  it("a string of 10 MB, a 100,000-member object", () => {
    assert.equal(checkShape("string.tsk", 'x = "' + "a".repeat(10_000_000) + '"\n'), "");
    assert.equal(checkShape("object.tsk", "x = {" + Array.from({ length: 100_000 }, (_, i) => `a${i}: ${i}`).join(", ") + "}\n"), "");
  });

  it("brackets 150 deep, 100,000 '!' in a row: too deep, one error", () => {
    assert.equal(checkShape("brackets.tsk", "x = " + "[".repeat(150) + "]".repeat(150) + "\n"),
      "brackets.tsk:1:105 error nesting is too deep: more than 100 levels of brackets [too-deep]\n");
    assert.equal(checkShape("bangs.tsk", "x = " + "!".repeat(100_000) + "a\n"),
      "bangs.tsk:1:5 error this value is nested too deeply to be read: split it into smaller parts [too-deep]\n");
  });

  it("hover and completion's question, the path at the cursor, deep inside 100,000 nested blocks", () => {
    const r = runGuarded(`
      const { parse } = out("syntax/syntax-tree");
      const { pathAt } = out("paths/path-at");
      const text = "a {\\n".repeat(100000) + "}\\n".repeat(100000);
      const at = pathAt(parse(text), text.length / 2);
      console.log(at.target, at.path.length);`);
    assert.equal(r.signal, null, "finished within the time limit");
    assert.equal(r.stdout, "body 32\n");
  });
});
