// On a real terminal (a pseudo-terminal made by util-linux's `script`): colours without being
// asked, and values escaped; in a pipe neither (test/cli/check.test.ts, values.test.ts).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { tsk } from "./run-tsk";

/** Runs tsk with its standard output on a terminal; what the terminal received, CRLF as LF. */
function onTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const command = [process.execPath, tsk, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const clean = { ...process.env, ...env };
  for (const k of ["FORCE_COLOR", "NO_COLOR"]) if (!(k in env)) delete clean[k];
  const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd, env: { ...clean, TERM: "xterm" }, encoding: "utf8" });
  assert.equal(r.error, undefined, "util-linux's script runs");
  return r.stdout.replace(/\r\n/g, "\n");
}

describe("tsk on a terminal", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-terminal-"));
    fs.writeFileSync(path.join(dir, "bad.tsk"), "timeout =\n");
    fs.writeFileSync(path.join(dir, "value.tsk"), 'x = "a\\u001b[2Jb"\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("colours the report, unless NO_COLOR", () => {
    const esc = "\u001b";
    assert.equal(onTerminal(["check", "bad.tsk"], dir).split("\n")[1], `  1:9  ${esc}[31merror${esc}[39m  expected a value after '='  ${esc}[2m[expected-value]${esc}[22m`);
    assert.doesNotMatch(onTerminal(["check", "bad.tsk"], dir, { NO_COLOR: "1" }), /\u001b/);
  });

  it("tsk get escapes a value's control characters there", () => {
    assert.equal(onTerminal(["get", "value.tsk", "x"], dir), "a\\u001B[2Jb\n");
  });
});
