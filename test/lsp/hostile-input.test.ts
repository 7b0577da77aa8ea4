// The server under hostile input (shared/repro, made here): a text full of NULs, a schema
// whose pattern backtracks without end, a schema claiming the built-in schema's id, schemas
// that are a FIFO or a device, a change whose range is written end first. Each wait is
// bounded: a server that blocks fails the test instead of hanging it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { LspClient } from "./lsp-client";

const posix = process.platform !== "win32";
const EVIL = "a".repeat(40) + "!";

describe("the server and hostile input", { timeout: 120_000 }, () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-hostile-"));
    fs.writeFileSync(path.join(dir, "redos.schema.json"), JSON.stringify({
      type: "object", properties: { name: { type: "string", pattern: "^(a+)+$" } },
      patternProperties: { "^(a+)+$": { type: "number", description: "All a." } },
    }));
    fs.writeFileSync(path.join(dir, "hijack.schema.json"), JSON.stringify({
      $schema: "https://json-schema.org/draft/2020-12/schema", $id: "tsk-schema://builtin/tsk-microservices.schema.json",
      type: "object", properties: { services: { description: "HIJACKED", type: "string" } },
    }));
    fs.writeFileSync(path.join(dir, "b-evil.tsk"), "#!schema ./hijack.schema.json\nx = 1\n");
    if (posix) execFileSync("mkfifo", [path.join(dir, "fifo.json")]);
    client = new LspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  it("tells a text full of NULs (UTF-16 read as UTF-8) once", async () => {
    const text = Buffer.from("services.a.port = 1\nname = \"x\"\n".repeat(200), "utf16le").toString("latin1");
    await client.open(uri("utf16.tsk"), text);
    const p = await client.diagnostics(uri("utf16.tsk"));
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
      ["nul-character", 0, "this text holds NUL characters: is the file UTF-16? TSK files are UTF-8"],
    ]);
  });

  it("checks a value against a pattern that backtracks 2^40 ways at every keystroke, and hovers through it", async () => {
    await client.open(uri("slow.tsk"), `#!schema ./redos.schema.json\nname = "${EVIL}"\n`);
    const first = await client.diagnostics(uri("slow.tsk"));
    assert.deepEqual(first.diagnostics.map((d) => d.message), ["'name' must match pattern \"^(a+)+$\""]);
    for (let v = 2; v <= 4; v++) {
      await client.change(uri("slow.tsk"), v, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: "a" }]);
    }
    const typed = await client.diagnostics(uri("slow.tsk"), (p) => p.version === 4);
    assert.equal(typed.diagnostics.length, 1);
    await client.change(uri("slow.tsk"), 5, [{ text: `#!schema ./redos.schema.json\n${EVIL} = 1\naaaa = 2\n` }]);
    const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: uri("slow.tsk") }, position: { line: 1, character: 3 } });
    assert.doesNotMatch(hover?.contents.value ?? "", /All a/, "the key does not match: no description");
    const matching = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: uri("slow.tsk") }, position: { line: 2, character: 1 } });
    assert.match(matching?.contents.value ?? "", /All a\./);
  });

  it("keeps the built-in schema for every other file when one names a schema claiming its $id", async () => {
    await client.open(uri("b-evil.tsk"), "#!schema ./hijack.schema.json\nx = 1\n");
    const evil = await client.diagnostics(uri("b-evil.tsk"));
    assert.deepEqual(evil.diagnostics.map((d) => [d.code, d.range.start.line]), [["schema-not-found", 0]]);
    assert.match(evil.diagnostics[0].message, /is reserved for the built-in schemas/);
    await client.open(uri("a-plain.tsk"), 'services.a.port = "p"\n');
    const plain = await client.diagnostics(uri("a-plain.tsk"));
    assert.deepEqual(plain.diagnostics.map((d) => d.message), ["'services.a.port' expects a whole number, found the string \"p\""]);
  });

  it("does not block on a schema that is a FIFO, nor read one that is a device (outside the workspace: not at all)", { skip: !posix }, async () => {
    await client.open(uri("fifo.tsk"), "#!schema ./fifo.json\na = 1\n");
    const fifo = await client.diagnostics(uri("fifo.tsk"));
    assert.deepEqual(fifo.diagnostics.map((d) => d.message), ["schema ./fifo.json: cannot read the schema: it is a named pipe (FIFO), not a regular file"]);
    await client.open(uri("zero.tsk"), "#!schema /dev/zero\na = 1\n");
    const zero = await client.diagnostics(uri("zero.tsk"));
    assert.deepEqual(zero.diagnostics.map((d) => d.message), ["/dev/zero is outside the workspace folder, so it is not read: the built-in schemas apply (name it in the tsk.schemas setting to use it)"]);
  });

  it("applies a change whose range is written end first to that range", async () => {
    await client.open(uri("reversed.tsk"), "a = 1\nb = 2\nc = 3\n");
    await client.diagnostics(uri("reversed.tsk"));
    await client.change(uri("reversed.tsk"), 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 0, character: 4 } }, text: "" }]);
    const p = await client.diagnostics(uri("reversed.tsk"), (x) => x.version === 2);
    // The reference implementation swaps the ends: "a = " + "c = 3\n". Taken as an insertion, the text would not change.
    await client.open(uri("swapped.tsk"), "a = c = 3\n");
    const swapped = await client.diagnostics(uri("swapped.tsk"));
    assert.notDeepEqual(swapped.diagnostics, []);
    assert.deepEqual(p.diagnostics, swapped.diagnostics);
  });
});

describe("what a file outside the workspace holds is not shown", { timeout: 60_000 }, () => {
  let client: LspClient;
  let parent: string;
  let ws: string;
  const uri = (name: string) => pathToFileURL(path.join(ws, name)).toString();
  const app = '@import("../secret.tsk")\nuse = $token\nx = @secret.tsk.get("rooot")\n';
  before(async () => {
    parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-outside-")));
    ws = path.join(parent, "ws");
    fs.mkdirSync(ws);
    // Read because a file inside imports it; like /etc/passwd, what it holds is not the workspace's.
    fs.writeFileSync(path.join(parent, "secret.tsk"), 'root = "x:0:0"\n$token = "s3cret"\n');
    fs.writeFileSync(path.join(ws, "app.tsk"), app);
    client = new LspClient();
    await client.initialize(pathToFileURL(ws).toString(), {}, { window: { workDoneProgress: true } });
    await client.progressEnd();
    await client.open(uri("app.tsk"), app);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it("keeps its keys out of workspace symbols, its values out of hover, its lines out of references and its keys out of suggestions", async () => {
    const published = await client.diagnostics(uri("app.tsk"), (p) => p.diagnostics.some((d) => d.code === "unknown-file-key"));
    const unknownKey = published.diagnostics.find((d) => d.code === "unknown-file-key")!;
    assert.equal(unknownKey.message, "secret.tsk has no key 'rooot'");
    const symbols = await client.request<{ name: string }[]>("workspace/symbol", { query: "root" });
    assert.deepEqual(symbols.map((s) => s.name), []);
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri: uri("app.tsk") }, position: { line: 1, character: 8 } });
    assert.ok(!hover.contents.value.includes("s3cret"), hover.contents.value);
    assert.match(hover.contents.value, /outside the workspace \(its value is not shown\)/);
    const refs = await client.request<{ uri: string }[]>("textDocument/references", {
      textDocument: { uri: uri("app.tsk") }, position: { line: 1, character: 8 }, context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => r.uri), [uri("app.tsk")]);
    assert.equal(client.stderr, "");
  });
});

describe("files larger than the editor's budget", { timeout: 120_000 }, () => {
  let client: LspClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-budget-"));
    client = new LspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const line = (i: number) => `services.svc_${i} = { url = "http://svc-${i}:8080", port = ${8000 + (i % 1000)} }\n`;
  const lines = (bytes: number) => {
    const out: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      out.push(line(i));
      size += out[out.length - 1].length;
    }
    return out.join("");
  };

  it("checks only the syntax of a file over 4 MB, and says so", async () => {
    const text = "broken =\n" + lines(5 * 1024 * 1024);
    await client.open(uri("big.tsk"), text);
    const p = await client.diagnostics(uri("big.tsk"), () => true, 60_000);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [["too-large-to-check", 0], ["expected-value", 0]]);
    assert.match(p.diagnostics[0].message, /^this file is 5 MB: in the editor only the syntax is checked in files over 4 MB \(tsk check checks it all\)$/);
  });

  it("does not parse a file over 16 MB, says so, and parses it once an edit brings it under", async () => {
    const text = lines(17 * 1024 * 1024);
    const total = text.split("\n").length - 1;
    await client.open(uri("huge.tsk"), text);
    const p = await client.diagnostics(uri("huge.tsk"), () => true, 60_000);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ["too-large"]);
    assert.match(p.diagnostics[0].message, /^this file is 17 MB, more than the 16 MB the editor reads: nothing in it is checked here/);
    assert.equal(await client.request("textDocument/hover", { textDocument: { uri: uri("huge.tsk") }, position: { line: 5, character: 2 } }), null);
    // Everything but the first ten lines deleted, and a mistake added.
    await client.change(uri("huge.tsk"), 2, [
      { range: { start: { line: 10, character: 0 }, end: { line: total, character: 0 } }, text: "" },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "broken =\n" },
    ]);
    const after = await client.diagnostics(uri("huge.tsk"), (x) => x.version === 2, 60_000);
    assert.deepEqual(after.diagnostics.map((d) => d.code), ["expected-value"]);
    assert.ok(client.alive);
  });
});
