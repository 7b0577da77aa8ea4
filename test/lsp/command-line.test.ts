// `tsk-language-server` typed by a person: help, version, and what is missing, never a stack trace.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";
import { SERVER_USAGE } from "../../server/src/lsp/command-line";
import { VERSION } from "../../server/src/version";

// The entry point users run, and the bundle the VS Code extension and the npm package ship.
const entries = [path.join(repoRoot, "bin/tsk-language-server.js"), path.join(repoRoot, "dist/server.js")];
const run = (entry: string, args: string[]) => spawnSync(process.execPath, [entry, ...args], { encoding: "utf8", input: "" });

for (const entry of entries) {
  describe(`tsk-language-server's command line (${path.relative(repoRoot, entry)})`, () => {
    it("--help prints the usage and exits 0", () => {
      for (const flag of ["--help", "-h"]) {
        const r = run(entry, [flag]);
        assert.deepEqual([r.status, r.stdout, r.stderr], [0, SERVER_USAGE, ""]);
      }
      assert.match(SERVER_USAGE, /^Usage: tsk-language-server --stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME\n/);
    });

    it("--version prints the version and exits 0", () => {
      const r = run(entry, ["--version"]);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${VERSION}\n`, ""]);
    });

    it("without a transport, says which to name and exits 2", () => {
      const r = run(entry, []);
      assert.deepEqual([r.status, r.stdout, r.stderr], [2, "",
        "tsk-language-server: name a transport: --stdio (what editors use), --node-ipc, --socket=PORT or --pipe=NAME\n" +
        "Run 'tsk-language-server --help' for more.\n"]);
    });

    it("an unknown option is named, escaped, and exits 2", () => {
      const r = run(entry, ["--stdio", "--colour\u001b[31m"]);
      assert.deepEqual([r.status, r.stdout, r.stderr], [2, "",
        "tsk-language-server: unknown option '--colour\\u001B[31m'\nRun 'tsk-language-server --help' for more.\n"]);
    });

    it("--node-ipc from a terminal, with no IPC channel, says so and exits 2", () => {
      const r = run(entry, ["--node-ipc"]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^tsk-language-server: --node-ipc needs a Node IPC channel/);
    });

    it("--stdio serves, and ends when its input ends", () => {
      const r = run(entry, ["--stdio", "--clientProcessId=1"]);
      assert.equal(r.stderr, "");
    });
  });
}
