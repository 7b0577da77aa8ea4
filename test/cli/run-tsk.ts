// Running the real `tsk` command, as a user or a CI job does.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

export const tsk = path.join(repoRoot, "bin/tsk.js");

/** The environment of a run: no colour unless asked for, whatever the machine's. */
const plain = (env: NodeJS.ProcessEnv = {}) => {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!("FORCE_COLOR" in env)) delete e.FORCE_COLOR;
  if (!("NO_COLOR" in env)) delete e.NO_COLOR;
  return e;
};

export function run(args: string[], cwd: string, options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [tsk, ...args], { cwd, encoding: "utf8", input: options.input ?? "", env: plain(options.env), timeout: 60_000 });
}
