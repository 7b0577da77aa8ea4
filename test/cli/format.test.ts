// `tsk format`: in place, or --check for CI; files with syntax errors left alone and named.
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

const tsk = path.join(repoRoot, "bin/tsk.js");
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [tsk, ...args], { cwd, encoding: "utf8" });

describe("tsk format", () => {
  let dir: string;
  const messy = "security {\nzero_trust=true\n   }\n\n\n";
  const tidy = "security {\n    zero_trust = true\n}\n";
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
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
    assert.equal(r.stdout, `${path.join("config", "messy.tsk")}: not formatted\n1 of 2 files would be formatted\n`);
    assert.equal(read("config/messy.tsk"), messy);
  });

  it("formats in place, then --check passes", () => {
    const r = run(["format", "config"], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(read("config/messy.tsk"), tidy);
    assert.equal(read("config/tidy.tsk"), tidy);
    assert.equal(run(["format", "--check", "config"], dir).status, 0);
  });

  it("leaves a file with syntax errors alone, says why, and exits 1", () => {
    fs.writeFileSync(path.join(dir, "config/broken.tsk"), "a {\n  b =\n}\n");
    const r = run(["format", "config"], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /broken\.tsk: not formatted: fix the syntax error first \(line 2: expected a value after '='\)/);
    assert.equal(read("config/broken.tsk"), "a {\n  b =\n}\n");
    assert.equal(read("config/messy.tsk"), tidy, "the other files are formatted");
  });
});
