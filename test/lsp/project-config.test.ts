// tsk.config.tsk in the editor, over LSP: it changes the diagnostics as it changes tsk check's
// (the same project, compared), the editor's settings go on top, a change on disk applies at
// once, and in an untrusted workspace its rules apply but not its schemas. Editing it has
// completion and hover from its own schema.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CompletionItem, Hover, MarkupContent, TextEdit } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { Workspace } from "../helpers/workspace-fixture";
import { PROJECT_FILES } from "../helpers/project-fixture";
import { run } from "../cli/run-tsk";

const SEVERITY = ["", "error", "warning", "info", "hint"];

describe("tsk.config.tsk in the editor", () => {
  let ws: Workspace;
  before(() => {
    ws = new Workspace("tsk-lsp-project-", { ...PROJECT_FILES });
    fs.mkdirSync(path.join(ws.root, ".git"));
  });
  after(() => ws.dispose());

  const seen = async (client: LspClient, name: string, test: (codes: string[]) => boolean = () => true) => {
    await client.open(ws.uri(name), ws.files[name]);
    const p = await client.diagnostics(ws.uri(name), (q) => test(q.diagnostics.map((d) => String(d.code))));
    return p.diagnostics.map((d) => [name, d.range.start.line + 1, d.range.start.character + 1, SEVERITY[d.severity ?? 0], String(d.code)]);
  };

  it("gives the editor the diagnostics tsk check gives, file for file", async () => {
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, {});
      const editor = [
        ...await seen(client, "gateway.tsk"), ...await seen(client, "billing/pay.tsk"),
        ...await seen(client, "generated/out.tsk"), ...await seen(client, "tsk.config.tsk"),
      ];
      const cli = (JSON.parse(run(["check", "--format", "json", "."], ws.root).stdout) as { file: string; line: number; column: number; severity: string; code: string }[])
        .map((p) => [p.file.split(path.sep).join("/"), p.line, p.column, p.severity, p.code]);
      const byFile = (a: (string | number)[], b: (string | number)[]) => String(a[0]).localeCompare(String(b[0]));
      assert.deepEqual(editor.sort(byFile), cli.sort(byFile));
      assert.deepEqual(editor, [
        ["billing/pay.tsk", 1, 12, "error", "invalid-value"],
        ["gateway.tsk", 1, 39, "error", "retry-budget"],
      ], "retry-budget an error, unused-global off, the config's schema applied, generated/ left out");
      assert.equal(client.stderr, "");
    } finally {
      await client.stop();
    }
  });

  it("puts the editor's settings on top, rule by rule, and follows the file as it changes on disk", async () => {
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, { rules: { "invalid-value": "hint" } });
      assert.deepEqual(await seen(client, "billing/pay.tsk"), [["billing/pay.tsk", 1, 12, "hint", "invalid-value"]]);
      assert.deepEqual(await seen(client, "gateway.tsk"), [["gateway.tsk", 1, 39, "error", "retry-budget"]]);
      const from = client.mark(ws.uri("gateway.tsk"));
      ws.write("tsk.config.tsk", PROJECT_FILES["tsk.config.tsk"].replace('retry-budget = "error"', 'retry-budget = "off"'));
      await client.watched([{ uri: ws.uri("tsk.config.tsk"), type: 2 }]);
      // The rule turned off in the file is off in the editor (no other change made it so).
      const after = await client.diagnostics(ws.uri("gateway.tsk"), (p) => p.diagnostics.length === 0, 15000, from);
      assert.deepEqual(after.diagnostics, []);
    } finally {
      ws.write("tsk.config.tsk", PROJECT_FILES["tsk.config.tsk"]);
      await client.stop();
    }
  });

  it("in an untrusted workspace applies its rule levels, not its schemas", async () => {
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, { workspaceTrusted: false });
      assert.deepEqual(await seen(client, "gateway.tsk"), [["gateway.tsk", 1, 39, "error", "retry-budget"]]);
      assert.deepEqual(await seen(client, "billing/pay.tsk"), [], "payments.schema.json is not read");
    } finally {
      await client.stop();
    }
  });

  it("does not read a schema it names outside the workspace folder, and says so on the config file", async () => {
    const outside = new Workspace("tsk-lsp-outside-", { "x.schema.json": JSON.stringify({ properties: { currency: { enum: ["CHF"] } } }) });
    const inner = new Workspace("tsk-lsp-inner-", {
      "tsk.config.tsk": `schemas {\n    "${path.relative(fs.realpathSync(path.join(outside.root, "..")), outside.root)}/x.schema.json" = "*.tsk"\n}\n`.replace('"', `"../`),
      "a.tsk": 'currency = "EUR"\n',
    });
    const client = new LspClient();
    try {
      await client.initialize(inner.rootUri, {});
      await client.open(inner.uri("a.tsk"), inner.files["a.tsk"]);
      assert.deepEqual((await client.diagnostics(inner.uri("a.tsk"))).diagnostics, []);
      await client.open(inner.uri("tsk.config.tsk"), inner.files["tsk.config.tsk"]);
      const config = (await client.diagnostics(inner.uri("tsk.config.tsk"))).diagnostics;
      assert.deepEqual(config.map((d) => [d.range.start.line, d.code, d.severity]), [[1, "schema-outside-workspace", 2]]);
      assert.match(config[0].message, /is outside the workspace folder, so the editor does not read it \(tsk check does\)/);
      const cli = run(["check", "--format", "json", "a.tsk"], inner.root);
      assert.deepEqual(JSON.parse(cli.stdout).map((p: { code: string }) => p.code), ["invalid-value"], "tsk check reads what it is pointed at");
    } finally {
      await client.stop();
      outside.dispose();
      inner.dispose();
    }
  });

  it("completes and hovers the keys of tsk.config.tsk from its own schema, and formats with its indentation", async () => {
    const client = new LspClient();
    try {
      await client.initialize(ws.rootUri, {});
      const uri = ws.uri("tsk.config.tsk");
      await client.open(uri, "rules {\n    \n}\nformat.indent = 2\na {\nb = 1\n}\n");
      const items = (await client.request<CompletionItem[] | null>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 4 } })) ?? [];
      assert.ok(items.some((i) => i.label === "retry-budget"), items.map((i) => i.label).join(", "));
      const top = (await client.request<CompletionItem[] | null>("textDocument/completion", { textDocument: { uri }, position: { line: 3, character: 0 } })) ?? [];
      for (const key of ["validate", "builtinSchemas", "schemas", "files"]) assert.ok(top.some((i) => i.label === key), `${key}: ${top.map((i) => i.label).join(", ")}`);
      const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 3, character: 9 } });
      assert.match((hover?.contents as MarkupContent).value, /Spaces per level of nesting/);
      const diagnostics = (await client.diagnostics(uri)).diagnostics;
      assert.deepEqual(diagnostics.map((d) => d.code), ["unknown-key"], "a is no key of tsk.config.tsk");
      const edits = await client.request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
      assert.ok(edits?.some((e) => e.newText === "  "), JSON.stringify(edits));
    } finally {
      await client.stop();
    }
  });
});
