import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot, guideExample } from "../helpers/guide-example";

const tsk = path.join(repoRoot, "bin/tsk.js");
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [tsk, ...args], { cwd, encoding: "utf8" });

describe("tsk check", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-check-"));
    fs.mkdirSync(path.join(dir, "config/nested"), { recursive: true });
    fs.mkdirSync(path.join(dir, "config/node_modules"), { recursive: true });
    fs.writeFileSync(path.join(dir, "config/good.tsk"), guideExample());
    fs.writeFileSync(path.join(dir, "config/nested/bad.tsk"), 'name = "svc"\ntimeout =\nport = 8080\nport = 9090\n');
    fs.writeFileSync(path.join(dir, "config/node_modules/ignored.tsk"), "broken =\n");
    fs.writeFileSync(path.join(dir, "config/notes.txt"), "not a config\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints each problem as file:line:col severity message [code], a summary, and exits 1 on an error", () => {
    const r = run(["check", "config"], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, [
      `${path.join("config", "nested", "bad.tsk")}:2:9 error expected a value after '=' [expected-value]`,
      `${path.join("config", "nested", "bad.tsk")}:4:1 warning 'port' is already set on line 3; this later value wins [duplicate-key]`,
      "1 error, 1 warning in 2 files",
      "",
    ].join("\n"));
  });

  it("exits 0 when there are only warnings, or nothing", () => {
    fs.writeFileSync(path.join(dir, "warn.tsk"), "a = 1\na = 2\n");
    assert.equal(run(["check", "warn.tsk"], dir).status, 0);
    const clean = run(["check", path.join("config", "good.tsk")], dir);
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, "0 errors, 0 warnings in 1 file\n");
  });

  it("prints JSON with 1-based ranges for other tools", () => {
    const r = run(["check", "--format", "json", "config"], dir);
    assert.equal(r.status, 1);
    const problems = JSON.parse(r.stdout);
    assert.deepEqual(problems[0], {
      file: path.join("config", "nested", "bad.tsk"),
      line: 2, column: 9, endLine: 2, endColumn: 10,
      severity: "error", code: "expected-value", message: "expected a value after '='",
    });
  });

  it("says clearly when a file cannot be read, and goes on with the rest", () => {
    const r = run(["check", "missing.tsk", path.join("config", "good.tsk")], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^missing\.tsk:1:1 error cannot read this file: no such file or folder \[unreadable-file\]$/m);
    assert.match(r.stdout, /1 error, 0 warnings in 2 files/);
  });

  it("explains a wrong command line and exits 2", () => {
    const noPath = run(["check"], dir);
    assert.equal(noPath.status, 2);
    assert.match(noPath.stderr, /name at least one file or folder/);
    const badFormat = run(["check", "--format", "xml", "x.tsk"], dir);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format takes 'text' or 'json', not 'xml'/);
    assert.equal(run(["frobnicate"], dir).status, 2);
    const help = run(["--help"], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: tsk check/);
  });
});
