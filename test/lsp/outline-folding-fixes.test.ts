// The outline, folding and quick fixes over real LSP stdio, as an editor asks for them.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, DocumentSymbol, FoldingRange } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";

describe("outline, folding and quick fixes over LSP", () => {
  let client: LspClient;
  let dir: string;
  let n = 0;
  const uri = () => pathToFileURL(path.join(dir, `doc${n++}.tsk`)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-outline-"));
    client = new LspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives the outline as a tree, each symbol selecting its key", async () => {
    const u = uri();
    await client.open(u, "[service_mesh]\nprovider = \"istio\"\nretry {\n    attempts = 3\n}\n");
    const symbols = (await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: u } }));
    const names = (list: DocumentSymbol[]): unknown => list.map((s) => (s.children?.length ? [s.name, names(s.children)] : s.name));
    assert.deepEqual(names(symbols), [["service_mesh", ["provider", ["retry", ["attempts"]]]]]);
    assert.deepEqual(symbols[0].children![1].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
  });

  it("folds a block to the line before its '}'", async () => {
    const u = uri();
    await client.open(u, "a {\n    b = 1\n    c = 2\n}\n");
    const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: u } });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[0, 2]]);
  });

  it("fixes a misspelt value with the preferred quick fix, and the warning goes", async () => {
    const u = uri();
    const text = 'microservices.discovery.provider = "consol"\n';
    await client.open(u, text);
    const first = await client.diagnostics(u, (p) => p.diagnostics.length > 0);
    const warning = first.diagnostics.find((d) => d.code === "unknown-value")!;
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: u }, range: warning.range, context: { diagnostics: [warning] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Change to "consul"', "Disable unknown-value for this line"]);
    const preferred = actions.find((a) => a.isPreferred)!;
    const fixed = TextDocument.applyEdits(TextDocument.create(u, "tsk", 1, text), preferred.edit!.changes![u]);
    assert.equal(fixed, 'microservices.discovery.provider = "consul"\n');
    const mark = client.mark(u);
    await client.change(u, 2, [{ text: fixed }]);
    const after = await client.diagnostics(u, () => true, 15000, mark);
    assert.deepEqual(after.diagnostics, []);
  });

  it("survives 100,000 nested blocks in every one of them, and keeps serving", async () => {
    const u = uri();
    const n = 100_000;
    await client.open(u, "a {\n".repeat(n) + "x = 1\n" + "}\n".repeat(n));
    const doc = { textDocument: { uri: u } };
    const warned = await client.diagnostics(u);
    assert.deepEqual(warned.diagnostics.map((d) => d.code), ["too-deep-to-check"]);
    let depth = 0;
    for (let s = (await client.request<DocumentSymbol[]>("textDocument/documentSymbol", doc))[0]; s; s = s.children?.[0]!) depth++;
    assert.equal(depth, 201, "the outline stops 200 levels down");
    const folds = await client.request<FoldingRange[] | null>("textDocument/foldingRange", doc);
    assert.equal(folds?.length, n);
    assert.equal(await client.request("textDocument/formatting", { ...doc, options: { tabSize: 4, insertSpaces: true } }), null);
    await client.request("textDocument/codeAction", { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } });
    const small = uri();
    await client.open(small, "a {\n    b = 1\n}\n");
    const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: small } });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[0, 1]]);
  });

  it("offers only what the client asks for", async () => {
    const u = uri();
    await client.open(u, 'microservices.discovery.provider = "consol"\n');
    await client.diagnostics(u, (p) => p.diagnostics.length > 0);
    const range = { start: { line: 0, character: 36 }, end: { line: 0, character: 36 } };
    const refactors = await client.request<CodeAction[] | null>("textDocument/codeAction", { textDocument: { uri: u }, range, context: { diagnostics: [], only: ["refactor"] } });
    assert.equal(refactors, null);
  });
});
