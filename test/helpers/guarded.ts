// Runs code that once hung or blew up (a pathological pattern, a huge key) in a child process
// with a time limit and a small heap, so that a regression fails the test instead of hanging
// the suite or the machine. Not a speed assertion: the limits are generous.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { repoRoot } from "./guide-example";

export interface Guarded { stdout: string; stderr: string; status: number | null; signal: NodeJS.Signals | null }

/** `code` (CommonJS; `out(name)` requires out/server/src/<name>) run under a time limit and a heap limit. */
export function runGuarded(code: string, limits: { seconds?: number; heapMb?: number } = {}): Guarded {
  const prelude = `const out = (m) => require(${JSON.stringify(path.join(repoRoot, "out/server/src"))} + "/" + m);\n`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${limits.heapMb ?? 512}`, "-e", prelude + code], {
    cwd: repoRoot, encoding: "utf8", timeout: (limits.seconds ?? 20) * 1000, maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
}

/** The path of the `tsk` command, to run it guarded: `node --max-old-space-size=… bin/tsk.js …`. */
export const tskBin = path.join(repoRoot, "bin/tsk.js");

/** `tsk ARGS…` in `cwd`, under a time limit and a heap limit. */
export function tskGuarded(args: string[], cwd: string, limits: { seconds?: number; heapMb?: number } = {}): Guarded {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${limits.heapMb ?? 512}`, tskBin, ...args], {
    cwd, encoding: "utf8", timeout: (limits.seconds ?? 20) * 1000, maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
}

/**
 * `tsk check --format json`'s problems, one line each as `file:line:col severity message [code]`:
 * what the tests of limits compare (the report people read, with source lines, is tested apart).
 */
export function problemLines(json: string): string {
  const problems = JSON.parse(json) as { file: string; line: number; column: number; severity: string; message: string; code: string }[];
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]\n`).join("");
}
