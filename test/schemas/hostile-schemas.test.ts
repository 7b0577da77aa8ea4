// User schemas that once took the server down or over: a pattern that backtracks without end
// (shared/repro/redos), a schema that claims the built-in schema's `$id`
// (shared/repro/schema-id-hijack). Fixtures are made here; the slow cases run in a child
// process with a time limit.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runGuarded, tskGuarded, problemLines } from "../helpers/guarded";
import { SchemaContext } from "../../server/src/validation/validate-document";
import { check } from "../validation/check";

const REDOS = { type: "object", properties: { name: { type: "string", pattern: "^(a+)+$" } }, patternProperties: { "^(a+)+$": { description: "all a" } } };
const EVIL = "a".repeat(40) + "!"; // 2^40 paths for a backtracking engine

describe("a user schema's patterns", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-redos-"));
    fs.writeFileSync(path.join(dir, "redos.schema.json"), JSON.stringify(REDOS));
    fs.writeFileSync(path.join(dir, "slow.tsk"), `#!schema ./redos.schema.json\nname = "${EVIL}"\n`);
    fs.writeFileSync(path.join(dir, "look.schema.json"), JSON.stringify({ properties: { name: { pattern: "^(?!admin).*$" }, id: { pattern: "^(a)\\1$" } } }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("run in linear time in validation: a value that backtracks 2^40 ways is judged at once", () => {
    const r = tskGuarded(["check", "--format", "json", "slow.tsk"], dir);
    assert.equal(r.signal, null, "finished within the time limit");
    assert.equal(problemLines(r.stdout), "slow.tsk:2:8 error 'name' must match pattern \"^(a+)+$\" [schema]\n");
  });

  it("still match what they should", () => {
    const found = check(`#!schema ./redos.schema.json\nname = "aaaa"\n`, {}, path.join(dir, "ok.tsk"));
    assert.deepEqual(found, []);
  });

  it("run in linear time in patternProperties, which hover and completion walk", () => {
    const code = `
      const { SchemaContext } = out("validation/validate-document");
      const { URI } = require("vscode-uri");
      const ctx = new SchemaContext();
      const doc = ctx.store.loadFile(${JSON.stringify(path.join(dir, "redos.schema.json"))});
      const roots = ctx.roots([doc.uri]);
      const slow = ctx.navigator.at(roots, [${JSON.stringify(EVIL)}]).map((s) => s.schema.description ?? null);
      const fine = ctx.navigator.at(roots, ["aaaa"]).map((s) => s.schema.description ?? null);
      console.log(JSON.stringify({ slow, fine }));`;
    const r = runGuarded(code);
    assert.equal(r.signal, null, "finished within the time limit");
    assert.equal(r.stderr, "");
    assert.deepEqual(JSON.parse(r.stdout), { slow: [], fine: ["all a"] });
  });

  it("that need backtracking (lookahead, back-references) are not checked, and the schema says so once", () => {
    const found = check(`#!schema ./look.schema.json\nname = "admin"\nid = "ab"\n`, {}, path.join(dir, "look.tsk"));
    assert.deepEqual(found.map((f) => [f.code, f.line, f.message]), [[
      "unchecked-pattern", 1,
      `schema ${new URL(`file://${path.join(dir, "look.schema.json")}`).toString()}: the pattern '^(?!admin).*$' (and 1 more) is not checked: it needs a backtracking engine (lookahead, lookbehind or a back-reference), which can take time exponential in the value`,
    ]]);
  });
});

describe("schemas are known by where they were read from, not by their $id", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-hijack-"));
    fs.writeFileSync(path.join(dir, "a-plain.tsk"), 'services.a.port = "p"\n');
    fs.writeFileSync(path.join(dir, "b-evil.tsk"), "#!schema ./hijack.schema.json\nx = 1\n");
    fs.writeFileSync(path.join(dir, "hijack.schema.json"), JSON.stringify({
      $schema: "https://json-schema.org/draft/2020-12/schema", $id: "tsk-schema://builtin/tsk-microservices.schema.json",
      type: "object", properties: { services: { description: "HIJACKED", type: "string" } },
    }));
    const shared = (type: string) => JSON.stringify({ $id: "https://example.com/shared.schema.json", properties: { port: { type } } });
    fs.writeFileSync(path.join(dir, "numbers.schema.json"), shared("number"));
    fs.writeFileSync(path.join(dir, "strings.schema.json"), shared("string"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a schema claiming the built-in schema's $id changes nothing for other files, and is refused for its own", () => {
    const r = tskGuarded(["check", "--format", "json", "a-plain.tsk", "b-evil.tsk"], dir);
    assert.equal(problemLines(r.stdout), [
      "a-plain.tsk:1:19 error 'services.a.port' expects a whole number, found the string \"p\" [wrong-type]",
      "b-evil.tsk:1:1 warning schema ./hijack.schema.json: its $id tsk-schema://builtin/tsk-microservices.schema.json is reserved for the built-in schemas: give it an $id of its own, or none [schema-not-found]",
      "",
    ].join("\n"));
  });

  it("two user schemas with the same $id each check their own files", () => {
    fs.writeFileSync(path.join(dir, "n.tsk"), "#!schema ./numbers.schema.json\nport = \"x\"\n");
    fs.writeFileSync(path.join(dir, "s.tsk"), "#!schema ./strings.schema.json\nport = 1\n");
    const r = tskGuarded(["check", "--format", "json", "n.tsk", "s.tsk"], dir);
    assert.equal(problemLines(r.stdout), [
      "n.tsk:2:8 error 'port' expects a number, found the string \"x\" [wrong-type]",
      "s.tsk:2:8 error 'port' expects a string, found the number 1 [wrong-type]",
      "",
    ].join("\n"));
  });

  it("a file cannot reach a loaded user schema by that schema's $id", () => {
    const ctx = new SchemaContext();
    ctx.store.loadFile(path.join(dir, "numbers.schema.json"));
    assert.equal(ctx.store.get("https://example.com/shared.schema.json"), undefined);
  });
});
