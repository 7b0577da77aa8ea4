// TSK as people write it (issue 11), as a user sees it: the hint on text read to the end of
// the line, the warning on a line TuskLang ignores, references checked by the value they name,
// and unknown keys of the built-in schemas in an ordinary application's config.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { check, type Found } from "./check";
import { parse } from "../../server/src/syntax/syntax-tree";
import { quickFixes } from "../../server/src/features/quick-fixes";
import { applyEdits } from "../../server/src/features/format";

const shown = (found: Found[], code?: string) =>
  found.filter((d) => !code || d.code === code).map((d) => [d.line, d.severity, d.code, d.text, d.message]);

describe("unquoted-text: a hint that the value is text to the end of the line", () => {
  it("on the text, with what to write instead; none on a colour", () => {
    const found = check("greeting: Hello, World\npath: ./data/app.db  # the database\nprimary: #ff0000\n");
    assert.deepEqual(shown(found), [
      [1, "hint", "unquoted-text", "Hello, World", "read as the text 'Hello, World' to the end of the line, as TuskLang's parsers read it; quoting it is clearer: \"Hello, World\""],
      [2, "hint", "unquoted-text", "./data/app.db", "read as the text './data/app.db' to the end of the line, as TuskLang's parsers read it; quoting it is clearer: \"./data/app.db\""],
    ]);
  });

  it("says how to write a number for '.5', and quotes so that the value stays the same", () => {
    assert.deepEqual(shown(check("ratio: .5\n")), [[1, "hint", "unquoted-text", ".5", "'.5' is read as text, as TuskLang's parsers read it: write 0.5 for a number, or \".5\" for text"]]);
    const quoted = (text: string) => check(text).find((d) => d.code === "unquoted-text")!.data!.replacement;
    assert.equal(quoted("a: say \"hi\" now\n"), "'say \"hi\" now'");
    assert.equal(quoted("a: C:\\data\\new files\n"), "\"\"\"C:\\data\\new files\"\"\"");
  });

  it("its quick fix quotes the text, and the quoted value is the same string", () => {
    const text = "title: Hello big world\n";
    const tree = parse(text);
    const fixes = quickFixes(tree, check(text), () => true).filter((f) => f.preferred);
    assert.deepEqual(fixes.map((f) => f.title), ["Change to \"Hello big world\""]);
    const fixed = applyEdits(text, fixes[0].edits);
    assert.equal(fixed, "title: \"Hello big world\"\n");
    assert.deepEqual(check(fixed), []);
  });

  it("is a rule: off, or up to a warning", () => {
    assert.deepEqual(check("a: x y\n", { rules: { "unquoted-text": "off" } }), []);
    assert.deepEqual(shown(check("a: x y\n", { rules: { "unquoted-text": "warning" } })).map((d) => d[1]), ["warning"]);
  });
});

describe("ignored-line: TuskLang ignores a line that sets no key", () => {
  it("a bare call, on its first line; a multi-line call's 'k: v' lines, each (the reference parsers read them as keys)", () => {
    const text = "port: 8080\n@validate.range(\"port\", 1, 65535)\n@if($ready, {\n    status: \"ready\"\n    count = 2\n})\n";
    assert.deepEqual(shown(check(text), "ignored-line"), [
      [2, "warning", "ignored-line", "@validate.range(\"port\", 1, 65535)", "TuskLang ignores this line: it sets no key. To keep its value, give it one, as in name = …"],
      [3, "warning", "ignored-line", "@if($ready, {", "TuskLang ignores this line: it sets no key. To keep its value, give it one, as in name = …"],
      [4, "warning", "ignored-line", "status: \"ready\"", "TuskLang reads this line as the key 'status' on its own, not as part of the expression around it, which it ignores"],
      [5, "warning", "ignored-line", "count = 2", "TuskLang reads this line as the key 'count' on its own, not as part of the expression around it, which it ignores"],
    ]);
  });

  it("none in a '#!api' file, where the expression is the response; none on a syntax error", () => {
    assert.deepEqual(check("#!api\n@json({ ok: true })\n"), []);
    assert.deepEqual(check("{ \"a\": 1 }\n").map((d) => d.code), ["json-document"]);
  });

  it("is a rule: it can be turned off or silenced on its line", () => {
    assert.deepEqual(check("@cache.clear(\"x\")\n", { rules: { "ignored-line": "off" } }), []);
    assert.deepEqual(check("# tsk-disable-next-line ignored-line\n@cache.clear(\"x\")\n"), []);
  });
});

describe("references: a bare word naming an earlier key is checked by the value it names", () => {
  it("`tracing = mtls` after `mtls = true` is true, no string", () => {
    assert.deepEqual(check("[service_mesh]\nmtls = true\ntracing = mtls\n"), []);
  });

  it("the value it names is judged, on the word", () => {
    const found = check("[service_mesh]\nmtls = \"yes\"\ntracing = mtls\n").filter((d) => d.code === "wrong-type");
    assert.deepEqual(found.map((d) => [d.line, d.text, d.message]), [
      [2, "\"yes\"", "'service_mesh.mtls' expects true or false, found the string \"yes\""],
      [3, "mtls", "'service_mesh.tracing' expects true or false, found the string \"yes\""],
    ]);
  });

  it("chains resolve; a word that names no earlier key stays a string; a value set again later is that value", () => {
    assert.deepEqual(check("[service_mesh]\nmtls = true\nx = mtls\ntracing = x\n").filter((d) => d.code === "wrong-type"), []);
    assert.deepEqual(check("[service_mesh]\ntracing = mtls\nmtls = true\n").filter((d) => d.code === "wrong-type").map((d) => d.text), ["mtls"]);
    assert.deepEqual(check("[service_mesh]\nmtls = true\ntracing = mtls\ntracing = \"on\"\n").filter((d) => d.code === "wrong-type").map((d) => d.text), ["\"on\""]);
  });
});

describe("unknown keys of the built-in schemas in an ordinary config", () => {
  it("near a known key: a warning with 'did you mean'; near none: a hint; a word a known key only begins: a hint", () => {
    const found = check("[security]\nzero_trst = true\ndb_host = \"db\"\nauth = \"jwt\"\n").filter((d) => d.code === "unknown-key");
    assert.deepEqual(found.map((d) => [d.line, d.severity, d.message, d.data?.replacement]), [
      [2, "warning", "unknown key 'zero_trst' in 'security': did you mean 'zero_trust'?", "zero_trust"],
      [3, "hint", "unknown key 'db_host' in 'security': known keys are zero_trust, mutual_tls, api_keys, audit_logging, authentication and encryption", undefined],
      [4, "hint", "unknown key 'auth' in 'security': did you mean 'authentication'?", "authentication"],
    ]);
  });

  it("under a schema the file names, any unknown key is a warning", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-as-written-"));
    try {
      fs.writeFileSync(path.join(dir, "app.schema.json"), JSON.stringify({ type: "object", properties: { port: { type: "number" } }, additionalProperties: false }));
      const file = path.join(dir, "app.tsk");
      const found = check("#!schema ./app.schema.json\ndb_host = \"db\"\n", {}, file).filter((d) => d.code === "unknown-key");
      assert.deepEqual(found.map((d) => [d.line, d.severity]), [[2, "warning"]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("`tsk.rules` sets both at once", () => {
    const found = check("[security]\nzero_trst = true\ndb_host = 1\n", { rules: { "unknown-key": "error" } }).filter((d) => d.code === "unknown-key");
    assert.deepEqual(found.map((d) => d.severity), ["error", "error"]);
  });
});
