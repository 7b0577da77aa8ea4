import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fork } from "node:child_process";
import * as path from "node:path";
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from "vscode-jsonrpc/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { repoRoot } from "../helpers/guide-example";

describe("the server over node IPC", () => {
  it("initializes and publishes diagnostics, as the VS Code client runs it", async () => {
    const child = fork(path.join(repoRoot, "bin/tsk-language-server.js"), ["--node-ipc"], { stdio: ["pipe", "pipe", "pipe", "ipc"] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification("textDocument/publishDiagnostics", resolve);
    });
    connection.listen();
    try {
      const result = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} }) as {
        capabilities: { textDocumentSync: { change: number }; hoverProvider: boolean };
      };
      assert.equal(result.capabilities.textDocumentSync.change, 2, "incremental sync");
      assert.equal(result.capabilities.hoverProvider, true);
      await connection.sendNotification("initialized", {});
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: "untitled:a.tsk", languageId: "tsk", version: 3, text: "a =\n" } });
      const p = await published;
      assert.equal(p.version, 3);
      assert.equal(p.diagnostics[0].message, "expected a value after '='");
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
