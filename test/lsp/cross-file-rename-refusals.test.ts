import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { Workspace, type Position } from "../helpers/workspace-fixture";

// Each case is a rename that could not be complete: the server refuses it with the reason,
// both when the editor asks whether it may rename (prepareRename) and when it renames.
describe("rename refuses what it cannot do completely, and says why", () => {
  let client: LspClient;
  let ws: Workspace;
  let outside: string;

  before(async () => {
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-xfile-outside-")));
    fs.writeFileSync(path.join(outside, "shared.tsk"), '$vendor = "acme"\n');
    ws = new Workspace("tsk-xfile-refuse-", {
      "peanut.tsk": '$region = "eu-west-1"\n',
      "banner.tsk": 'banner = "serving $region"\nregion = $region\n',
      "db.tsk": 'database.host = "db.local"\ndatabase.port = 5432\n',
      "reader.tsk": 'host = @db.tsk.get("database.host")\nport = @db.tsk.get("database." + $which)\n$which = "port"\n',
      "services.tsk": 'services.users = { url = "http://users:8080" }\n',
      "routes.tsk": 'api_gateway.routes."/u" = { service = "users" }\nfallback = @env("SERVICE", "users")\n',
      "mesh.tsk": 'service_mesh.provider = "istio"\n',
      "overrides.tsk": 'mesh = @mesh.tsk.get("service_mesh")\nmesh.provider = "linkerd"\n',
      "vendor.tsk": `@import("${path.join(outside, "shared.tsk").split(path.sep).join("/")}")\nname = $vendor\n`,
      "plain.tsk": "title = \"x\"\n",
    });
    client = new LspClient();
    await client.initialize(ws.rootUri, {}, { window: { workDoneProgress: true } });
    await client.progressEnd();
    for (const name of Object.keys(ws.files)) await client.open(ws.uri(name), ws.files[name]);
  });
  after(async () => {
    await client.stop();
    ws.dispose();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const refused = async (name: string, at: Position, reason: RegExp) => {
    const textDocument = { uri: ws.uri(name) };
    await assert.rejects(client.request("textDocument/prepareRename", { textDocument, position: at }), reason, "prepareRename");
    await assert.rejects(client.request("textDocument/rename", { textDocument, position: at, newName: "renamed" }), reason, "rename");
  };

  it("a global also spelled inside a string, which may or may not be meant", async () => {
    await refused("peanut.tsk", ws.at("peanut.tsk", "$region", 2), /\$region is also written inside a string at banner\.tsk:1/);
  });

  it("a key that a file reads with a computed key path", async () => {
    await refused("db.tsk", ws.at("db.tsk", "host", 1), /reader\.tsk:2 reads db\.tsk with a computed key/);
  });

  it("a service whose name is also written inside an expression", async () => {
    await refused("services.tsk", ws.at("services.tsk", "users", 1), /'users' is also written inside an expression at routes\.tsk:2/);
  });

  it("a key under one that an expression computes", async () => {
    await refused("overrides.tsk", ws.at("overrides.tsk", "provider", 1), /'mesh' is set by an expression at overrides\.tsk:1/);
  });

  it("a global defined in a file outside the workspace folders", async () => {
    await refused("vendor.tsk", ws.at("vendor.tsk", "$vendor", 2), /shared\.tsk is outside the workspace folders/);
  });

  it("a place that names no symbol, or a file", async () => {
    await refused("plain.tsk", ws.at("plain.tsk", '"x"', 1), /nothing to rename here/);
    await refused("reader.tsk", ws.at("reader.tsk", "@db.tsk", 2), /this names a file/);
  });

  it("a file that cannot be written", { skip: process.getuid?.() === 0 ? "root may write any file" : false }, async () => {
    fs.chmodSync(ws.path("mesh.tsk"), 0o444);
    try {
      await refused("mesh.tsk", ws.at("mesh.tsk", "provider", 1), /mesh\.tsk is read-only/);
    } finally {
      fs.chmodSync(ws.path("mesh.tsk"), 0o644);
    }
  });

  it("still renames what is complete next to what is refused: the global inside the computed read", async () => {
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
      textDocument: { uri: ws.uri("reader.tsk") }, position: ws.at("reader.tsk", "$which", 2), newName: "field",
    });
    const byLine = (edits: TextEdit[]) => [...edits].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(Object.keys(edit.changes ?? {}), [ws.uri("reader.tsk")]);
    assert.deepEqual(byLine(edit.changes![ws.uri("reader.tsk")]), [
      { range: ws.range("reader.tsk", "$which)", "which"), newText: "field" },
      { range: ws.range("reader.tsk", "$which =", "which"), newText: "field" },
    ]);
  });
});
