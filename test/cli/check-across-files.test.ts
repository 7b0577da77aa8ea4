import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { Workspace } from "../helpers/workspace-fixture";

import { run } from "./run-tsk";

describe("tsk check across files", () => {
  let ws: Workspace;
  before(() => {
    ws = new Workspace("tsk-check-xfile-", {
      "peanut.tsk": '$region = "eu-west-1"\n',
      "services.tsk": 'services.users = { url = "http://users:8080" }\n',
      "app/main.tsk": [
        '@import("lib.tsk")',
        "region = $region",
        "name = $app",
        "missing = $nowhere",
        'host = @db.tsk.get("database.hots")',
        'api_gateway.routes."/u" = { service = "users" }',
        'api_gateway.routes."/b" = { service = "billing" }',
        "",
      ].join("\n"),
      "app/lib.tsk": '$app = "shop"\n',
      "app/db.tsk": "database.host = \"db.local\"\n",
      "cycle/a.tsk": '@import("b.tsk")\n',
      "cycle/b.tsk": '@import("a.tsk")\n',
    });
  });
  after(() => ws.dispose());

  it("reports unknown globals, file keys and services, and import cycles, resolving what other files define", () => {
    const r = run(["check", "."], ws.root);
    assert.equal(r.status, 0, r.stderr);
    const main = path.join("app", "main.tsk");
    const [a, b] = [path.join("cycle", "a.tsk"), path.join("cycle", "b.tsk")];
    assert.equal(r.stdout, [
      main,
      "  4:11  warning  $nowhere is not defined in this file, in a file it imports, or in a peanut.tsk in this folder or above  [unknown-global]",
      "    4 | missing = $nowhere",
      "      |           ^^^^^^^^",
      "  5:20  warning  db.tsk has no key 'database.hots': did you mean 'database.host'?  [unknown-file-key]",
      '    5 | host = @db.tsk.get("database.hots")',
      "      |                    ^^^^^^^^^^^^^^^",
      "  7:39  warning  no service 'billing' is defined under 'services' in any config file  [unknown-service]",
      '    7 | api_gateway.routes."/b" = { service = "billing" }',
      "      |                                       ^^^^^^^^^",
      "",
      a,
      `  1:9  warning  this import leads back to this file: ${a} → ${b} → ${a}  [import-cycle]`,
      '    1 | @import("b.tsk")',
      "      |         ^^^^^^^",
      "",
      b,
      `  1:9  warning  this import leads back to this file: ${b} → ${a} → ${b}  [import-cycle]`,
      '    1 | @import("a.tsk")',
      "      |         ^^^^^^^",
      "",
      "7 files checked: 0 errors, 5 warnings in 3 files",
      "",
    ].join("\n"));
  });

  it("reads the files a checked file imports and reads, and the peanut.tsk above it, when they are not checked themselves", () => {
    const r = run(["check", path.join("app", "main.tsk")], ws.root);
    const codes = [...r.stdout.matchAll(/  \[([a-z-]+)\]$/gm)].map((m) => m[1]);
    // Services are what the files checked together define: services.tsk is not one of them here.
    assert.deepEqual(codes, ["unknown-global", "unknown-file-key", "unknown-service", "unknown-service"]);
    assert.match(r.stdout, /\$nowhere is not defined/);
    assert.doesNotMatch(r.stdout, /\$region|\$app/);
  });
});
