// The server under random editing, over real LSP stdio: random incremental edits (several to a
// notification, CRLF, pasted slices of the text, hostile shapes: long keys, wide arrays, deep
// nesting) and random requests at random positions. After each batch the edited document's
// diagnostics, outline and folding must equal what a fresh open of the same text gives in a
// second server; no request may fail, nothing may reach stderr, the server may not exit, and
// its memory over thousands of edits stays bounded. Seeded, so a failure is reproducible:
// TSK_FUZZ_SEEDS=1,2,3 picks seeds, TSK_FUZZ_EDITS=N the edits per seed (a longer run);
// TSK_LONG_TESTS=1 (CI) runs three seeds and the 5,000-edit memory run.
// Every defect it finds becomes a named regression test (below, and in the layer it belongs to).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, TextDocumentContentChangeEvent } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { Workspace } from "../helpers/workspace-fixture";
import { LONG_TESTS, sized } from "../helpers/long-tests";

const SEEDS = (process.env.TSK_FUZZ_SEEDS ?? sized("1,2", "1,2,3")).split(",").map(Number);
const EDITS = Number(process.env.TSK_FUZZ_EDITS ?? sized(250, 400));
const CHECK_EVERY = 20;
const MEMORY_SEED = 4242;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "a.b.c = 1\n", "[services]\n", "[a.b]", "svc-new = {\n  port = 1\n}\n", '"""\nraw\n"""', "/* c */", "/*", "*/", "#!schema none\n",
  "#!api\n", "\u2028", "\u2029", "é", "😀", "\r\n", "\r", "\\\n", "{", "}", "(", ")", "[", "]", ">", "<", "\n<\n", "name >\n",
  '@env("X", 1)', "$g = 1\n", "$undefined_g", 'x = "unterminated\n', "- item\n", "key:\n  nested = 1\n", "? 1 : 2", "&&", " == ",
  "\t", "\u00a0", "\ufeff", "\u0000", "# tsk-disable-next-line unknown-key\n", 'depends_on = ["svc-1"]\n', "provider = etcdx\n",
  'x = @config.tsk.get("a.b")\n', '@import("other.tsk")\n', "port = 8080\n", 'timeout = "5s"\n', "replicas = \"three\"\n",
  "services.billing = { url = \"http://billing:80\" }\n", "# c\n", ";", ",", ":", "=", "@", "$", "'", '"', "\n", "\n\n", "1", "true", "null",
  // Special files of the workspace (made below): a FIFO and a link to a device, imported, read
  // and named as a schema.
  '@import("pipe.tsk")\n', '@import("zero.tsk")\n', 'x = @pipe.tsk.get("a")\n', "#!schema ./pipe.json\n", "#!schema ./zero.json\n",
];

/** Shapes an attacker or a generator would write, kept small enough for a test run. */
function hostile(next: () => number): string {
  switch (Math.floor(next() * 4)) {
    case 0: return `k${".s".repeat(300 + Math.floor(next() * 300))} = 1\n`;
    case 1: return `wide = [${Array.from({ length: 2000 }, (_, i) => i).join(",")}]\n`;
    case 2: return "deep {\n".repeat(60) + "x = 1\n" + "}\n".repeat(60);
    default: return `long = "${"x".repeat(20_000)}"\n`;
  }
}

const START = [
  JSON.parse(fs.readFileSync(path.join(__dirname, "../../../test/lsp/fixtures/incremental-mismatch-1.json"), "utf8")).startText as string,
  [
    "microservices {",
    '    service_name = "orders"',
    "    discovery {",
    '        provider = "consul"',
    '        endpoints = ["http://consul:8500"]',
    "    }",
    "}",
    "[api_gateway]",
    'routes."/api/orders" = { service = "orders", timeout = "5s" }',
    "service_mesh > mtls: true",
    "<",
    '$region = "eu"',
    "zone = $region",
    "",
  ].join("\n"),
];

/** One random change to `doc`'s text, as an editor sends it. */
function randomChange(doc: TextDocument, next: () => number): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.02) return { text: text.slice(0, at) };
  const span = roll < 0.35 ? 0 : Math.floor(next() * Math.min(60, text.length - at + 1));
  let insert = "";
  if (roll < 0.75) insert = FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
  else if (roll < 0.9) {
    const from = Math.floor(next() * text.length);
    insert = text.slice(from, from + Math.floor(next() * 200));
  } else if (roll < 0.93) insert = hostile(next);
  const start = doc.positionAt(at);
  const end = doc.positionAt(at + span);
  // Now and then a range written backwards, which the reference implementation accepts.
  return next() < 0.03 ? { range: { start: end, end: start }, text: insert } : { range: { start, end }, text: insert };
}

const REQUESTS = [
  "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
  "textDocument/documentHighlight", "textDocument/prepareRename", "textDocument/codeAction", "textDocument/formatting",
  "textDocument/rangeFormatting", "textDocument/documentLink", "textDocument/documentSymbol", "textDocument/foldingRange",
  "textDocument/semanticTokens/full", "textDocument/semanticTokens/range", "textDocument/inlayHint", "textDocument/codeLens",
  "textDocument/selectionRange", "textDocument/signatureHelp", "textDocument/onTypeFormatting",
];

/** Deliberate answers: a rename refused, a request cancelled or outdated. Anything else is a failure. */
const ACCEPTED_ERRORS = new Set([-32803, -32800, -32801]);

function describeDiagnostics(list: Diagnostic[]): string[] {
  return list.map((d) => JSON.stringify([d.range, d.severity, d.code, d.message])).sort();
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

describe("the server under random editing (seeded fuzz over LSP stdio)", () => {
  let edited: LspClient;
  let fresh: LspClient;
  let ws: Workspace;
  before(async () => {
    ws = new Workspace("tsk-fuzz-", {
      "other.tsk": "$shared = 1\nservices.billing = { url = \"https://billing:8443\" }\n",
      "config.tsk": "a.b = 1\n",
    });
    if (process.platform !== "win32") {
      execFileSync("mkfifo", [ws.path("pipe.tsk")]);
      execFileSync("mkfifo", [ws.path("pipe.json")]);
      fs.symlinkSync("/dev/zero", ws.path("zero.tsk"));
      fs.symlinkSync("/dev/zero", ws.path("zero.json"));
    }
    edited = new LspClient();
    fresh = new LspClient();
    const caps = { window: { workDoneProgress: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } };
    await edited.initialize(ws.rootUri, {}, caps);
    await fresh.initialize(ws.rootUri, {}, caps);
    await edited.progressEnd();
    await fresh.progressEnd();
  });
  after(async () => {
    await edited.stop();
    await fresh.stop();
    ws.dispose();
  });

  /** What a fresh open of `text` gives: diagnostics, outline and folding. */
  async function freshly(uri: string, text: string, version: number) {
    await fresh.close(uri);
    await fresh.open(uri, text, version);
    const published = await fresh.diagnostics(uri, (p) => p.version === version, 60_000, fresh.mark(uri));
    return {
      diagnostics: describeDiagnostics(published.diagnostics),
      symbols: await fresh.request("textDocument/documentSymbol", { textDocument: { uri } }),
      folding: await fresh.request("textDocument/foldingRange", { textDocument: { uri } }),
    };
  }

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${EDITS} edits agree with fresh opens, and every request is answered`, () => run(seed, EDITS, CHECK_EVERY));
  }

  it("stays within bounded memory over 5,000 edits, agreeing with fresh opens all along", { skip: !LONG_TESTS && "a long run: TSK_LONG_TESTS=1" }, () => run(MEMORY_SEED, 5000, 250));

  async function run(seed: number, edits: number, checkEvery: number): Promise<void> {
    {
      const next = random(seed);
      const uri = ws.uri(`fuzz-${seed}.tsk`);
      const doc = TextDocument.create(uri, "tsk", 1, START[seed % START.length]);
      await edited.open(uri, doc.getText(), 1);
      const failures: string[] = [];
      let version = 1;
      let rssAfterWarmup = 0;
      for (let i = 1; i <= edits; i++) {
        // One to four changes to a notification, each against the text the one before left.
        const count = next() < 0.8 ? 1 : 2 + Math.floor(next() * 3);
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let c = 0; c < count; c++) {
          const change = randomChange(doc, next);
          changes.push(change);
          TextDocument.update(doc, [change], doc.version + 1);
        }
        version++;
        await edited.change(uri, version, changes);
        if (next() < 0.3) {
          const method = REQUESTS[Math.floor(next() * REQUESTS.length)];
          const start = doc.positionAt(Math.floor(next() * (doc.getText().length + 1)));
          const end = doc.positionAt(doc.offsetAt(start) + Math.floor(next() * 40));
          const params = {
            textDocument: { uri }, position: start, positions: [start], range: { start, end }, ch: "}",
            context: { includeDeclaration: true, diagnostics: [] }, options: { tabSize: 4, insertSpaces: true },
          };
          edited.request(method, params).catch((e: { code?: number; message?: string }) => {
            if (!ACCEPTED_ERRORS.has(e.code ?? 0)) failures.push(`edit ${i}, ${method} at ${JSON.stringify(start)}: ${e.code} ${e.message}`);
          });
        }
        if (i % checkEvery !== 0 && i !== edits) continue;
        const text = doc.getText();
        const published = await edited.diagnostics(uri, (p) => p.version === version, 60_000, 0);
        const expected = await freshly(uri, text, version);
        const got = {
          diagnostics: describeDiagnostics(published.diagnostics),
          symbols: await edited.request("textDocument/documentSymbol", { textDocument: { uri } }),
          folding: await edited.request("textDocument/foldingRange", { textDocument: { uri } }),
        };
        assert.deepEqual(got, expected, `seed ${seed}, after edit ${i}: the edited document and a fresh open of its text disagree`);
        assert.deepEqual(failures, [], `seed ${seed}: requests failed`);
        if (i === checkEvery * Math.ceil(200 / checkEvery)) rssAfterWarmup = rssOf(edited.pid);
      }
      await edited.close(uri);
      await fresh.close(uri);
      assert.equal(edited.stderr, "", "the edited server wrote to stderr");
      assert.equal(fresh.stderr, "");
      assert.ok(edited.alive && fresh.alive);
      if (rssAfterWarmup > 0) {
        const rss = rssOf(edited.pid);
        // A leak grows with the edits; the bound is generous, for collection's timing.
        assert.ok(rss < rssAfterWarmup * 2 + 64 * 1024 * 1024, `memory grew from ${rssAfterWarmup >> 20} MB to ${rss >> 20} MB over ${edits} edits`);
      }
    }
  }

  it("regression incremental-mismatch-1: 387 edits of a corpus file publish what a fresh open of the result does", async () => {
    const repro = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../test/lsp/fixtures/incremental-mismatch-1.json"), "utf8")) as {
      startText: string; batches: { version: number; changes: TextDocumentContentChangeEvent[] }[]; finalText: string;
    };
    const uri = ws.uri("repro-1.tsk");
    await edited.open(uri, repro.startText, 1);
    for (const b of repro.batches) await edited.change(uri, b.version, b.changes);
    const last = repro.batches[repro.batches.length - 1].version;
    const published = await edited.diagnostics(uri, (p) => p.version === last, 60_000, 0);
    const expected = await freshly(uri, repro.finalText, last);
    assert.ok(expected.diagnostics.length > 0, "a fresh open publishes (the parser once threw on this text)");
    assert.deepEqual(describeDiagnostics(published.diagnostics), expected.diagnostics);
    assert.equal(edited.stderr, "");
  });
});
