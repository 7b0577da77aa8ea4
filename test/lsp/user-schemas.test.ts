import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem, FileChangeType, Hover, MarkupContent } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { withCursorPosition as cursor } from "../helpers/cursor";

const paymentsSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    payments: {
      type: "object",
      description: "How the payments service talks to its provider.",
      additionalProperties: false,
      properties: {
        provider: {
          type: "string",
          description: "The payment provider.",
          markdownDescription: "The **payment provider** to charge cards with.",
          enum: ["stripe", "adyen"],
          markdownEnumDescriptions: ["Stripe's card API.", "Adyen's card API."],
          default: "stripe",
          examples: ["adyen"],
        },
        retries: { type: "integer", minimum: 0, description: "How often to retry a failed charge.", default: 2 },
      },
    },
  },
};

describe("schemas from the user: #!schema and settings", () => {
  let client: LspClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-user-schemas-"));
    fs.mkdirSync(path.join(dir, "schemas"));
    fs.mkdirSync(path.join(dir, "billing"));
    fs.writeFileSync(path.join(dir, "schemas/payments.schema.json"), JSON.stringify(paymentsSchema, null, 2));
    client = new LspClient();
    await client.initialize(pathToFileURL(dir).toString(), { schemas: { "schemas/payments.schema.json": "billing/*.tsk" } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const complete = async (name: string, marked: string) => {
    const { text, position } = cursor(marked);
    await client.open(uri(name), text);
    return (await client.request<CompletionItem[] | null>("textDocument/completion", { textDocument: { uri: uri(name) }, position })) ?? [];
  };

  it("validates against the schema a file names with #!schema", async () => {
    await client.open(uri("pay.tsk"), "#!schema ./schemas/payments.schema.json\npayments { provider = \"paypal\", retries = -1, colour = 1 }\n");
    const p = await client.diagnostics(uri("pay.tsk"));
    const codes = p.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ["invalid-value", "out-of-range", "unknown-key"]);
    const enumError = p.diagnostics.find((d) => d.code === "invalid-value")!;
    assert.match(enumError.message, /stripe and adyen/);
    assert.equal(enumError.severity, 1, "a closed enum of a user's schema is an error");
  });

  it("turns schemas off for a file with #!schema none", async () => {
    await client.open(uri("none.tsk"), "#!schema none\nmicroservices.discovery.provdier = 1\n");
    assert.deepEqual((await client.diagnostics(uri("none.tsk"))).diagnostics, []);
  });

  it("gives the same completion and hover from a user's schema as from the built-in ones", async () => {
    const keys = await complete("keys.tsk", "#!schema ./schemas/payments.schema.json\npayments {\n    |\n}\n");
    const provider = keys.find((i) => i.label === "provider");
    assert.ok(provider, keys.map((i) => i.label).join(","));
    assert.match((provider.documentation as MarkupContent).value, /\*\*payment provider\*\*/);
    const values = await complete("values.tsk", "#!schema ./schemas/payments.schema.json\npayments.provider = \"|\"\n");
    assert.deepEqual(values.filter((i) => i.detail === "known value").map((i) => [i.label, (i.documentation as MarkupContent).value]), [
      ['"stripe"', "Stripe's card API."], ['"adyen"', "Adyen's card API."],
    ]);
    const { text, position } = cursor("#!schema ./schemas/payments.schema.json\npayments.pro|vider = \"stripe\"\n");
    await client.open(uri("hover.tsk"), text);
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: uri("hover.tsk") }, position });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /\*\*payment provider\*\*/);
    assert.match(md, /Default: `"stripe"`/);
    assert.match(md, /Example: `"adyen"`/);
    assert.match(md, /`"adyen"`: Adyen's card API\./);
  });

  it("applies a schema the settings associate with a glob, beside the built-in ones", async () => {
    await client.open(uri("billing/prod.tsk"), "payments.provider = \"paypal\"\nmicroservices.discovery.provdier = \"consul\"\n");
    const p = await client.diagnostics(uri("billing/prod.tsk"));
    assert.deepEqual(p.diagnostics.map((d) => d.code).sort(), ["invalid-value", "unknown-key"]);
    await client.open(uri("other.tsk"), "payments.provider = \"paypal\"\n");
    assert.deepEqual((await client.diagnostics(uri("other.tsk"))).diagnostics, [], "the glob does not match other files");
  });

  it("reports a schema it cannot find, on the #!schema line", async () => {
    await client.open(uri("missing.tsk"), "#!schema ./nowhere.json\na = 1\n");
    const p = await client.diagnostics(uri("missing.tsk"));
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, "schema-not-found");
    assert.match(p.diagnostics[0].message, /not found/);
    await client.open(uri("remote.tsk"), "#!schema https://example.com/x.json\na = 1\n");
    const remote = await client.diagnostics(uri("remote.tsk"));
    assert.match(remote.diagnostics[0].message, /never downloaded/);
  });

  it("does not read a schema a file names in a workspace the user has not trusted", async () => {
    const untrusted = new LspClient();
    try {
      await untrusted.initialize(pathToFileURL(dir).toString(), { workspaceTrusted: false });
      await untrusted.open(uri("untrusted.tsk"), "#!schema ./schemas/payments.schema.json\nmicroservices.discovery.provdier = 1\npayments.colour = 1\n");
      const p = await untrusted.diagnostics(uri("untrusted.tsk"));
      const byCode = new Map(p.diagnostics.map((d) => [d.code, d]));
      assert.match(byCode.get("schema-untrusted")!.message, /not trusted/);
      assert.equal(byCode.get("schema-untrusted")!.range.start.line, 0);
      // The built-in schemas apply instead: the misspelt key is caught, the payments one is not known.
      assert.match(byCode.get("unknown-key")!.message, /provdier/);
    } finally {
      await untrusted.stop();
    }
  });

  it("registers for settings changes only with a client that offers it, and follows them either way", async () => {
    // Neovim and Eglot offer no dynamic registration: they send didChangeConfiguration unasked.
    const plain = new LspClient();
    try {
      await plain.initialize(pathToFileURL(dir).toString(), {}, { workspace: { configuration: true } });
      await plain.open(uri("plain.tsk"), "service_mesh.mtls = true\nsecurity.mutual_tls = false\n");
      const first = await plain.diagnostics(uri("plain.tsk"));
      // The registration would have come before the settings request, so before these diagnostics.
      assert.deepEqual(plain.registrations.map((r) => r.method), []);
      assert.equal(first.diagnostics.find((d) => d.code === "mtls-mismatch")?.severity, 2);
      plain.settings = { rules: { "mtls-mismatch": "error" } };
      await plain.connection.sendNotification("workspace/didChangeConfiguration", { settings: { tsk: plain.settings } });
      const after = await plain.diagnostics(uri("plain.tsk"), (p) => p.diagnostics.some((d) => d.code === "mtls-mismatch" && d.severity === 1));
      assert.ok(after);
    } finally {
      await plain.stop();
    }
    assert.deepEqual(client.registrations.map((r) => r.method), ["workspace/didChangeConfiguration"]);
  });

  it("takes settings pushed by a client that does not answer settings requests", async () => {
    const pushing = new LspClient();
    try {
      await pushing.initialize(pathToFileURL(dir).toString(), {}, { workspace: {} });
      await pushing.open(uri("pushed.tsk"), "service_mesh.mtls = true\nsecurity.mutual_tls = false\n");
      // Until the client pushes settings, the defaults apply.
      const first = await pushing.diagnostics(uri("pushed.tsk"));
      assert.equal(first.diagnostics.find((d) => d.code === "mtls-mismatch")?.severity, 2);
      await pushing.connection.sendNotification("workspace/didChangeConfiguration", { settings: { tsk: { rules: { "mtls-mismatch": "error" } } } });
      const after = await pushing.diagnostics(uri("pushed.tsk"), (p) => p.diagnostics.some((d) => d.code === "mtls-mismatch" && d.severity === 1));
      assert.ok(after);
      assert.deepEqual(pushing.registrations.map((r) => r.method), []);
    } finally {
      await pushing.stop();
    }
  });

  it("follows settings changes: a rule's severity", async () => {
    await client.open(uri("mtls.tsk"), "service_mesh.mtls = true\nsecurity.mutual_tls = false\n");
    const before = await client.diagnostics(uri("mtls.tsk"));
    assert.equal(before.diagnostics.find((d) => d.code === "mtls-mismatch")?.severity, 2);
    const count = client.published.get(uri("mtls.tsk"))!.length;
    client.settings = { rules: { "mtls-mismatch": "error" }, schemas: { "schemas/payments.schema.json": "billing/*.tsk" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const after = await client.diagnostics(uri("mtls.tsk"), () => client.published.get(uri("mtls.tsk"))!.length > count);
    void after;
    const latest = client.published.get(uri("mtls.tsk"))!.at(-1)!;
    assert.equal(latest.diagnostics.find((d) => d.code === "mtls-mismatch")?.severity, 1);
  });

  it("follows a schema edited, created or deleted on disk", async () => {
    const schemaFile = path.join(dir, "schemas/regions.schema.json");
    const write = (regions: string[]) => fs.writeFileSync(schemaFile, JSON.stringify({
      type: "object", properties: { region: { type: "string", enum: regions } },
    }));
    const changed = (type: FileChangeType) => client.watched([{ uri: pathToFileURL(schemaFile).toString(), type }]);
    await client.open(uri("region.tsk"), "#!schema ./schemas/regions.schema.json\nregion = \"mars\"\n");
    const missing = await client.diagnostics(uri("region.tsk"));
    assert.deepEqual(missing.diagnostics.map((d) => d.code), ["schema-not-found"]);

    write(["earth"]);
    await changed(1);
    const wrong = await client.diagnostics(uri("region.tsk"), (p) => p.diagnostics.some((d) => d.code === "invalid-value"));
    assert.deepEqual(wrong.diagnostics.map((d) => d.code), ["invalid-value"], "the created schema is read");

    write(["earth", "mars"]);
    await changed(2);
    await client.diagnostics(uri("region.tsk"), (p) => p.diagnostics.length === 0);

    fs.rmSync(schemaFile);
    await changed(3);
    await client.diagnostics(uri("region.tsk"), (p) => p.diagnostics.some((d) => d.code === "schema-not-found"));
  });
});
