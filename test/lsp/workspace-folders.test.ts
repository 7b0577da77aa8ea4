// A folder added to the workspace is indexed, a removed one forgotten, over real LSP stdio:
// workspace symbols and the cross-file checks follow.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { SymbolInformation } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { Workspace } from "../helpers/workspace-fixture";

describe("workspace folders added and removed, over LSP", () => {
  let client: LspClient;
  let first: Workspace;
  let second: Workspace;

  before(async () => {
    first = new Workspace("tsk-folder-a-", { "gateway.tsk": 'api_gateway.routes."/api/billing" = { service = "billing" }\n' });
    second = new Workspace("tsk-folder-b-", { "services.tsk": 'services.billing = { url = "https://billing:8443" }\n' });
    client = new LspClient();
    await client.initialize(first.rootUri, {}, {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true },
    });
    await client.progressEnd();
    await client.open(first.uri("gateway.tsk"), first.files["gateway.tsk"]);
  });
  after(async () => {
    await client.stop();
    first.dispose();
    second.dispose();
  });

  const symbols = async (query: string) =>
    ((await client.request<SymbolInformation[] | null>("workspace/symbol", { query })) ?? []).map((s) => s.location.uri);

  /** Asks until `test` holds: the server indexes in the background. */
  async function eventually<T>(ask: () => Promise<T>, test: (t: T) => boolean): Promise<T> {
    for (let i = 0; ; i++) {
      const got = await ask();
      if (test(got) || i === 100) return got;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const unknownService = async () =>
    (await client.diagnostics(first.uri("gateway.tsk"), () => true, 15000, client.mark(first.uri("gateway.tsk")) - 1))
      .diagnostics.filter((d) => d.code === "unknown-service");

  it("knows only the first folder at start", async () => {
    assert.deepEqual(await symbols("services.billing"), []);
    assert.equal((await unknownService()).length, 1, "billing is defined nowhere yet");
  });

  it("indexes a folder added to the workspace, and checks the open documents again", async () => {
    const before = client.mark(first.uri("gateway.tsk"));
    await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", {
      event: { added: [{ uri: second.rootUri, name: "b" }], removed: [] },
    });
    const found = await eventually(() => symbols("services.billing"), (uris) => uris.length > 0);
    assert.deepEqual([...new Set(found)], [second.uri("services.tsk")]);
    const published = await client.diagnostics(first.uri("gateway.tsk"), (p) => !p.diagnostics.some((d) => d.code === "unknown-service"), 15000, before);
    assert.ok(published);
  });

  it("forgets the files of a removed folder", async () => {
    const before = client.mark(first.uri("gateway.tsk"));
    await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", {
      event: { added: [], removed: [{ uri: second.rootUri, name: "b" }] },
    });
    const found = await eventually(() => symbols("services.billing"), (uris) => uris.length === 0);
    assert.deepEqual(found, []);
    const published = await client.diagnostics(first.uri("gateway.tsk"), (p) => p.diagnostics.some((d) => d.code === "unknown-service"), 15000, before);
    assert.ok(published);
  });
});
