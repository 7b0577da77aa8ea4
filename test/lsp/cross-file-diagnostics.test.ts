import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { LspClient, type Published } from "./lsp-client";
import { Workspace } from "../helpers/workspace-fixture";

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

// Diagnostics that need other files, and how they follow those files: changed, deleted and
// renamed on disk (told by didChangeWatchedFiles), or edited in the editor.
describe("diagnostics across files follow the other files, open or not", () => {
  let client: LspClient;
  let ws: Workspace;

  before(async () => {
    ws = new Workspace("tsk-xfile-diag-", {
      "peanut.tsk": '$region = "eu-west-1"\n',
      "services.tsk": 'services.users = { depends_on = ["orders"] }\nservices.orders = { url = "http://orders:8081" }\n',
      "gateway.tsk": 'api_gateway.routes."/api/users" = { service = "users" }\n',
      "app/main.tsk": [
        '@import("lib.tsk")',
        "region = $region",
        "name = $app_name",
        "missing = $nowhere",
        'host = @db.tsk.get("database.hots")',
        "",
      ].join("\n"),
      "app/lib.tsk": '$app_name = "shop"\n',
      "app/db.tsk": 'database.host = "db.local"\n',
      "cycle/a.tsk": '@import("b.tsk")\n',
      "cycle/b.tsk": '@import("a.tsk")\n',
      "more-services.tsk": 'services.orders = { depends_on = ["users"] }\n',
    });
    client = new LspClient();
    await client.initialize(ws.rootUri, {}, { window: { workDoneProgress: true } });
    await client.progressEnd();
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const summary = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`;
  const codes = (p: Published, ...wanted: string[]) => p.diagnostics.filter((d) => wanted.includes(String(d.code))).map(summary).sort();
  /** The next diagnostics of `name` (after `from`) that pass `test`. */
  const next = (name: string, from: number, test: (p: Published) => boolean) => client.diagnostics(ws.uri(name), test, 15000, from);
  const CROSS = ["unknown-global", "unknown-file", "unknown-file-key", "import-cycle", "unknown-service", "dependency-cycle"];

  it("reports unknown globals, files and keys, with what is defined elsewhere resolved", async () => {
    const from = client.mark(ws.uri("app/main.tsk"));
    await client.open(ws.uri("app/main.tsk"), ws.files["app/main.tsk"]);
    const p = await next("app/main.tsk", from, (x) => x.diagnostics.some((d) => d.code === "unknown-global"));
    assert.deepEqual(codes(p, ...CROSS), [
      "unknown-file-key 4:19 db.tsk has no key 'database.hots': did you mean 'database.host'?",
      "unknown-global 3:10 $nowhere is not defined in this file, in a file it imports, or in a peanut.tsk in this folder or above",
    ]);
  });

  it("follows a file changed on disk", async () => {
    const from = client.mark(ws.uri("app/main.tsk"));
    ws.write("app/lib.tsk", '$app_name = "shop"\n$nowhere = "here now"\n');
    await client.watched([{ uri: ws.uri("app/lib.tsk"), type: CHANGED }]);
    const p = await next("app/main.tsk", from, () => true);
    assert.deepEqual(codes(p, "unknown-global"), []);
  });

  it("follows a file deleted on disk", async () => {
    const from = client.mark(ws.uri("app/main.tsk"));
    ws.remove("app/db.tsk");
    await client.watched([{ uri: ws.uri("app/db.tsk"), type: DELETED }]);
    const p = await next("app/main.tsk", from, () => true);
    assert.deepEqual(codes(p, "unknown-file", "unknown-file-key"), [
      "unknown-file 4:7 no file 'db.tsk' in this folder, ./config, .. or ../config",
    ]);
  });

  it("follows a file renamed on disk (a delete and a create), and back", async () => {
    let from = client.mark(ws.uri("app/main.tsk"));
    ws.move("app/lib.tsk", "app/library.tsk");
    await client.watched([{ uri: ws.uri("app/lib.tsk"), type: DELETED }, { uri: ws.uri("app/library.tsk"), type: CREATED }]);
    let p = await next("app/main.tsk", from, () => true);
    assert.deepEqual(codes(p, "unknown-global", "unknown-file"), [
      "unknown-file 0:8 cannot find 'lib.tsk' (the path is relative to this file)",
      "unknown-file 4:7 no file 'db.tsk' in this folder, ./config, .. or ../config",
      "unknown-global 2:7 $app_name is not defined in this file, in a file it imports, or in a peanut.tsk in this folder or above",
      "unknown-global 3:10 $nowhere is not defined in this file, in a file it imports, or in a peanut.tsk in this folder or above",
    ]);
    from = client.mark(ws.uri("app/main.tsk"));
    ws.move("app/library.tsk", "app/lib.tsk");
    await client.watched([{ uri: ws.uri("app/library.tsk"), type: DELETED }, { uri: ws.uri("app/lib.tsk"), type: CREATED }]);
    p = await next("app/main.tsk", from, () => true);
    assert.deepEqual(codes(p, "unknown-global"), []);
  });

  it("follows a file created on disk where a read looks", async () => {
    const from = client.mark(ws.uri("app/main.tsk"));
    ws.write("app/config/db.tsk", 'database.hots = "typo, but defined"\n');
    await client.watched([{ uri: ws.uri("app/config/db.tsk"), type: CREATED }]);
    const p = await next("app/main.tsk", from, () => true);
    assert.deepEqual(codes(p, ...CROSS), []);
  });

  it("follows another open document as it is edited, and the file on disk when it closes", async () => {
    await client.open(ws.uri("gateway.tsk"), ws.files["gateway.tsk"]);
    const clean = await client.diagnostics(ws.uri("gateway.tsk"));
    assert.deepEqual(codes(clean, "unknown-service"), []);
    await client.open(ws.uri("services.tsk"), ws.files["services.tsk"]);
    let from = client.mark(ws.uri("gateway.tsk"));
    await client.change(ws.uri("services.tsk"), 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } }, text: "members" }]);
    let p = await next("gateway.tsk", from, () => true);
    assert.deepEqual(codes(p, "unknown-service"), [
      "unknown-service 0:46 no service 'users' is defined under 'services' in any config file",
    ]);
    from = client.mark(ws.uri("gateway.tsk"));
    await client.close(ws.uri("services.tsk"));
    p = await next("gateway.tsk", from, () => true);
    assert.deepEqual(codes(p, "unknown-service"), []);
  });

  it("counts a global as read when a file that imports it reads it", async () => {
    await client.open(ws.uri("app/lib.tsk"), ws.files["app/lib.tsk"]);
    const read = await client.diagnostics(ws.uri("app/lib.tsk"));
    assert.deepEqual(codes(read, "unused-global"), [], "main.tsk reads both through its import");
    const from = client.mark(ws.uri("app/lib.tsk"));
    await client.change(ws.uri("app/lib.tsk"), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "$spare = 1\n" }]);
    const spare = await next("app/lib.tsk", from, (x) => x.version === 2);
    assert.deepEqual(codes(spare, "unused-global"), ["unused-global 0:0 $spare is never read"]);
    // main.tsk stops reading $app_name: lib.tsk, which it does not change, hears of it.
    const before = client.mark(ws.uri("app/lib.tsk"));
    await client.change(ws.uri("app/main.tsk"), 2, [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 16 } }, text: '"x"' }]);
    const unread = await next("app/lib.tsk", before, () => true);
    assert.deepEqual(codes(unread, "unused-global"), ["unused-global 0:0 $spare is never read", "unused-global 1:0 $app_name is never read"]);
  });

  it("reports an import cycle and a dependency cycle that span files", async () => {
    await client.open(ws.uri("cycle/a.tsk"), ws.files["cycle/a.tsk"]);
    const cycle = await client.diagnostics(ws.uri("cycle/a.tsk"), (x) => x.diagnostics.some((d) => d.code === "import-cycle"));
    assert.deepEqual(codes(cycle, "import-cycle"), [
      "import-cycle 0:8 this import leads back to this file: cycle/a.tsk → cycle/b.tsk → cycle/a.tsk",
    ]);
    await client.open(ws.uri("more-services.tsk"), ws.files["more-services.tsk"]);
    const deps = await client.diagnostics(ws.uri("more-services.tsk"), (x) => x.diagnostics.some((d) => d.code === "dependency-cycle"));
    assert.deepEqual(codes(deps, "dependency-cycle"), [
      "dependency-cycle 0:34 services depend on each other in a cycle: orders → users → orders",
    ]);
  });
});
