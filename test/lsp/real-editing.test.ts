// The server under real editing, over LSP stdio, as VS Code, Neovim and Emacs drive it: each
// test is a way it once went wrong (issue 9), and what a user sees now.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem, CompletionList, Hover, TextDocumentEdit, WorkspaceEdit, TextEdit } from "vscode-languageserver-protocol";
import { CancellationTokenSource } from "vscode-jsonrpc/node";
import { LspClient } from "./lsp-client";
import { withCursorPosition as cursor } from "../helpers/cursor";
import { Workspace } from "../helpers/workspace-fixture";

const VSCODE_LIKE = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: { completion: { completionItem: { snippetSupport: true } } },
};
/** Emacs with Eglot and no yasnippet, Neovim without a snippet engine. */
const PLAIN_TEXT_CLIENT = { workspace: { configuration: true } };

const items = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : r?.items ?? []);

/** The text after applying LSP edits (ranges in the original text). */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The error a request was answered with, or null when it was answered. */
async function errorOf(p: Promise<unknown>): Promise<{ code: number; message: string } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return e as { code: number; message: string };
  }
}

describe("completion, as editors insert it", () => {
  const clients: LspClient[] = [];
  const spaces: Workspace[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
    for (const w of spaces) w.dispose();
  });

  async function start(capabilities: object): Promise<{ client: LspClient; ws: Workspace }> {
    const ws = new Workspace("tsk-editing-", {});
    spaces.push(ws);
    const client = new LspClient();
    clients.push(client);
    await client.initialize(ws.rootUri, {}, capabilities);
    return { client, ws };
  }

  it("is not triggered by a space, and offers nothing inside a comment", async () => {
    const { client, ws } = await start(VSCODE_LIKE);
    const triggers = (client.initializeResult?.capabilities.completionProvider?.triggerCharacters ?? []);
    assert.ok(!triggers.includes(" "), triggers.join(""));
    const { text, position } = cursor("# one request in |\nmicroservices {\n}\n");
    await client.open(ws.uri("c.tsk"), text);
    const got = await client.request<CompletionItem[] | null>("textDocument/completion", {
      textDocument: { uri: ws.uri("c.tsk") }, position, context: { triggerKind: 2, triggerCharacter: " " },
    });
    assert.deepEqual(items(got), []);
  });

  it("gives plain text, never a snippet, to a client that takes none, and the file stays valid", async () => {
    const { client, ws } = await start(PLAIN_TEXT_CLIENT);
    const marked = "microservices.discovery {\n    load|\n}\n";
    const { text, position } = cursor(marked);
    const uri = ws.uri("p.tsk");
    await client.open(uri, text);
    const got = items(await client.request("textDocument/completion", { textDocument: { uri }, position }));
    assert.ok(got.length > 0);
    for (const i of got) {
      assert.notEqual(i.insertTextFormat, 2, i.label);
      const newText = (i.textEdit as TextEdit).newText;
      assert.ok(!/\$\{?\d|\u0000/.test(newText), `${i.label}: ${JSON.stringify(newText)}`);
    }
    const lb = got.find((i) => i.label === "load_balancing")!;
    const after = applyLspEdits(text, [lb.textEdit as TextEdit]);
    assert.equal(after, "microservices.discovery {\n    load_balancing = {\n        \n    }\n}\n");
    await client.change(uri, 2, [{ text: after }]);
    const published = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1), []);
  });
});

describe("documents keyed by the server's own revision", () => {
  it("republishes after a change whose version repeats or is missing", async () => {
    const ws = new Workspace("tsk-version-", {});
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, {}, VSCODE_LIKE);
      // Once indexed, what is published comes from the changes below only.
      await client.progressEnd();
      const uri = ws.uri("v.tsk");
      await client.open(uri, "a = 1\n", 1);
      await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
      // Deleting the value, with the version a client repeats, then with none (null).
      let from = client.mark(uri);
      await client.change(uri, 1, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: "" }]);
      const broken = await client.diagnostics(uri, () => true, 15000, from);
      assert.deepEqual(broken.diagnostics.map((d) => d.code), ["expected-value"]);
      from = client.mark(uri);
      await client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: null }, contentChanges: [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: "2" }],
      });
      const fixed = await client.diagnostics(uri, () => true, 15000, from);
      assert.deepEqual(fixed.diagnostics, []);
      from = client.mark(uri);
      await client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: null }, contentChanges: [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: "" }],
      });
      const again = await client.diagnostics(uri, () => true, 15000, from);
      assert.deepEqual(again.diagnostics.map((d) => d.code), ["expected-value"]);
      assert.equal(again.version, undefined, "no version is invented for a change that had none");
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});

describe("readiness: folders, disk and rename", () => {
  it("waits for a folder just added before it renames, and renames in it too", async () => {
    const a = new Workspace("tsk-ready-a-", { "services.tsk": 'services.billing = { url = "https://billing:8443" }\n' });
    const b = new Workspace("tsk-ready-b-", { "gateway.tsk": 'api_gateway.routes."/api/billing" = { service = "billing" }\n' });
    const client = new LspClient();
    try {
      await client.initialize(a.rootUri, {}, VSCODE_LIKE);
      await client.progressEnd();
      await client.open(a.uri("services.tsk"), a.files["services.tsk"]);
      await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: [{ uri: b.rootUri, name: "b" }], removed: [] } });
      const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
        textDocument: { uri: a.uri("services.tsk") }, position: a.at("services.tsk", "billing"), newName: "invoicing",
      });
      const uris = (edit.documentChanges as TextDocumentEdit[]).map((c) => c.textDocument.uri).sort();
      assert.deepEqual(uris, [a.uri("services.tsk"), b.uri("gateway.tsk")].sort());
    } finally {
      await client.stop();
      a.dispose();
      b.dispose();
    }
  });

  it("follows files created on disk in a workspace that lives under a folder named dist", async () => {
    const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-dist-")));
    const root = path.join(parent, "dist", "ws");
    fs.mkdirSync(root, { recursive: true });
    const gateway = 'api_gateway.routes."/api/billing" = { service = "billing" }\n';
    fs.writeFileSync(path.join(root, "gateway.tsk"), gateway);
    const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
    const client = new LspClient();
    try {
      await client.initialize(pathToFileURL(root).toString(), {}, VSCODE_LIKE);
      await client.progressEnd();
      await client.open(uriOf("gateway.tsk"), gateway);
      await client.diagnostics(uriOf("gateway.tsk"), (p) => p.diagnostics.some((d) => d.code === "unknown-service"));
      const from = client.mark(uriOf("gateway.tsk"));
      fs.writeFileSync(path.join(root, "services.tsk"), 'services.billing = { url = "https://billing:8443" }\n');
      await client.watched([{ uri: uriOf("services.tsk"), type: 1 }]);
      const after = await client.diagnostics(uriOf("gateway.tsk"), () => true, 15000, from);
      assert.deepEqual(after.diagnostics.map((d) => d.code), []);
    } finally {
      await client.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it("says when a folder holds more files than it reads, and refuses a rename that could not be complete", async () => {
    const ws = new Workspace("tsk-limit-", {
      "a.tsk": "$shared = 1\nx = $shared\n", "b.tsk": "y = 2\n", "c.tsk": "z = 3\n",
    });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, { maxIndexedFiles: 2 }, VSCODE_LIKE);
      await client.progressEnd();
      assert.equal(client.shown.length, 1, JSON.stringify(client.shown));
      assert.equal(client.shown[0].message, `TSK: read 2 config files of ${ws.root} and left out 1 more (tsk.maxIndexedFiles). Checks across files may miss what those hold, and rename is refused.`);
      await client.open(ws.uri("a.tsk"), ws.files["a.tsk"]);
      const refused = await errorOf(client.request("textDocument/rename", {
        textDocument: { uri: ws.uri("a.tsk") }, position: ws.at("a.tsk", "shared"), newName: "common",
      }));
      assert.match(refused?.message ?? "", /indexed only in part \(read 2 config files of .* and left out 1 more/);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });

  it("finds the new folder of documents opened before a folder change", async () => {
    // The association is relative to the workspace folder: `svc` gets it once it is a folder.
    const ws = new Workspace("tsk-refolder-", {
      "svc/app.tsk": "payments.provider = \"paypal\"\n",
      "svc/schemas/payments.schema.json": JSON.stringify({
        type: "object", properties: { payments: { type: "object", properties: { provider: { enum: ["stripe", "adyen"] } } } },
      }),
    });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, { schemas: { "schemas/payments.schema.json": "*.tsk" } }, VSCODE_LIKE);
      await client.progressEnd();
      const uri = ws.uri("svc/app.tsk");
      await client.open(uri, ws.files["svc/app.tsk"]);
      const before = await client.diagnostics(uri);
      assert.ok(before.diagnostics.some((d) => d.code === "schema-not-found"), JSON.stringify(before.diagnostics));
      const from = client.mark(uri);
      await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", {
        event: { added: [{ uri: pathToFileURL(ws.path("svc")).toString(), name: "svc" }], removed: [] },
      });
      const after = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => /stripe/.test(d.message)), 15000, from);
      assert.ok(!after.diagnostics.some((d) => d.code === "schema-not-found"));
    } finally {
      await client.stop();
      ws.dispose();
    }
  });

  it("renames with versioned document changes, reading a closed file that changed on disk unannounced", async () => {
    const ws = new Workspace("tsk-versioned-", {
      "shared.tsk": "$region = \"eu\"\n",
      "app.tsk": "@import(\"shared.tsk\")\nzone = $region\n",
    });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, {}, VSCODE_LIKE);
      await client.progressEnd();
      await client.open(ws.uri("shared.tsk"), ws.files["shared.tsk"], 7);
      // Edited by another program, and no watcher said so: two lines more above the read.
      fs.writeFileSync(ws.path("app.tsk"), "# moved down\n\n@import(\"shared.tsk\")\nzone = $region\n");
      const edit = await client.request<WorkspaceEdit>("textDocument/rename", {
        textDocument: { uri: ws.uri("shared.tsk") }, position: ws.at("shared.tsk", "region"), newName: "area",
      });
      assert.equal(edit.changes, undefined);
      const byUri = new Map((edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c]));
      assert.equal(byUri.get(ws.uri("shared.tsk"))?.textDocument.version, 7);
      assert.equal(byUri.get(ws.uri("app.tsk"))?.textDocument.version, null);
      assert.deepEqual(byUri.get(ws.uri("app.tsk"))?.edits, [
        { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } }, newText: "area" },
      ]);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});

describe("the request pipeline over LSP", () => {
  it("answers a request that names no position with an error, logs nothing as a crash, and goes on", async () => {
    const ws = new Workspace("tsk-pipeline-", { "a.tsk": "port = 8080\n" });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri);
      await client.open(ws.uri("a.tsk"), ws.files["a.tsk"]);
      const bad = await errorOf(client.request("textDocument/hover", { textDocument: { uri: ws.uri("a.tsk") }, position: null }));
      assert.equal(bad?.code, -32602);
      const ok = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: ws.uri("a.tsk") }, position: { line: 0, character: 1 } });
      assert.ok(ok === null || typeof ok === "object");
      assert.equal(client.stderr, "");
      assert.ok(client.alive);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });

  it("goes on when the client refuses what the server asks of it (registrations, progress)", async () => {
    const ws = new Workspace("tsk-refusing-", { "a.tsk": "a = \n" });
    const client = new LspClient();
    try {
      for (const method of ["client/registerCapability", "window/workDoneProgress/create"]) {
        client.connection.onRequest(method, () => { throw new Error(`${method} refused`); });
      }
      await client.initialize(ws.rootUri, {}, {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      });
      await client.open(ws.uri("a.tsk"), ws.files["a.tsk"]);
      const p = await client.diagnostics(ws.uri("a.tsk"), (x) => x.diagnostics.length > 0);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ["expected-value"]);
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(client.alive, `the server exited: ${client.stderr}`);
      assert.equal(client.stderr, "");
      assert.ok(client.logs.some((l) => /registering for settings changes/.test(l)), client.logs.join("\n"));
    } finally {
      await client.stop();
      ws.dispose();
    }
  });

  it("answers ContentModified when the document changes while a rename waits for the index", async () => {
    const a = new Workspace("tsk-modified-a-", { "a.tsk": "$g = 1\nx = $g\n" });
    const b = new Workspace("tsk-modified-b-", { "b.tsk": "y = 1\n" });
    const client = new LspClient();
    try {
      await client.initialize(a.rootUri, {}, VSCODE_LIKE);
      await client.progressEnd();
      await client.open(a.uri("a.tsk"), a.files["a.tsk"]);
      // The folder starts an index job; the rename waits for it; the edit comes meanwhile.
      await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: [{ uri: b.rootUri, name: "b" }], removed: [] } });
      const renamed = client.request("textDocument/rename", { textDocument: { uri: a.uri("a.tsk") }, position: a.at("a.tsk", "g"), newName: "h" });
      await client.change(a.uri("a.tsk"), 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "# edited\n" }]);
      assert.equal((await errorOf(renamed))?.code, -32801);
    } finally {
      await client.stop();
      a.dispose();
      b.dispose();
    }
  });

  it("answers a request cancelled before it was read as cancelled, at once", async () => {
    const ws = new Workspace("tsk-cancel-", { "a.tsk": "port = 8080\n" });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri);
      await client.open(ws.uri("a.tsk"), ws.files["a.tsk"]);
      const outcomes = await Promise.all(Array.from({ length: 30 }, () => {
        const source = new CancellationTokenSource();
        const p = client.connection.sendRequest("textDocument/hover", { textDocument: { uri: ws.uri("a.tsk") }, position: { line: 0, character: 1 } }, source.token);
        source.cancel();
        return errorOf(p);
      }));
      const codes = outcomes.map((o) => o?.code ?? "answered");
      assert.ok(codes.every((c) => c === -32800 || c === "answered"), codes.join(","));
      assert.ok(codes.includes(-32800), codes.join(","));
      assert.ok(client.alive);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });

  it("answers every request about the middle of 100,000 nested blocks, and keeps serving", async () => {
    const depth = 100_000;
    const text = "a {\n".repeat(depth) + "x = 1\n" + "}\n".repeat(depth);
    const ws = new Workspace("tsk-deep-", {});
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri);
      const uri = ws.uri("deep.tsk");
      await client.open(uri, text);
      await client.diagnostics(uri, () => true, 120_000);
      const at = { textDocument: { uri }, position: { line: 50_000, character: 1 } };
      // Each must answer (the guard is against a hang, not a speed figure).
      for (const method of ["textDocument/hover", "textDocument/completion", "textDocument/documentHighlight", "textDocument/definition", "textDocument/references"]) {
        let timer: NodeJS.Timeout | undefined;
        const answer = await Promise.race([
          client.request(method, { ...at, context: { includeDeclaration: true } }).then(() => "answered", () => "error"),
          new Promise((r) => { timer = setTimeout(() => r("no answer in 60 s"), 60_000); }),
        ]);
        clearTimeout(timer);
        assert.equal(answer, "answered", method);
      }
      assert.ok(client.alive);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});

describe("trust is decided before anything the workspace names is read", () => {
  const schema = JSON.stringify({
    type: "object", properties: { payments: { type: "object", properties: { provider: { description: "WORKSPACE SCHEMA DOC", enum: ["stripe"] } } } },
  });

  it("uses only built-in schemas until the client's settings say the workspace is trusted", async () => {
    const ws = new Workspace("tsk-trust-", { "s.schema.json": schema, "app.tsk": "#!schema ./s.schema.json\npayments.provider = \"stripe\"\n" });
    const client = new LspClient();
    let release = () => {};
    client.configurationGate = new Promise<void>((r) => { release = r; });
    try {
      await client.initialize(ws.rootUri, { workspaceTrusted: true }, VSCODE_LIKE);
      await client.open(ws.uri("app.tsk"), ws.files["app.tsk"]);
      const hoverAt = () => client.request<Hover | null>("textDocument/hover", { textDocument: { uri: ws.uri("app.tsk") }, position: ws.at("app.tsk", "provider", 1) });
      const early = await hoverAt();
      assert.ok(!JSON.stringify(early).includes("WORKSPACE SCHEMA DOC"), "read before the client said it may be");
      release();
      await client.progressEnd();
      const later = await hoverAt();
      assert.match(JSON.stringify(later), /WORKSPACE SCHEMA DOC/);
    } finally {
      release();
      await client.stop();
      ws.dispose();
    }
  });

  it("reads neither #!schema paths nor tsk.schemas in an untrusted workspace", async () => {
    const ws = new Workspace("tsk-untrusted-", {
      "s.schema.json": schema,
      "named.tsk": "#!schema ./s.schema.json\npayments.provider = \"paypal\"\n",
      "associated.tsk": "payments.provider = \"paypal\"\n",
    });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, { workspaceTrusted: false, schemas: { "s.schema.json": "*.tsk" } }, VSCODE_LIKE);
      await client.progressEnd();
      for (const name of ["named.tsk", "associated.tsk"]) {
        await client.open(ws.uri(name), ws.files[name]);
        const p = await client.diagnostics(ws.uri(name));
        assert.ok(!p.diagnostics.some((d) => /stripe/.test(d.message)), `${name}: ${JSON.stringify(p.diagnostics)}`);
      }
    } finally {
      await client.stop();
      ws.dispose();
    }
  });

  it("follows no import out of the workspace folders in an untrusted workspace, and says so", async () => {
    const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-untrusted-import-")));
    const root = path.join(parent, "ws");
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(parent, "outside.tsk"), "$region = \"eu\"\n");
    const app = '@import("../outside.tsk")\nzone = $region\n';
    const uri = pathToFileURL(path.join(root, "app.tsk")).toString();
    const run = async (trusted: boolean) => {
      const client = new LspClient();
      try {
        await client.initialize(pathToFileURL(root).toString(), { workspaceTrusted: trusted }, VSCODE_LIKE);
        await client.progressEnd();
        await client.open(uri, app);
        return (await client.diagnostics(uri)).diagnostics.map((d) => [d.code, d.message]);
      } finally {
        await client.stop();
      }
    };
    try {
      assert.deepEqual(await run(false), [
        ["unknown-file", "'../outside.tsk' is outside the workspace folders, which an untrusted workspace may not lead to: it is not read (trust the workspace to follow it)"],
        ["unknown-global", "$region is not defined in this file, in a file it imports, or in a peanut.tsk in this folder or above"],
      ]);
      assert.deepEqual(await run(true), []);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it("does not read a #!schema outside the workspace folder, even through a link, and says so", async () => {
    const outside = new Workspace("tsk-outside-", { "s.schema.json": schema });
    const ws = new Workspace("tsk-inside-", {
      "app.tsk": `#!schema ${path.join(outside.root, "s.schema.json")}\npayments.provider = "paypal"\n`,
      "linked.tsk": "#!schema ./link.json\npayments.provider = \"paypal\"\n",
      "inside.tsk": "#!schema ./s.schema.json\npayments.provider = \"paypal\"\n",
      "s.schema.json": schema,
    });
    fs.symlinkSync(outside.path("s.schema.json"), ws.path("link.json"));
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, {}, VSCODE_LIKE);
      for (const name of ["app.tsk", "linked.tsk"]) {
        await client.open(ws.uri(name), ws.files[name]);
        const p = await client.diagnostics(ws.uri(name), (x) => x.diagnostics.length > 0);
        assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [["schema-outside-workspace", 0]], name);
        assert.match(p.diagnostics[0].message, /is outside the workspace folder, so it is not read/);
      }
      await client.open(ws.uri("inside.tsk"), ws.files["inside.tsk"]);
      const inside = await client.diagnostics(ws.uri("inside.tsk"), (x) => x.diagnostics.length > 0);
      assert.ok(inside.diagnostics.some((d) => /stripe/.test(d.message)), JSON.stringify(inside.diagnostics));
    } finally {
      await client.stop();
      ws.dispose();
      outside.dispose();
    }
  });

  it("names a schema path that is not JSON, and never quotes what the file holds", async () => {
    const ws = new Workspace("tsk-quote-", { "secret.json": "root:x:0:0:root:/root:/bin/bash\n", "app.tsk": "#!schema ./secret.json\na = 1\n" });
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, {}, VSCODE_LIKE);
      await client.open(ws.uri("app.tsk"), ws.files["app.tsk"]);
      const p = await client.diagnostics(ws.uri("app.tsk"), (x) => x.diagnostics.length > 0);
      const message = p.diagnostics.map((d) => d.message).join("\n");
      assert.match(message, /schema \.\/secret\.json: the schema is not valid JSON/);
      assert.ok(!/root|bash/.test(message), message);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});
