// Format Document over real LSP stdio: the editor's options, the edits applied as an editor
// applies them, and a file with syntax errors left alone.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";

describe("formatting over LSP", () => {
  let client: LspClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-format-"));
    client = new LspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const formatted = async (u: string, text: string, options: { tabSize: number; insertSpaces: boolean }) => {
    const edits = await client.request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri: u }, options });
    return edits === null ? null : TextDocument.applyEdits(TextDocument.create(u, "tsk", 1, text), edits);
  };

  it("formats with the editor's tab size, and after an edit, the edited text", async () => {
    const u = uri("a.tsk");
    const text = "service_mesh {\nmtls=true\n}\n";
    await client.open(u, text);
    assert.equal(await formatted(u, text, { tabSize: 2, insertSpaces: true }), "service_mesh {\n  mtls = true\n}\n");
    await client.change(u, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "provider: \"istio\"\n" }]);
    const now = "service_mesh {\nprovider: \"istio\"\nmtls=true\n}\n";
    assert.equal(await formatted(u, now, { tabSize: 4, insertSpaces: false }), "service_mesh {\n\tprovider: \"istio\"\n\tmtls = true\n}\n");
  });

  it("formats only the lines of a selection, indented as in the whole document", async () => {
    const u = uri("range.tsk");
    const text = "mesh {\nretry {\nattempts=3\n}\ntimeout=5\n}\n";
    await client.open(u, text);
    const edits = await client.request<TextEdit[]>("textDocument/rangeFormatting", {
      textDocument: { uri: u }, options: { tabSize: 4, insertSpaces: true },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
    });
    assert.equal(TextDocument.applyEdits(TextDocument.create(u, "tsk", 1, text), edits), "mesh {\nretry {\n        attempts = 3\n}\ntimeout=5\n}\n");
  });

  it("leaves a file with syntax errors alone", async () => {
    const u = uri("broken.tsk");
    await client.open(u, "a {\n b =\n}\n");
    assert.equal(await formatted(u, "a {\n b =\n}\n", { tabSize: 4, insertSpaces: true }), null);
  });
});
