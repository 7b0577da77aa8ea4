// Navigation in process, over multi-file fixtures (`//- /name.tsk`, cursor `|`): definition,
// references, highlights, document links and workspace symbols, each answer stated exactly.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixture } from "../helpers/fixture";
import { findDefinition } from "../../server/src/features/definition";
import { findReferences } from "../../server/src/features/references";
import { documentHighlights } from "../../server/src/features/document-highlights";
import { documentLinks } from "../../server/src/features/document-links";
import { workspaceSymbols } from "../../server/src/features/workspace-symbols";

const definitionAt = (source: string) => {
  const f = fixture(source);
  return findDefinition(f.index, f.cursor.file, f.cursor.offset).map((l) => `${f.show(l)} ${f.textOf(l)}`);
};

const referencesAt = (source: string, includeDeclaration = true) => {
  const f = fixture(source);
  return findReferences(f.index, f.cursor.file, f.cursor.offset, includeDeclaration).map((l) => `${f.show(l)} ${f.textOf(l)}`);
};

describe("go to definition", () => {
  it("of a $global: in this file, then what it imports, then the nearest peanut.tsk", () => {
    assert.deepEqual(definitionAt(`
//- /app.tsk
@import("shared.tsk")
zone = $reg|ion
//- /shared.tsk
$region = "eu"
//- /peanut.tsk
$region = "us"
`), ["shared.tsk:1:1-1:8 $region"]);
    assert.deepEqual(definitionAt(`
//- /svc/app.tsk
zone = $reg|ion
//- /peanut.tsk
$region = "us"
`), ["peanut.tsk:1:1-1:8 $region"]);
  });

  it("of each segment of the key an @name.tsk.get reads, and of the file", () => {
    const source = (cursor: string) => `
//- /app.tsk
port = ${cursor}
//- /config.tsk
db {
    port = 5432
}
`;
    assert.deepEqual(definitionAt(source('@config.tsk.get("db.po|rt")')), ["config.tsk:2:5-2:9 port"]);
    assert.deepEqual(definitionAt(source('@config.tsk.get("d|b.port")')), ["config.tsk:1:1-1:3 db"]);
    assert.deepEqual(definitionAt(source('@con|fig.tsk.get("db.port")')), ["config.tsk:1:1-1:1 "]);
  });

  it("of a service a route names", () => {
    assert.deepEqual(definitionAt(`
//- /gateway.tsk
api_gateway.routes."/pay" = { service = "bil|ling" }
//- /services.tsk
services {
    billing = { url = "https://billing:8443" }
}
`), ["services.tsk:2:5-2:12 billing"]);
  });

  it("of nothing where nothing is named", () => {
    assert.deepEqual(definitionAt("//- /a.tsk\nport = 80|80\n"), []);
  });
});

describe("find references", () => {
  it("of a service: its definition and every value that names it, across files", () => {
    const source = `
//- /services.tsk
services.bil|ling = { url = "https://billing:8443" }
//- /gateway.tsk
api_gateway.routes."/pay" = { service = "billing" }
//- /orders.tsk
services.orders = { url = "https://orders:8443", depends_on = ["billing"] }
`;
    assert.deepEqual(referencesAt(source).sort(), [
      'gateway.tsk:1:41-1:50 "billing"',
      'orders.tsk:1:64-1:73 "billing"',
      "services.tsk:1:10-1:17 billing",
    ]);
    assert.deepEqual(referencesAt(source, false).sort(), ['gateway.tsk:1:41-1:50 "billing"', 'orders.tsk:1:64-1:73 "billing"']);
  });

  it("of a key read by another file", () => {
    assert.deepEqual(referencesAt(`
//- /config.tsk
db.po|rt = 5432
//- /app.tsk
port = @config.tsk.get("db.port")
`).sort(), ["app.tsk:1:28-1:32 port", "config.tsk:1:4-1:8 port"]);
  });
});

describe("document highlights", () => {
  it("are the places of the name in this file only", () => {
    const f = fixture(`
//- /a.tsk
$region = "eu"
zone = $reg|ion
backup = $region
//- /b.tsk
@import("a.tsk")
other = $region
`);
    const ranges = documentHighlights(f.index, f.cursor.file, f.cursor.offset);
    assert.deepEqual(ranges.map((r) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`), ["1:1-1:8", "2:8-2:15", "3:10-3:17"]);
  });
});

describe("document links", () => {
  it("link an @import to its file and a read key to its line", () => {
    const f = fixture(`
//- /app.tsk
@import("shared.tsk")
port = @config.tsk.get("db.port")
//- /shared.tsk
$a = 1
//- /config.tsk
# config
db.port = 5432
`);
    const links = documentLinks(f.index, f.path("app.tsk")).map((l) => [
      `${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.line + 1}:${l.range.end.character + 1}`,
      l.file.slice(f.path("").length + 1), l.position ? `${l.position.line + 1}:${l.position.character + 1}` : null,
    ]);
    assert.deepEqual(links, [["1:9-1:21", "shared.tsk", null], ["2:8-2:19", "config.tsk", null], ["2:24-2:33", "config.tsk", "2:4"]]);
  });
});

describe("workspace symbols", () => {
  it("match the letters typed, prefixes first, with each symbol's file", () => {
    const f = fixture(`
//- /services.tsk
services.billing = { url = "https://billing:8443" }
$billing_region = "eu"
//- /gateway.tsk
api_gateway.routes."/bill" = { service = "billing" }
`);
    const found = workspaceSymbols(f.index, "bill").map((s) => `${s.kind} ${s.name} ${s.container}`);
    // All match at the start of the name or of a segment: in the order of the files and their keys.
    assert.deepEqual(found, [
      "service billing services.tsk",
      "global $billing_region services.tsk",
      "object services.billing services.tsk",
      "value services.billing.url services.tsk",
      'object api_gateway.routes."/bill" gateway.tsk',
      'value api_gateway.routes."/bill".service gateway.tsk',
    ]);
    assert.deepEqual(workspaceSymbols(f.index, "zzz"), []);
  });
});
