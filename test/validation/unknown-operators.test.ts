// unknown-operator: a called operator no TuskLang SDK implements and no doc names, as the
// Problems panel shows it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check";

const unknownOperators = (text: string, settings = {}) => check(text, settings).filter((d) => d.code === "unknown-operator");
const shown = (text: string) => unknownOperators(text).map((d) => ({ line: d.line, text: d.text, severity: d.severity, message: d.message }));

describe("unknown operators", () => {
  it("warns at a misspelt operator's name, with the operator meant", () => {
    assert.deepEqual(shown('port = @evn("PORT", 8080)\nusers = @qeury("SELECT * FROM users")\n'), [
      { line: 1, text: "evn", severity: "warning", message: "unknown operator '@evn': did you mean '@env'?" },
      { line: 2, text: "qeury", severity: "warning", message: "unknown operator '@qeury': did you mean '@query'?" },
    ]);
    const [d] = unknownOperators('port = @evn("PORT")\n');
    assert.equal(d.start, 8);
    assert.equal(d.end, 11);
    assert.deepEqual(d.data, { replacement: "env" });
  });

  it("gives only a hint for a name near none, which may be an operator of one's own", () => {
    assert.deepEqual(shown("secret = @acme_vault(\"db\")\n"), [
      { line: 1, text: "acme_vault", severity: "hint", message: "unknown operator '@acme_vault': no TuskLang SDK implements it and no doc names it (an operator of your own?)" },
    ]);
  });

  it("judges the operator of a method call, wherever the call stands in a value", () => {
    const text = [
      "cargo = @tmol.parse(@file(\"Cargo.toml\"))",
      "servers {",
      "    list = [@evn(\"A\"), { b: @cahce(\"5m\", 1) }]",
      "}",
      "",
    ].join("\n");
    assert.deepEqual(shown(text).map((d) => `${d.line} ${d.text} ${d.severity}`), ["1 tmol warning", "3 evn warning", "3 cahce warning"]);
  });

  it("lets short names be near only to the same letters reordered", () => {
    assert.deepEqual(shown("a = @fi($debug, 1, 2)\nb = @ml.infer($model)\nc = @kms.get_key(\"k\")\n").map((d) => `${d.text} ${d.severity}`), [
      "fi warning", "ml hint", "kms hint",
    ]);
  });

  it("knows every operator of the SDKs and docs, and leaves file reads, imports, variables and fields alone", () => {
    const text = [
      "@import(\"shared.tsk\")",
      "@include(\"more.tsk\")",
      "host = @env(\"HOST\", \"localhost\")",
      "users = @cache(\"5m\", @query(\"SELECT * FROM users\"))",
      "db = @config.tsk.get(\"database.host\")",
      "page = @request.query.page || \"1\"",
      "name = @var.app.name",
      "owner = @somebody",
      "profile = @user.profile.name",
      "active = @Query(\"Users\").where(\"active\", true).count()",
      "cores = @shell(\"nproc\")",
      "yaml = @yaml(\"parse\", \"a: 1\")",
      "",
    ].join("\n");
    assert.deepEqual(unknownOperators(text), []);
  });

  it("judges the bare expressions of #!api files", () => {
    assert.deepEqual(shown("#!api\n@josn({ ok: true })\n").map((d) => `${d.line} ${d.text} ${d.severity}`), ["2 josn warning"]);
  });

  it("can be turned off, or set to another level, like a rule", () => {
    assert.deepEqual(unknownOperators('a = @evn("A")\nb = @acme()\n', { rules: { "unknown-operator": "off" } }), []);
    assert.deepEqual(unknownOperators('a = @evn("A")\nb = @acme()\n', { rules: { "unknown-operator": "error" } }).map((d) => d.severity), ["error", "error"]);
    assert.deepEqual(unknownOperators("# tsk-disable-next-line unknown-operator\na = @evn(\"A\")\n"), []);
  });
});
