// `tsk format`: in place, --check and --diff for CI, - for standard input; files with syntax
// errors left alone and named; paths that cannot be read exit 2.
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "./run-tsk";
import { unifiedDiff } from "../../server/src/cli/unified-diff";

describe("tsk format", () => {
  let dir: string;
  const messy = "security {\nzero_trust=true\n   }\n\n\n";
  const tidy = "security {\n    zero_trust = true\n}\n";
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
  const messyPath = path.join("config", "messy.tsk");
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-format-cli-"));
    fs.mkdirSync(path.join(dir, "config"));
    fs.writeFileSync(path.join(dir, "config/messy.tsk"), messy);
    fs.writeFileSync(path.join(dir, "config/tidy.tsk"), tidy);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("--check names the files that are not formatted, writes nothing, and exits 1", () => {
    const r = run(["format", "--check", "config"], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, `${messyPath}: not formatted\n1 of 2 files would be formatted\n`);
    assert.equal(read("config/messy.tsk"), messy);
  });

  it("--diff prints what would change as a unified diff (the count on stderr), writes nothing, and exits 1", () => {
    const r = run(["format", "--diff", "config"], dir);
    assert.equal(r.stdout, [
      `--- ${messyPath}`, `+++ ${messyPath}`, "@@ -1,5 +1,3 @@", " security {", "-zero_trust=true", "-   }", "-", "-", "+    zero_trust = true", "+}", "",
    ].join("\n"));
    assert.equal(r.stderr, "1 of 2 files would be formatted\n");
    assert.equal(r.status, 1);
    assert.equal(read("config/messy.tsk"), messy);
    assert.equal(run(["format", "--check", "--diff", "config"], dir).status, 2);
  });

  it("formats in place, then --check and --diff pass", () => {
    const r = run(["format", "config"], dir);
    assert.deepEqual([r.status, r.stdout], [0, `${messyPath}: formatted\n1 of 2 files formatted\n`]);
    assert.equal(read("config/messy.tsk"), tidy);
    assert.equal(read("config/tidy.tsk"), tidy);
    assert.equal(run(["format", "--check", "config"], dir).status, 0);
    const diff = run(["format", "--diff", "config"], dir);
    assert.deepEqual([diff.status, diff.stdout, diff.stderr], [0, "", "0 of 2 files would be formatted\n"]);
  });

  it("- formats standard input to standard output", () => {
    const r = run(["format", "-"], dir, { input: messy });
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, tidy, ""]);
    const check = run(["format", "--check", "-"], dir, { input: messy });
    assert.deepEqual([check.status, check.stdout], [1, "<stdin>: not formatted\n1 of 1 file would be formatted\n"]);
  });

  it("leaves a file with syntax errors alone, says why, and exits 1", () => {
    fs.writeFileSync(path.join(dir, "config/broken.tsk"), "a {\n  b =\n}\n");
    const r = run(["format", "config"], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /broken\.tsk: not formatted: fix the syntax error first \(line 2: expected a value after '='\)/);
    assert.equal(read("config/broken.tsk"), "a {\n  b =\n}\n");
    assert.equal(read("config/messy.tsk"), tidy, "the other files are formatted");
  });

  it("a path that does not exist is named as given, and exits 2 (not '0 of 1 file')", () => {
    const r = run(["format", "--check", "/nonexistent"], dir);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, "", "tsk: /nonexistent: no such file or folder\n"]);
  });
});

describe("unified diffs", () => {
  const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n") + "\n";
  const cases: [string, string][] = [
    [lines(30, (i) => `k${i} = ${i}`), lines(30, (i) => (i === 2 || i === 25 ? `k${i}  =  ${i}` : `k${i} = ${i}`))],
    [lines(10, (i) => `a${i}`), lines(12, (i) => (i < 5 ? `a${i}` : i < 7 ? `new${i}` : `a${i - 2}`))],
    ["a\nb\nc\n", "c\nb\na\n"],
    ["", "x = 1\n"],
    ["x = 1\n", ""],
  ];
  for (const [i, [before, after]] of cases.entries()) {
    it(`give what diff -u gives (case ${i + 1})`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-diff-"));
      try {
        fs.writeFileSync(path.join(dir, "a"), before);
        fs.writeFileSync(path.join(dir, "b"), after);
        const expected = spawnSync("diff", ["-u", "a", "b"], { cwd: dir, encoding: "utf8" }).stdout.split("\n").slice(2).join("\n");
        assert.equal(unifiedDiff(before, after, "x").split("\n").slice(2).join("\n"), expected);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
