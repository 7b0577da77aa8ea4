import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { LspClient } from "./lsp-client";

describe("the server never dies on what a client or a file sends it", () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-robust-"));
    fs.writeFileSync(path.join(dir, "cycle.schema.json"), JSON.stringify({
      $schema: "http://json-schema.org/draft-07/schema#",
      definitions: { a: { $ref: "#/definitions/b" }, b: { $ref: "#/definitions/a" } },
      $ref: "#/definitions/a",
    }));
    fs.writeFileSync(path.join(dir, "pattern.schema.json"), JSON.stringify({
      type: "object", properties: { name: { type: "string", pattern: "([a-z" } },
    }));
    fs.writeFileSync(path.join(dir, "broken.schema.json"), "{ not json");
    client = new LspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  it("answers requests about unknown documents with nothing", async () => {
    const hover = await client.request("textDocument/hover", { textDocument: { uri: uri("nope.tsk") }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    const completion = await client.request("textDocument/completion", { textDocument: { uri: uri("nope.tsk") }, position: { line: 0, character: 0 } });
    assert.equal(completion, null);
    await client.change(uri("nope.tsk"), 2, [{ text: "a = 1" }]);
    assert.ok(client.alive);
  });

  it("takes positions past the end of the document and of a line", async () => {
    await client.open(uri("short.tsk"), "a = 1\n");
    await client.diagnostics(uri("short.tsk"));
    for (const position of [{ line: 50, character: 3 }, { line: 0, character: 999 }, { line: -1, character: -5 }]) {
      await client.request("textDocument/hover", { textDocument: { uri: uri("short.tsk") }, position });
      await client.request("textDocument/completion", { textDocument: { uri: uri("short.tsk") }, position });
    }
    await client.change(uri("short.tsk"), 2, [{ range: { start: { line: 90, character: 0 }, end: { line: 99, character: 9 } }, text: "b = 2\n" }]);
    const after = await client.diagnostics(uri("short.tsk"), (p) => p.version === 2);
    assert.deepEqual(after.diagnostics, []);
    assert.ok(client.alive);
  });

  it("answers navigation about unknown documents and odd positions, and takes odd file events", async () => {
    const nowhere = { textDocument: { uri: uri("nope.tsk") }, position: { line: 0, character: 0 } };
    for (const method of ["textDocument/definition", "textDocument/references", "textDocument/prepareRename", "textDocument/documentLink"]) {
      assert.equal(await client.request(method, { ...nowhere, context: { includeDeclaration: true } }), null, method);
    }
    await client.open(uri("nav.tsk"), '$g = 1\nx = $g\ny = @other.tsk.get("a." + $g)\n@import("")\n');
    for (const position of [{ line: 50, character: 3 }, { line: 1, character: 999 }, { line: -1, character: -5 }]) {
      const at = { textDocument: { uri: uri("nav.tsk") }, position };
      await client.request("textDocument/definition", at);
      await client.request("textDocument/references", { ...at, context: { includeDeclaration: false } });
      await client.request("textDocument/prepareRename", at).catch(() => undefined);
      await client.request("textDocument/rename", { ...at, newName: "" }).catch(() => undefined);
    }
    await client.request("textDocument/documentLink", { textDocument: { uri: uri("nav.tsk") } });
    await client.request("workspace/symbol", { query: "\u0000[(.*" });
    await client.watched([
      { uri: "not a uri", type: 1 }, { uri: uri("ghost.tsk"), type: 3 }, { uri: uri("ghost.tsk"), type: 2 },
      { uri: pathToFileURL(dir).toString(), type: 3 },
    ]);
    await assert.rejects(client.request("textDocument/rename", { textDocument: { uri: uri("nav.tsk") }, position: { line: 1, character: 5 }, newName: "not a name" }));
    assert.ok(client.alive);
  });

  it("answers a malformed request with an error, not a crash", async () => {
    await assert.rejects(client.request("textDocument/hover", { nonsense: true }));
    await assert.rejects(client.request("textDocument/definitely-not-a-method", {}));
    assert.ok(client.alive);
    const hover = await client.request("textDocument/hover", { textDocument: { uri: uri("short.tsk") }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === "object");
  });

  it("reads garbage, binary noise and a 5 MB file and keeps serving", async () => {
    await client.open(uri("garbage.tsk"), "\u0000\u0001}{][)(\"'''\"\"\"/*\n@@@$$$ <<<>>> \ud800 = = : :\n".repeat(200));
    const garbage = await client.diagnostics(uri("garbage.tsk"));
    assert.ok(garbage.diagnostics.length > 0);
    const big = 'services.svc = { url = "http://svc:8080", port = 8080 }\n'.repeat(95_000);
    assert.ok(big.length > 5_000_000);
    await client.open(uri("big.tsk"), big);
    const published = await client.diagnostics(uri("big.tsk"), () => true, 60_000);
    assert.ok(Array.isArray(published.diagnostics));
    const hover = await client.request("textDocument/hover", { textDocument: { uri: uri("short.tsk") }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === "object");
    assert.ok(client.alive);
  });

  it("reports a schema with a $ref cycle, an invalid pattern, or broken JSON, and goes on", async () => {
    for (const schema of ["cycle.schema.json", "pattern.schema.json", "broken.schema.json"]) {
      const name = `uses-${schema}.tsk`;
      await client.open(uri(name), `#!schema ./${schema}\nname = "x"\n`);
      const p = await client.diagnostics(uri(name));
      const problem = p.diagnostics.find((d) => d.code === "broken-schema" || d.code === "schema-not-found");
      assert.ok(problem, `${schema}: ${JSON.stringify(p.diagnostics)}`);
      assert.equal(problem.range.start.line, 0);
    }
    assert.ok(client.alive);
  });
});
