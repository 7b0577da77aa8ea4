// The editing experience over LSP (issue 12): semantic tokens, signature help, inlay hints,
// code lenses, selection ranges, on-type formatting, fixing everything at once. Each test
// asserts what the editor is given: the tokens, the hints, the text after an edit.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { SemanticTokens, InitializeResult } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { Workspace } from "../helpers/workspace-fixture";

/** Tokens as [text, type, modifiers], from LSP's relative encoding. */
function decode(text: string, tokens: SemanticTokens, legend: { tokenTypes: string[]; tokenModifiers: string[] }): [string, string, string][] {
  const lines = text.split("\n");
  const out: [string, string, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dLine, dChar, length, type, bits] = tokens.data.slice(i, i + 5);
    line += dLine;
    character = dLine === 0 ? character + dChar : dChar;
    const modifiers = legend.tokenModifiers.filter((_, b) => bits & (1 << b)).join(",");
    out.push([lines[line].slice(character, character + length), legend.tokenTypes[type], modifiers]);
  }
  return out;
}

describe("the editing experience over LSP", () => {
  let client: LspClient;
  let ws: Workspace;
  before(async () => {
    ws = new Workspace("tsk-experience-", {
      "peanut.tsk": '$region = "eu-west-1"\n',
      "services.tsk": 'services.billing = { url = "https://billing:8443" }\n',
      "config.tsk": "db.port = 5432\ndb.host = @env(\"DB\")\n",
      "gateway.tsk": 'api_gateway.routes."/pay" = { service = "billing" }\napi_gateway.routes."/refund" = { service = "billing" }\n',
    });
    client = new LspClient();
    await client.initialize(ws.rootUri, {}, {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      textDocument: { completion: { completionItem: { snippetSupport: true } } },
    });
    await client.progressEnd();
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const capabilities = () => (client.initializeResult as InitializeResult).capabilities;

  it("colours keys, globals, operators and services by role, with standard token types", async () => {
    const text = [
      "microservices {",
      "    colour = 1",
      "}",
      '$local = @env("HOME")',
      "zone = $region",
      "home = $local",
      "lost = $nowhere",
      "odd = @made_up(1)",
      "[api_gateway]",
      'routes."/pay" = { service = "billing", timeout = "5s" }',
      "",
    ].join("\n");
    const uri = ws.uri("tokens.tsk");
    await client.open(uri, text);
    await client.diagnostics(uri);
    const legend = capabilities().semanticTokensProvider!.legend;
    const full = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    assert.deepEqual(decode(text, full, legend), [
      ["microservices", "struct", "declaration"],
      ["colour", "property", "declaration,unknown"],
      ["$local", "variable", "declaration"],
      ["@env", "function", "defaultLibrary"],
      ["zone", "property", "declaration,unknown"],
      ["$region", "variable", "readonly"],
      ["home", "property", "declaration,unknown"],
      ["$local", "variable", ""],
      ["lost", "property", "declaration,unknown"],
      ["$nowhere", "variable", "unknown"],
      ["odd", "property", "declaration,unknown"],
      ["@made_up", "function", ""],
      ["api_gateway", "namespace", "declaration"],
      ["routes", "property", "declaration"],
      ['"/pay"', "struct", "declaration"],
      ["service", "property", "declaration"],
      ['"billing"', "class", ""],
      ["timeout", "property", "declaration"],
    ]);
    const range = await client.request<SemanticTokens>("textDocument/semanticTokens/range", {
      textDocument: { uri }, range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } },
    });
    const ranged = decode(text, { data: range.data }, legend);
    assert.deepEqual(ranged, [["zone", "property", "declaration,unknown"], ["$region", "variable", "readonly"]]);
  });

  it("helps with an operator's arguments as they are typed, the last taking the rest when it is variadic", async () => {
    const uri = ws.uri("signature.tsk");
    const text = 'users = @query("SELECT * FROM users WHERE a = ? AND b = ?", 1, 2\nconf = @toml.parse(\n';
    await client.open(uri, text);
    const help = async (line: number, character: number) => client.request<{
      signatures: { label: string; parameters: { label: [number, number] }[] }[]; activeParameter: number;
    } | null>("textDocument/signatureHelp", { textDocument: { uri }, position: { line, character } });
    const query = (await help(0, text.indexOf("\n")))!;
    const label = query.signatures[0].label;
    assert.equal(label, "@query(sql, ...params)");
    const [from, to] = query.signatures[0].parameters[query.activeParameter].label;
    assert.equal(label.slice(from, to), "...params");
    const toml = (await help(1, "conf = @toml.parse(".length))!;
    assert.equal(toml.signatures[0].label, "@toml.parse(value)");
    assert.equal(await help(0, 3), null);
  });

  it("writes beside a value what it resolves to, the defaults that matter, and durations in a normal form", async () => {
    const uri = ws.uri("hints.tsk");
    const text = [
      "zone = $region",
      'port = @config.tsk.get("db.port")',
      'host = @config.tsk.get("db.host")',
      "resilience {",
      "    circuit_breaker {",
      "        threshold = 3",
      "    }",
      '    timeout = "90s"',
      "}",
      "",
    ].join("\n");
    await client.open(uri, text);
    const hints = async () => (await client.request<{ position: { line: number; character: number }; label: string }[]>("textDocument/inlayHint", {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
    })).map((h) => [h.position.line, h.position.character, h.label]);
    assert.deepEqual(await hints(), [
      [0, 14, '= "eu-west-1"'],
      [1, 33, "= 5432"],
      [4, 19, "(defaults: timeout = 30)"],
      [7, 19, "= 1m 30s"],
    ]);
    // Each kind can be turned off.
    client.settings = { inlayHints: { globals: false, durations: false } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.diagnostics(uri, () => true, 15000, client.mark(uri));
    assert.deepEqual(await hints(), [[1, 33, "= 5432"], [4, 19, "(defaults: timeout = 30)"]]);
    client.settings = {};
  });

  it("puts the number of references above each service and global, opening them", async () => {
    const uri = ws.uri("services.tsk");
    await client.open(uri, ws.files["services.tsk"] + "$unused = 1\n");
    const lenses = await client.request<{ range: { start: { line: number } }; data: unknown }[]>("textDocument/codeLens", { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.range.start.line), [0, 1]);
    const resolved = await Promise.all(lenses.map((l) => client.request<{ command: { title: string; command: string; arguments: unknown[] } }>("codeLens/resolve", l)));
    assert.equal(resolved[0].command.command, "tsk.showReferences");
    const [target, , locations] = resolved[0].command.arguments as [string, unknown, { uri: string; range: { start: { line: number } } }[]];
    assert.equal(target, uri);
    // The gateway's two routes, and the route of tokens.tsk, open since the first test.
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]).sort(), [
      [ws.uri("gateway.tsk"), 0], [ws.uri("gateway.tsk"), 1], [ws.uri("tokens.tsk"), 9],
    ]);
    assert.deepEqual(resolved.map((r) => r.command.title), ["3 references", "0 references"]);
  });

  it("indents the line of a closing brace as it is typed", async () => {
    const uri = ws.uri("typing.tsk");
    const before = "microservices {\n    discovery {\n        provider = \"consul\"\n";
    await client.open(uri, before);
    // The user types the `}` that closes discovery, at the start of a line.
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "}\n}\n" }]);
    const edits = await client.request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>(
      "textDocument/onTypeFormatting", { textDocument: { uri }, position: { line: 3, character: 1 }, ch: "}", options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: "    " }]);
  });

  it("fixes every misspelling with a sure fix at once (source.fixAll.tsk), and nothing else", async () => {
    const uri = ws.uri("fixall.tsk");
    const text = 'microservices.discovery.provider = "consol"\nmicroservices.discovery.timout = "5s"\nmystery_key = 1\n';
    await client.open(uri, text);
    await client.diagnostics(uri);
    const actions = await client.request<{ kind: string; edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } }[]>(
      "textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll"] } });
    assert.deepEqual(actions.map((a) => a.kind), ["source.fixAll.tsk"]);
    const lines = text.split("\n");
    const edits = actions[0].edit.changes[uri].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    for (const e of edits) {
      const l = lines[e.range.start.line];
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    assert.equal(lines.join("\n"), 'microservices.discovery.provider = "consul"\nmicroservices.discovery.timeout = "5s"\nmystery_key = 1\n');
  });

  it("fixes what the checks know how to fix: a duration in words, a number in quotes, a YAML list", async () => {
    const uri = ws.uri("fixes.tsk");
    const text = [
      'microservices.discovery.health_check_interval = "10 seconds"',
      'resilience.circuit_breaker.threshold = "5"',
      "microservices.discovery.endpoints:",
      "  - http://consul:8500",
      "",
    ].join("\n");
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.diagnostics.length >= 3);
    const preferred = async (line: number) => {
      const actions = await client.request<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, { newText: string }[]> } }[]>("textDocument/codeAction", {
        textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 80 } }, context: { diagnostics: [], only: ["quickfix"] },
      });
      const fix = actions.find((a) => a.isPreferred)!;
      return [fix.title, fix.edit.changes[uri].map((e) => e.newText)];
    };
    assert.deepEqual(await preferred(0), ['Change to "10s"', ['"10s"']]);
    assert.deepEqual(await preferred(1), ["Change to 5", ["5"]]);
    assert.deepEqual(await preferred(3), ["Write the list as an array", [' ["http://consul:8500"]']]);
  });

  it("expands a selection along the tree", async () => {
    const uri = ws.uri("select.tsk");
    const text = 'microservices {\n    discovery {\n        endpoints = ["http://a", "http://b"]\n    }\n}\n';
    await client.open(uri, text);
    type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
    type Sel = { range: Range; parent?: Sel };
    const [sel] = await client.request<Sel[]>("textDocument/selectionRange", { textDocument: { uri }, positions: [{ line: 2, character: 36 }] });
    const lines = text.split("\n");
    const slice = (r: Range) => r.start.line === r.end.line ? lines[r.start.line].slice(r.start.character, r.end.character) : `${r.start.line}-${r.end.line}`;
    const chain: string[] = [];
    for (let s: Sel | undefined = sel; s; s = s.parent) chain.push(slice(s.range));
    assert.deepEqual(chain, ['"http://b"', '["http://a", "http://b"]', 'endpoints = ["http://a", "http://b"]', "1-3", "0-4", "0-5"]);
  });

  it("puts a missing '}' on the block that lacks it, as the indentation shows, with no knock-on warning", async () => {
    const uri = ws.uri("unclosed.tsk");
    await client.open(uri, "microservices {\n    discovery {\n        provider = \"consul\"\n\n    registry {\n        port = 8080\n    }\n}\n");
    const p = await client.diagnostics(uri);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
      ["unclosed-block", 1, "'{' opened on line 2 is never closed: line 5 is indented as after it"],
    ]);
  });
});
