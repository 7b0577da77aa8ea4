// `tsk check`: the report people read, the reports tools read, exit codes, standard input.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { guideExample } from "../helpers/guide-example";
import { run } from "./run-tsk";

describe("tsk check", () => {
  let dir: string;
  const bad = path.join("config", "nested", "bad.tsk");
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-check-"));
    fs.mkdirSync(path.join(dir, "config/nested"), { recursive: true });
    fs.mkdirSync(path.join(dir, "config/node_modules"), { recursive: true });
    fs.mkdirSync(path.join(dir, "empty"));
    fs.writeFileSync(path.join(dir, "config/good.tsk"), guideExample());
    fs.writeFileSync(path.join(dir, "config/nested/bad.tsk"), 'name = "svc"\ntimeout =\nport = 8080\nport = 9090\n');
    fs.writeFileSync(path.join(dir, "config/node_modules/ignored.tsk"), "broken =\n");
    fs.writeFileSync(path.join(dir, "config/notes.txt"), "not a config\n");
    fs.writeFileSync(path.join(dir, "warn.tsk"), "a = 1\na = 2\n$unused = 3\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const badReport = [
    bad,
    "  2:9  error  expected a value after '='  [expected-value]",
    "    2 | timeout =",
    "      |         ^",
    "  4:1  warning  'port' is already set on line 3; this later value wins  [duplicate-key]",
    "    4 | port = 9090",
    "      | ^^^^",
    "",
  ];

  it("groups the problems under their file, with the source line and a caret, then counts files and problems; exit 1 on an error", () => {
    const r = run(["check", "config"], dir);
    assert.equal(r.stderr, "");
    assert.equal(r.stdout, [...badReport, "2 files checked: 1 error, 1 warning in 1 file", ""].join("\n"));
    assert.equal(r.status, 1);
  });

  it("says how many files it checked when there is nothing wrong, and exits 0", () => {
    const r = run(["check", path.join("config", "good.tsk")], dir);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, "1 file checked: no problems\n", ""]);
  });

  it("names hints and info as the lines do, and warnings alone exit 0", () => {
    const r = run(["check", "warn.tsk"], dir);
    assert.equal(r.stdout, [
      "warn.tsk",
      "  2:1  warning  'a' is already set on line 1; this later value wins  [duplicate-key]",
      "    2 | a = 2",
      "      | ^",
      "  3:1  hint  $unused is never read  [unused-global]",
      "    3 | $unused = 3",
      "      | ^^^^^^^",
      "",
      "1 file checked: 0 errors, 1 warning, 1 hint in 1 file",
      "",
    ].join("\n"));
    assert.equal(r.status, 0);
  });

  it("--max-warnings N fails (exit 1) when there are more warnings than N, and says so on stderr", () => {
    const over = run(["check", "--max-warnings", "0", "warn.tsk"], dir);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, "tsk: 1 warning, more than --max-warnings 0\n");
    assert.equal(run(["check", "--max-warnings=1", "warn.tsk"], dir).status, 0);
    const wrong = run(["check", "--max-warnings", "some", "warn.tsk"], dir);
    assert.deepEqual([wrong.status, wrong.stderr], [2, "tsk check: --max-warnings takes a whole number, not 'some'\nRun 'tsk --help' for the options.\n"]);
  });

  it("colours the report on a terminal, or with FORCE_COLOR; NO_COLOR wins", () => {
    const r = run(["check", path.join("config", "nested", "bad.tsk")], dir, { env: { FORCE_COLOR: "1" } });
    const esc = "\u001b";
    assert.equal(r.stdout.split("\n").slice(0, 4).join("\n"), [
      `${esc}[1m${bad}${esc}[22m`,
      `  2:9  ${esc}[31merror${esc}[39m  expected a value after '='  ${esc}[2m[expected-value]${esc}[22m`,
      `    ${esc}[2m2 |${esc}[22m timeout =`,
      `    ${esc}[2m  |${esc}[22m         ${esc}[31m^${esc}[39m`,
    ].join("\n"));
    const off = run(["check", path.join("config", "nested", "bad.tsk")], dir, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    assert.doesNotMatch(off.stdout, /\u001b/);
    assert.doesNotMatch(run(["check", "config"], dir).stdout, /\u001b/, "not a terminal: no colour");
  });

  it("prints JSON with 1-based ranges for other tools, the paths as given", () => {
    const r = run(["check", "--format", "json", "config"], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), [
      { file: bad, line: 2, column: 9, endLine: 2, endColumn: 10, severity: "error", code: "expected-value", message: "expected a value after '='" },
      { file: bad, line: 4, column: 1, endLine: 4, endColumn: 5, severity: "warning", code: "duplicate-key", message: "'port' is already set on line 3; this later value wins" },
    ]);
    const absolute = run(["check", "--format=json", path.join(dir, "config")], os.tmpdir());
    assert.equal(JSON.parse(absolute.stdout)[0].file, path.join(dir, bad));
  });

  it("a path that does not exist is named as given on stderr and exits 2, the rest checked", () => {
    const r = run(["check", "/nonexistent/x.tsk", path.join("config", "good.tsk")], dir);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, "1 file checked: no problems\n", "tsk: /nonexistent/x.tsk: no such file or folder\n"]);
    const only = run(["check", "missing"], dir);
    assert.deepEqual([only.status, only.stdout, only.stderr], [2, "", "tsk: missing: no such file or folder\n"]);
  });

  it("a folder with no .tsk file is said on stderr (a CI job pointed at the wrong folder)", () => {
    const r = run(["check", "empty"], dir);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, "", "tsk: warning: no .tsk file found in empty\n"]);
    const json = run(["check", "--format", "json", "empty"], dir);
    assert.deepEqual([json.stdout, json.stderr], ["[]\n", "tsk: warning: no .tsk file found in empty\n"]);
  });

  it("- checks standard input, named by --stdin-filepath (messages, the config and schemas found from it) or <stdin>", () => {
    const r = run(["check", "-"], dir, { input: "a =\n" });
    assert.deepEqual([r.status, r.stdout], [1, [
      "<stdin>", "  1:3  error  expected a value after '='  [expected-value]", "    1 | a =", "      |   ^", "", "1 file checked: 1 error, 0 warnings in 1 file", "",
    ].join("\n")]);
    const named = run(["check", "--format", "json", "--stdin-filepath", "config/new.tsk", "-"], dir, { input: "a = 1\na = 2\n" });
    assert.equal(JSON.parse(named.stdout)[0].file, "config/new.tsk");
    const binary = run(["check", "-"], dir, { input: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x1b, 0x5b, 0x32, 0x4a]) });
    assert.equal(binary.stdout, "<stdin>\n  1:1  error  this file holds NUL bytes: it is not UTF-8 text  [not-utf8]\n\n1 file checked: 1 error, 0 warnings in 1 file\n");
    const orphan = run(["check", "--stdin-filepath", "x.tsk", "warn.tsk"], dir);
    assert.equal(orphan.status, 2);
    assert.match(orphan.stderr, /--stdin-filepath names what standard input stands for: name - among the paths/);
  });

  it("explains a wrong command line and exits 2", () => {
    const noPath = run(["check"], dir);
    assert.deepEqual([noPath.status, noPath.stderr], [2, "tsk check: name at least one file or folder (or - for standard input)\nRun 'tsk --help' for the options.\n"]);
    const badFormat = run(["check", "--format", "xml", "x.tsk"], dir);
    assert.deepEqual([badFormat.status, badFormat.stderr], [2, "tsk check: --format takes 'text', 'json' or 'sarif', not 'xml'\nRun 'tsk --help' for the options.\n"]);
    const unknown = run(["frobnicate"], dir);
    assert.deepEqual([unknown.status, unknown.stderr], [2, "tsk: unknown command 'frobnicate'\nRun 'tsk --help' for the commands.\n"]);
    const option = run(["check", "--colour", "x.tsk"], dir);
    assert.deepEqual([option.status, option.stderr], [2, "tsk check: unknown option '--colour'\nRun 'tsk --help' for the options.\n"]);
    const help = run(["--help"], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: tsk check \[--format text\|json\|sarif\]/);
    assert.match(help.stdout, /Exit codes: 0 nothing wrong; 1 problems found/);
    const bare = run([], dir);
    assert.deepEqual([bare.status, bare.stdout], [2, ""]);
    assert.match(bare.stderr, /^Usage: tsk check/);
  });
});
