// The server runs with the V8 flags that keep a large document within its memory target
// (server/src/runtime-flags.ts), however an editor starts it: the stdio launcher starts itself
// again with them, in the same process, so the editor's pipes and the pid stay as they were.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { LspClient } from "./lsp-client";
import { SERVER_ENV, SERVER_V8_FLAGS } from "../../server/src/runtime-flags";

const procfs = fs.existsSync("/proc/self/cmdline");

describe("the server's V8 flags and environment", () => {
  it("are those of the process an editor started over stdio", { skip: !procfs && "needs /proc" }, async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const args = fs.readFileSync(`/proc/${client.pid}/cmdline`, "utf8").split("\0");
      for (const flag of SERVER_V8_FLAGS) assert.ok(args.includes(flag), `${flag} in ${args.join(" ")}`);
      assert.ok(args.includes("--stdio"), "its own arguments kept");
      const env = fs.readFileSync(`/proc/${client.pid}/environ`, "utf8").split("\0");
      for (const [name, value] of Object.entries(SERVER_ENV)) assert.ok(env.includes(`${name}=${process.env[name] ?? value}`), `${name} in its environment`);
      assert.ok(env.includes(`PATH=${process.env.PATH}`), "the rest of the environment kept");
      const hover = await client.request("textDocument/hover", { textDocument: { uri: "untitled:x.tsk" }, position: { line: 0, character: 0 } });
      assert.equal(hover, null, "and it serves");
    } finally {
      await client.stop();
    }
  });
});
