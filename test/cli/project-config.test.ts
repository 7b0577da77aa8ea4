// tsk.config.tsk on the command line: the nearest one above each file gives its rules, schemas,
// files and format; a wrong one stops the command with exit 2 and says where.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Workspace } from "../helpers/workspace-fixture";
import { PROJECT_FILES } from "../helpers/project-fixture";
import { run } from "./run-tsk";

describe("tsk check and format with tsk.config.tsk", () => {
  let ws: Workspace;
  before(() => {
    ws = new Workspace("tsk-project-", { ...PROJECT_FILES });
    fs.mkdirSync(path.join(ws.root, ".git"));
  });
  after(() => ws.dispose());

  it("applies its rule levels, its schemas (paths and globs relative to it) and its exclusions", () => {
    const r = run(["check", "."], ws.root);
    assert.equal(r.stdout, [
      path.join("billing", "pay.tsk"),
      "  1:12  error  \"GBP\" is not allowed for 'currency': use one of EUR and USD  [invalid-value]",
      '    1 | currency = "GBP"',
      "      |            ^^^^^",
      "",
      "gateway.tsk",
      "  1:39  error  4 tries of 10s take up to 40s, longer than the transaction timeout of 30s  [retry-budget]",
      '    1 | service_mesh.traffic_policy.timeout = "10s"',
      "      |                                       ^^^^^",
      "",
      "3 files checked: 2 errors, 0 warnings in 2 files",
      "",
    ].join("\n"), "retry-budget is an error, unused-global off, generated/ left out, tsk.config.tsk checked against its schema");
    assert.equal(r.status, 1);
  });

  it("is found from standard input's --stdin-filepath", () => {
    const r = run(["check", "--format", "json", "--stdin-filepath", "billing/new.tsk", "-"], ws.root, { input: 'currency = "JPY"\n' });
    assert.deepEqual(JSON.parse(r.stdout).map((p: { code: string }) => p.code), ["invalid-value"]);
  });

  it("an excluded file named on the command line is not checked, and that is said", () => {
    const r = run(["check", path.join("generated", "out.tsk")], ws.root);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, "",
      `tsk: warning: no .tsk file to check in ${path.join("generated", "out.tsk")}: the .tsk file found is left out by tsk.config.tsk (files.include, files.exclude)\n`]);
  });

  it("the nearest config applies, alone; files.include narrows what a folder gives", () => {
    ws.write("team/tsk.config.tsk", 'files.include = ["*.tsk"]\nrules.unused-global = "warning"\n');
    ws.write("team/a.tsk", "$x = 1\n");
    ws.write("team/sub/b.tsk", "$y = 2\n");
    try {
      const r = run(["check", "--format", "json", "team"], ws.root);
      assert.deepEqual(JSON.parse(r.stdout).map((p: { file: string; code: string; severity: string }) => [p.file, p.code, p.severity]), [
        [path.join("team", "a.tsk"), "unused-global", "warning"],
        [path.join("team", "sub", "b.tsk"), "unused-global", "warning"],
      ]);
      ws.write("team/tsk.config.tsk", 'files.include = ["a.tsk"]\n');
      const narrow = run(["check", "team"], ws.root);
      assert.match(narrow.stdout, /^1 file checked: 0 errors, 0 warnings, 1 hint in 1 file$/m, "a.tsk alone: the project's rules do not apply below team/");
    } finally {
      fs.rmSync(path.join(ws.root, "team"), { recursive: true });
    }
  });

  it("is not looked for above the repository's root (a folder holding .git)", () => {
    const outer = new Workspace("tsk-outer-", { "tsk.config.tsk": 'rules.duplicate-key = "off"\n', "repo/a.tsk": "a = 1\na = 2\n" });
    try {
      assert.equal(run(["check", "repo"], outer.root).stdout, "1 file checked: no problems\n", "no .git: the config above applies");
      fs.mkdirSync(path.join(outer.root, "repo", ".git"));
      assert.match(run(["check", "repo"], outer.root).stdout, /  \[duplicate-key\]$/m, "repo/ is a repository: its own settings, the defaults");
    } finally {
      outer.dispose();
    }
  });

  it("formats with its indentation (spaces or tabs)", () => {
    ws.write("fmt/x.tsk", "a {\nb = 1\n}\n");
    try {
      const r = run(["format", "--diff", path.join("fmt", "x.tsk")], ws.root);
      assert.match(r.stdout, /^\+  b = 1$/m);
      ws.write("fmt/tsk.config.tsk", 'format.indent = "tab"\n');
      assert.equal(run(["format", "-", "--stdin-filepath", "fmt/y.tsk"], ws.root, { input: "a {\nb = 1\n}\n" }).stdout, "a {\n\tb = 1\n}\n");
    } finally {
      fs.rmSync(path.join(ws.root, "fmt"), { recursive: true });
    }
  });

  it("a wrong config stops the command (exit 2), each mistake named with its line and column", () => {
    ws.write("bad/tsk.config.tsk", 'rulez { a = "b" }\nrules { retry-budget = "fatal" }\nvalidate = @env("X")\nformat.indent = 0\nfiles.exclude = "x"\n');
    ws.write("bad/a.tsk", "a =\n");
    try {
      for (const command of [["check", "bad"], ["format", "--check", "bad"]]) {
        const r = run(command, ws.root);
        const config = path.join("bad", "tsk.config.tsk");
        assert.deepEqual([r.status, r.stdout, r.stderr], [2, "", [
          `tsk: ${config}:1:1: unknown key 'rulez': tsk.config.tsk knows validate, builtinSchemas, rules, schemas, files, format`,
          `tsk: ${config}:2:9: rules.retry-budget must be "off", "hint", "info", "warning" or "error"`,
          `tsk: ${config}:3:1: validate: a computed value is not read here: write true or false`,
          `tsk: ${config}:4:8: format.indent must be a number of spaces from 1 to 16, or "tab"`,
          `tsk: ${config}:5:7: files.exclude must be a list of strings`,
          "tsk: nothing was checked: fix this tsk.config.tsk first",
          "",
        ].join("\n")], command.join(" "));
      }
    } finally {
      fs.rmSync(path.join(ws.root, "bad"), { recursive: true });
    }
  });
});
