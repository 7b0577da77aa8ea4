import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { DocumentLink, Location, SymbolInformation, WorkspaceEdit, TextEdit } from "vscode-languageserver-protocol";
import { LspClient } from "./lsp-client";
import { Workspace, type Position, type Range } from "../helpers/workspace-fixture";

const files = {
  "peanut.tsk": '$region = "eu-west-1"\n$owner = "platform"\n',
  "common.tsk": '$app_name = "shop"\n',
  "services.tsk": [
    'services.users = { url = "http://users:8080", depends_on = ["orders"] }',
    'services.orders = { url = "http://orders:8081" }',
    "",
  ].join("\n"),
  "gateway.tsk": [
    "api_gateway.routes = {",
    '    "/api/users" = { service = "users" }',
    '    "/api/orders" = { service = "orders" }',
    "}",
    'events.subscribers."user.created" = { service = "users" }',
    "",
  ].join("\n"),
  "app/main.tsk": [
    '@import("../common.tsk")',
    "region = $region",
    "name = $app_name",
    'db_host = @db.tsk.get("database.host")',
    'users_url = @services.tsk.get("services.users.url")',
    'internal_version = "1.2.0"',
    "display_version: internal_version",
    "",
  ].join("\n"),
  "app/config/db.tsk": "database {\n    host = \"db.local\"\n    port = 5432\n}\n",
  "shadow/local.tsk": '$region = "us-east-1"\nregion = $region\n',
};

describe("go to definition, references, rename, links and symbols across files, over LSP", () => {
  let client: LspClient;
  let ws: Workspace;

  before(async () => {
    ws = new Workspace("tsk-xfile-nav-", { ...files });
    client = new LspClient();
    await client.initialize(ws.rootUri, {}, {
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    });
    await client.progressEnd();
    await client.open(ws.uri("app/main.tsk"), ws.files["app/main.tsk"]);
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const definition = (name: string, at: Position) =>
    client.request<Location[] | null>("textDocument/definition", { textDocument: { uri: ws.uri(name) }, position: at });
  const references = async (name: string, at: Position, includeDeclaration = true) => {
    const found = await client.request<Location[] | null>("textDocument/references", { textDocument: { uri: ws.uri(name) }, position: at, context: { includeDeclaration } });
    return sorted(found ?? []);
  };
  const rename = (name: string, at: Position, newName: string) =>
    client.request<WorkspaceEdit | null>("textDocument/rename", { textDocument: { uri: ws.uri(name) }, position: at, newName });
  const loc = (name: string, range: Range): Location => ({ uri: ws.uri(name), range });
  const fileStart = (name: string): Location => loc(name, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const open = async (name: string) => client.open(ws.uri(name), ws.files[name]);

  it("indexes in the background with progress, and watches .tsk files (and schemas) through a dynamic registration", () => {
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], "begin");
    assert.equal(kinds[kinds.length - 1], "end");
    const watch = client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles");
    assert.ok(watch, JSON.stringify(client.registrations));
    assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: "**/*.tsk" }, { globPattern: "**/*.json" }] });
  });

  it("leads a $global to its key: an imported file's, the nearest peanut.tsk's, or this file's own", async () => {
    assert.deepEqual(await definition("app/main.tsk", ws.at("app/main.tsk", "$region", 3)), [loc("peanut.tsk", ws.range("peanut.tsk", "$region"))]);
    assert.deepEqual(await definition("app/main.tsk", ws.at("app/main.tsk", "$app_name", 1)), [loc("common.tsk", ws.range("common.tsk", "$app_name"))]);
    await open("shadow/local.tsk");
    assert.deepEqual(
      await definition("shadow/local.tsk", ws.at("shadow/local.tsk", "= $region", 4)),
      [loc("shadow/local.tsk", ws.range("shadow/local.tsk", "$region"))],
    );
  });

  it("leads @name.tsk.get to the file, and each segment of the key path to its key", async () => {
    const db = "app/config/db.tsk";
    assert.deepEqual(await definition("app/main.tsk", ws.at("app/main.tsk", "@db.tsk", 2)), [fileStart(db)]);
    assert.deepEqual(await definition("app/main.tsk", ws.at("app/main.tsk", "database.host", 10)), [loc(db, ws.range(db, "host =", "host"))]);
    assert.deepEqual(await definition("app/main.tsk", ws.at("app/main.tsk", "database.host", 2)), [loc(db, ws.range(db, "database"))]);
    assert.deepEqual(
      await definition("app/main.tsk", ws.at("app/main.tsk", "services.users.url", 16)),
      [loc("services.tsk", ws.range("services.tsk", "url = \"http://users", "url"))],
    );
  });

  it("leads an @import path to the file, and a bare word to the earlier key it names", async () => {
    assert.deepEqual(await definition("app/main.tsk", ws.at("app/main.tsk", "../common", 3)), [fileStart("common.tsk")]);
    assert.deepEqual(
      await definition("app/main.tsk", ws.at("app/main.tsk", ": internal_version", 5)),
      [loc("app/main.tsk", ws.range("app/main.tsk", "internal_version =", "internal_version"))],
    );
  });

  it("leads a service name in a route, a subscriber or depends_on to the service's key in another file", async () => {
    await open("gateway.tsk");
    const users = [loc("services.tsk", ws.range("services.tsk", "services.users", "users"))];
    assert.deepEqual(await definition("gateway.tsk", ws.at("gateway.tsk", '"users"', 2)), users);
    assert.deepEqual(await definition("gateway.tsk", ws.at("gateway.tsk", '"users"', 2, 1)), users);
    await open("services.tsk");
    assert.deepEqual(
      await definition("services.tsk", ws.at("services.tsk", '["orders"]', 3)),
      [loc("services.tsk", ws.range("services.tsk", "services.orders", "orders"))],
    );
  });

  it("shows a global defined in another file on hover, with its value and place", async () => {
    const h = await client.request<{ contents: { value: string } } | null>("textDocument/hover", {
      textDocument: { uri: ws.uri("app/main.tsk") }, position: ws.at("app/main.tsk", "$app_name", 2),
    });
    assert.equal(h?.contents.value, '```tsk\n$app_name = "shop"\n```\n\nA global, defined in common.tsk on line 1.');
  });

  it("completes the globals of the files this one sees, and only those", async () => {
    const uri = ws.uri("app/extra.tsk");
    await client.open(uri, "v = $\n");
    const items = await client.request<{ label: string; detail?: string }[] | null>("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.deepEqual((items ?? []).map((i) => `${i.label} ${i.detail}`).sort(), ['$owner "platform"', '$region "eu-west-1"']);
  });

  it("finds the references of a global in every file that sees it, and not where it is shadowed", async () => {
    await open("peanut.tsk");
    const found = await references("peanut.tsk", ws.at("peanut.tsk", "$region", 2));
    assert.deepEqual(found, sorted([
      loc("peanut.tsk", ws.range("peanut.tsk", "$region")),
      loc("app/main.tsk", ws.range("app/main.tsk", "$region")),
    ]));
    const withoutDeclaration = await references("peanut.tsk", ws.at("peanut.tsk", "$region", 2), false);
    assert.deepEqual(withoutDeclaration, [loc("app/main.tsk", ws.range("app/main.tsk", "$region"))]);
  });

  it("highlights the places of a name in this file only", async () => {
    await open("gateway.tsk");
    const highlights = await client.request<{ range: Range }[] | null>("textDocument/documentHighlight", { textDocument: { uri: ws.uri("gateway.tsk") }, position: ws.at("gateway.tsk", '"users"', 3) });
    // "users" is named twice here (a route and a subscriber); its key lives in services.tsk.
    assert.deepEqual((highlights ?? []).map((h) => h.range), [
      ws.range("gateway.tsk", '"users"', '"users"', 0),
      ws.range("gateway.tsk", '"users"', '"users"', 1),
    ]);
  });

  it("finds the references of a service: its key, routes, subscribers and reads through @name.tsk.get", async () => {
    const found = await references("gateway.tsk", ws.at("gateway.tsk", '"users"', 3));
    assert.deepEqual(found, sorted([
      loc("services.tsk", ws.range("services.tsk", "services.users", "users")),
      loc("gateway.tsk", ws.range("gateway.tsk", '"users"')),
      loc("gateway.tsk", ws.range("gateway.tsk", '"users"', '"users"', 1)),
      loc("app/main.tsk", ws.range("app/main.tsk", "services.users.url", "users")),
    ]));
  });

  it("finds the references of a key read through @name.tsk.get", async () => {
    const db = "app/config/db.tsk";
    await open(db);
    const found = await references(db, ws.at(db, "host", 1));
    assert.deepEqual(found, sorted([
      loc(db, ws.range(db, "host =", "host")),
      loc("app/main.tsk", ws.range("app/main.tsk", "database.host", "host")),
    ]));
  });

  it("renames a global in every file that sees it", async () => {
    const prepared = await client.request<{ range: Range; placeholder: string }>("textDocument/prepareRename", {
      textDocument: { uri: ws.uri("app/main.tsk") }, position: ws.at("app/main.tsk", "$region", 2),
    });
    assert.deepEqual(prepared, { range: ws.range("app/main.tsk", "$region", "region"), placeholder: "region" });
    const edit = await rename("app/main.tsk", ws.at("app/main.tsk", "$region", 2), "zone");
    assert.deepEqual(normalize(edit), {
      [ws.uri("peanut.tsk")]: [{ range: ws.range("peanut.tsk", "$region", "region"), newText: "zone" }],
      [ws.uri("app/main.tsk")]: [{ range: ws.range("app/main.tsk", "$region", "region"), newText: "zone" }],
    });
  });

  it("renames a service across files, keeping each place's quotes", async () => {
    const edit = await rename("services.tsk", ws.at("services.tsk", "users", 1), "accounts");
    assert.deepEqual(normalize(edit), {
      [ws.uri("services.tsk")]: [{ range: ws.range("services.tsk", "services.users", "users"), newText: "accounts" }],
      [ws.uri("gateway.tsk")]: [
        { range: ws.range("gateway.tsk", '"users"'), newText: '"accounts"' },
        { range: ws.range("gateway.tsk", '"users"', '"users"', 1), newText: '"accounts"' },
      ],
      [ws.uri("app/main.tsk")]: [{ range: ws.range("app/main.tsk", "services.users.url", "users"), newText: "accounts" }],
    });
  });

  it("renames a key with the reads and bare words that name it", async () => {
    const db = "app/config/db.tsk";
    assert.deepEqual(normalize(await rename(db, ws.at(db, "host", 2), "hostname")), {
      [ws.uri(db)]: [{ range: ws.range(db, "host =", "host"), newText: "hostname" }],
      [ws.uri("app/main.tsk")]: [{ range: ws.range("app/main.tsk", "database.host", "host"), newText: "hostname" }],
    });
    assert.deepEqual(normalize(await rename("app/main.tsk", ws.at("app/main.tsk", "internal_version =", 1), "build_version")), {
      [ws.uri("app/main.tsk")]: [
        { range: ws.range("app/main.tsk", "internal_version =", "internal_version"), newText: "build_version" },
        { range: ws.range("app/main.tsk", ": internal_version", "internal_version"), newText: "build_version" },
      ],
    });
  });

  it("refuses a rename that would clash with a name already there, and says so", async () => {
    await assert.rejects(rename("services.tsk", ws.at("services.tsk", "users", 1), "orders"), /'services\.orders' exists already/);
    await assert.rejects(rename("peanut.tsk", ws.at("peanut.tsk", "$region", 2), "$owner"), /\$owner is defined in peanut\.tsk already/);
    await assert.rejects(rename("peanut.tsk", ws.at("peanut.tsk", "$region", 2), "no spaces"), /no global's name/);
  });

  it("links file names to their files and read keys to their line", async () => {
    const links = await client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: ws.uri("app/main.tsk") } });
    assert.deepEqual(links.map((l) => [l.range, l.target]), [
      [ws.range("app/main.tsk", '"../common.tsk"'), ws.uri("common.tsk")],
      [ws.range("app/main.tsk", "@db.tsk"), ws.uri("app/config/db.tsk")],
      [ws.range("app/main.tsk", '"database.host"'), `${ws.uri("app/config/db.tsk")}#L2,5`],
      [ws.range("app/main.tsk", "@services.tsk"), ws.uri("services.tsk")],
      [ws.range("app/main.tsk", '"services.users.url"'), `${ws.uri("services.tsk")}#L1,20`],
    ]);
  });

  it("lists key paths, globals and services of every file as workspace symbols", async () => {
    const symbols = async (query: string) => (await client.request<SymbolInformation[]>("workspace/symbol", { query })) ?? [];
    const host = (await symbols("database.host")).find((s) => s.name === "database.host");
    assert.deepEqual(host?.location, loc("app/config/db.tsk", ws.range("app/config/db.tsk", "host =", "host")));
    const users = (await symbols("users")).find((s) => s.name === "users");
    assert.equal(users?.kind, 2, "a service is a module");
    assert.deepEqual(users?.location, loc("services.tsk", ws.range("services.tsk", "services.users", "users")));
    const regions = (await symbols("$region")).filter((s) => s.name === "$region").map((s) => s.location.uri).sort();
    assert.deepEqual(regions, [ws.uri("peanut.tsk"), ws.uri("shadow/local.tsk")].sort());
    const fuzzy = await symbols("mcrsvcdscv");
    assert.deepEqual(fuzzy, [], "nothing in this workspace has those letters in order");
  });
});

function sorted(list: Location[]): Location[] {
  const key = (l: Location) => `${l.uri} ${String(l.range.start.line).padStart(6)} ${String(l.range.start.character).padStart(6)}`;
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A WorkspaceEdit's changes with each file's edits in text order. */
function normalize(edit: WorkspaceEdit | null): Record<string, TextEdit[]> {
  const out: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
    out[uri] = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return out;
}
