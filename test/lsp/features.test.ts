import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem, Hover, MarkupContent } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { withCursorPosition as cursor } from "../helpers/cursor";
import { guideExample } from "../helpers/guide-example";

describe("diagnostics, completion and hover over LSP", () => {
  let client: LspClient;
  let dir: string;
  let n = 0;
  const uri = (name = `doc${n++}.tsk`) => pathToFileURL(path.join(dir, name)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-features-"));
    client = new LspClient();
    // As VS Code does: snippets are welcome.
    await client.initialize(pathToFileURL(dir).toString(), {}, { textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const completionAt = async (marked: string) => {
    const { text, position } = cursor(marked);
    const u = uri();
    await client.open(u, text);
    const items = await client.request<CompletionItem[] | null>("textDocument/completion", { textDocument: { uri: u }, position });
    return items ?? [];
  };
  const hoverAt = async (marked: string) => {
    const { text, position } = cursor(marked);
    const u = uri();
    await client.open(u, text);
    const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: u }, position });
    return h ? (h.contents as MarkupContent).value : null;
  };

  it("gives the guide's example no warning and no error", async () => {
    const u = uri();
    await client.open(u, guideExample());
    const p = await client.diagnostics(u);
    assert.deepEqual(p.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    assert.equal(p.version, 1);
  });

  it("reports syntax and schema problems on their exact ranges, with the document version", async () => {
    const text = [
      "microservices = {",
      "    discovery = {",
      '        provdier = "consul"',
      '        health_check_interval = "10 seconds"',
      "        retry_policy = { max_attempts = 0 }",
      "    }",
      "}",
      "timeout =",
    ].join("\n");
    const u = uri();
    await client.open(u, text, 7);
    const p = await client.diagnostics(u);
    assert.equal(p.version, 7);
    const byCode = new Map(p.diagnostics.map((d) => [d.code, d]));
    const unknown = byCode.get("unknown-key")!;
    assert.match(unknown.message, /unknown key 'provdier'.*did you mean 'provider'/);
    assert.deepEqual(unknown.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });
    const duration = byCode.get("invalid-format")!;
    assert.match(duration.message, /"10 seconds" is not a duration/);
    assert.deepEqual(duration.range.start, { line: 3, character: 32 });
    assert.match(byCode.get("out-of-range")!.message, /at least 1/);
    assert.equal(byCode.get("expected-value")!.range.start.line, 7);
  });

  it("updates the diagnostics on every change, with the new version", async () => {
    const u = uri();
    await client.open(u, "microservices.discovery.provider = \"consul\"\n");
    assert.deepEqual((await client.diagnostics(u)).diagnostics, []);
    await client.change(u, 2, [{ range: { start: { line: 0, character: 36 }, end: { line: 0, character: 42 } }, text: "consol" }]);
    const p = await client.diagnostics(u, (x) => x.version === 2);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, "unknown-value");
    assert.equal(p.diagnostics[0].severity, 2);
    assert.match(p.diagnostics[0].message, /did you mean 'consul'/);
  });

  it("completes the keys valid at the path, minus those already there in any spelling", async () => {
    const items = await completionAt([
      "microservices.discovery.provider = \"consul\"",
      "microservices {",
      "    discovery {",
      "        endpoints = [\"http://consul1:8500\"]",
      "        |",
      "    }",
      "}",
    ].join("\n"));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes("retry_policy"), labels.join(","));
    assert.ok(labels.includes("health_check_interval"));
    assert.ok(!labels.includes("provider"), "provider is set by a dotted key already");
    assert.ok(!labels.includes("endpoints"), "endpoints is set already");
    const retry = items.find((i) => i.label === "retry_policy")!;
    assert.ok(retry.documentation, "keys carry their docs");
  });

  it("completes enum values with their docs, and booleans", async () => {
    const values = await completionAt('microservices.discovery.provider = "|"\n');
    const consul = values.find((i) => i.label === '"consul"');
    assert.ok(consul, values.map((i) => i.label).join(","));
    assert.ok(consul.documentation);
    const booleans = await completionAt("microservices.registry.auto_register = |\n");
    assert.deepEqual(booleans.filter((i) => i.label === "true" || i.label === "false").length, 2);
  });

  it("offers a snippet for each whole section at the top level, @operators and $globals", async () => {
    const top = await completionAt("|\n");
    for (const section of ["microservices", "api_gateway", "service_mesh", "resilience", "distributed_transactions", "events", "security", "observability", "services"]) {
      assert.ok(top.some((i) => i.label === section), section);
      assert.ok(top.some((i) => i.label === `${section} section` && i.insertTextFormat === 2), `${section} snippet`);
    }
    const ops = await completionAt("host = @e|\n");
    assert.ok(ops.some((i) => i.label === "@env" && /default/.test(i.detail ?? "")));
    const globals = await completionAt('$region = "eu-west-1"\nregion = $|\n');
    assert.deepEqual(globals.map((i) => i.label), ["$region"]);
  });

  it("completes keys below a syntax error", async () => {
    const items = await completionAt("broken =\nservice_mesh = {\n    |\n}\n");
    assert.ok(items.some((i) => i.label === "mtls"));
  });

  it("shows a key's description, type, default and allowed values on hover", async () => {
    const text = guideExample().replace("backoff", "back|off");
    const md = await hoverAt(text);
    assert.ok(md);
    assert.match(md, /microservices\.discovery\.retry_policy\.backoff/);
    assert.match(md, /exponential/);
    assert.match(md, /linear/);
    const provider = await hoverAt('microservices.discovery.pro|vider = "consul"\n');
    assert.match(provider!, /consul/);
    assert.match(provider!, /Type/);
  });

  it("shows an enum value's meaning, an operator's signature and a global's value", async () => {
    const value = await hoverAt('microservices.discovery.provider = "con|sul"\n');
    assert.match(value!, /^`"consul"`: /);
    const op = await hoverAt('host = @e|nv("HOST", "localhost")\n');
    assert.match(op!, /@env\(name, default\?\)/);
    const global = await hoverAt('$region = "eu-west-1"\nregion = $re|gion\n');
    assert.match(global!, /\$region = "eu-west-1"/);
  });
});
