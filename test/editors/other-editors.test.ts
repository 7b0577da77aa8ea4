// The Helix and Sublime Text entries of docs/editors.md, written from those editors' docs:
// no such editor runs here (neither is in Debian 12), so their form is checked as each editor
// reads it (TOML, YAML, JSON), and the command they start is run as the package installs it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { installPackage, node22, snippet } from "./harness";

/** Runs `command` as the editor would (on PATH), initializes, and returns the `tsk` settings it asks for. */
async function settingsAsked(command: string[], pathVariable: string, settings: unknown): Promise<unknown[]> {
  const child = spawn(command[0], command.slice(1), { env: { ...process.env, PATH: pathVariable }, stdio: ["pipe", "pipe", "pipe"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const asked: unknown[] = [];
  const answered = new Promise<void>((resolve) => {
    connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => {
      asked.push(...p.items.map((i) => i.section));
      resolve();
      return p.items.map(() => settings);
    });
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  try {
    const init = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }) as { serverInfo?: { name: string } };
    assert.equal(init.serverInfo?.name, "tsk-language-server");
    await connection.sendNotification("initialized", {});
    await answered;
    return asked;
  } finally {
    connection.dispose();
    child.kill();
  }
}

describe("the Helix and Sublime Text entries of docs/editors.md", () => {
  let root: string;
  let pathVariable: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-other-editors-"));
    pathVariable = [path.dirname(node22()), installPackage(root), process.env.PATH].join(path.delimiter);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("Helix: languages.toml gives *.tsk files the server, whose settings it answers by section", async () => {
    const toml = parseToml(snippet("toml")) as {
      "language-server": Record<string, { command: string; args: string[]; config: { tsk: unknown } }>;
      language: { name: string; "file-types": string[]; "language-servers": string[]; "comment-token": string; roots: string[] }[];
    };
    const [language] = toml.language;
    assert.deepEqual([language.name, language["file-types"], language["comment-token"], language.roots], ["tsk", ["tsk"], "#", ["tsk.config.tsk", ".git"]]);
    const server = toml["language-server"][language["language-servers"][0]];
    assert.deepEqual([server.command, server.args], ["tsk-language-server", ["--stdio"]]);
    assert.deepEqual(JSON.parse(JSON.stringify(server.config.tsk)), { rules: { "retry-budget": "error", "unused-global": "off" } });
    assert.deepEqual(await settingsAsked([server.command, ...server.args], pathVariable, server.config.tsk), ["tsk"]);
  });

  it("Sublime Text: the syntax gives .tsk files the scope the LSP client selects, and the client starts the server", async () => {
    const syntax = parseYaml(snippet("yaml")) as { file_extensions: string[]; scope: string; contexts: { main: unknown[] } };
    assert.deepEqual([syntax.file_extensions, syntax.scope], [["tsk"], "source.tsk"]);
    const settings = JSON.parse(snippet("json")) as { clients: Record<string, { command: string[]; selector: string; settings: Record<string, unknown> }> };
    const client = settings.clients.tsk;
    assert.equal(client.selector, syntax.scope);
    assert.deepEqual(client.command, ["tsk-language-server", "--stdio"]);
    assert.deepEqual(client.settings["tsk.rules"], { "retry-budget": "error", "unused-global": "off" });
    assert.deepEqual(await settingsAsked(client.command, pathVariable, { rules: client.settings["tsk.rules"] }), ["tsk"]);
  });
});
