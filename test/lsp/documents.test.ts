// The open documents: edits applied atomically, revisions the server counts itself, and the
// folder of each document found again when the workspace folders change.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { OpenDocuments } from "../../server/src/lsp/documents";
import { applyContentChange } from "../../server/src/syntax/incremental";
import { parse, toJSON, type SyntaxTree } from "../../server/src/syntax/syntax-tree";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";

const edit = (line: number, from: number, to: number, text: string): TextDocumentContentChangeEvent =>
  ({ range: { start: { line, character: from }, end: { line, character: to } }, text });

describe("open documents", () => {
  it("parse the text the client holds afresh when an edit fails half-way, and say so", () => {
    let calls = 0;
    // The second change of a notification fails after changing the tree in place, as a bug would.
    const failing = (tree: SyntaxTree, change: TextDocumentContentChangeEvent) => {
      if (++calls === 2) {
        applyContentChange(tree, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "garbage " });
        throw new Error("bug in the middle of an edit");
      }
      return applyContentChange(tree, change);
    };
    const docs = new OpenDocuments(failing);
    const recovered: string[] = [];
    docs.onRecovered = (uri, e) => recovered.push(`${uri}: ${(e as Error).message}`);
    docs.open("file:///a.tsk", 1, "a = 1\nb = 2\nc = 3\n");
    const doc = docs.change("file:///a.tsk", 2, [edit(0, 4, 5, "10"), edit(1, 4, 5, "20"), edit(2, 4, 5, "30")])!;
    const expected = "a = 10\nb = 20\nc = 30\n";
    assert.equal(doc.tree.text, expected);
    assert.deepEqual(toJSON(doc.tree), toJSON(parse(expected)));
    assert.deepEqual(recovered, ["file:///a.tsk: bug in the middle of an edit"]);
    // Later edits go on from the recovered tree.
    docs.change("file:///a.tsk", 3, [edit(2, 4, 6, "3")]);
    assert.equal(doc.tree.text, "a = 10\nb = 20\nc = 3\n");
  });

  it("count a new revision for every open and change, whatever version the client sends", () => {
    const docs = new OpenDocuments();
    const doc = docs.open("file:///v.tsk", 1, "a = 1\n");
    const seen = [doc.revision];
    docs.change("file:///v.tsk", 1, [edit(0, 4, 5, "")]);
    seen.push(doc.revision);
    docs.change("file:///v.tsk", null, [edit(0, 4, 4, "2")]);
    seen.push(doc.revision);
    assert.equal(new Set(seen).size, 3);
    assert.equal(doc.version, null);
  });

  it("swap the ends of a range given backwards, as the reference text document does", () => {
    const docs = new OpenDocuments();
    const doc = docs.open("file:///r.tsk", 1, "abc = 1\n");
    docs.change("file:///r.tsk", 2, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 0 } }, text: "xyz" }]);
    assert.equal(doc.tree.text, "xyz = 1\n");
  });

  it("find the workspace folder of each open document again when the folders change", () => {
    const root = path.resolve("/work/ws");
    const docs = new OpenDocuments();
    docs.setWorkspaceFolders([pathToFileURL(root).toString()]);
    const doc = docs.open(pathToFileURL(path.join(root, "svc", "a.tsk")).toString(), 1, "a = 1\n");
    assert.equal(doc.place.folder, root);
    const revision = doc.revision;
    docs.setWorkspaceFolders([pathToFileURL(root).toString(), pathToFileURL(path.join(root, "svc")).toString()]);
    assert.equal(doc.place.folder, path.join(root, "svc"));
    assert.notEqual(doc.revision, revision, "what was computed under the old folder is stale");
  });
});
