// `tsk check --format sarif`: valid SARIF 2.1.0 (the OASIS schema, as @microsoft/jest-sarif
// ships it), with what GitHub code scanning needs of an upload: a tool with rules, each with a
// description and help; results with a rule, a level, a message and a location relative to the
// repository's root.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { sarifValidator } from "./sarif-schema";
import type { Log } from "sarif";
import { run } from "./run-tsk";
import { CHECK_CODES } from "../../server/src/cli/check-codes";
import { SYNTAX_CODES } from "../../server/src/validation/validate-document";
import { RULES } from "../../server/src/rules/all-rules";
import { repoRoot } from "../helpers/guide-example";
import { VERSION } from "../../server/src/version";

describe("tsk check --format sarif", () => {
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-sarif-")));
    fs.mkdirSync(path.join(dir, "config"));
    fs.writeFileSync(path.join(dir, "config/app.tsk"), 'timeout =\nmicroservices.discovery.provider = "consol"\n$unused = 1\n');
    fs.writeFileSync(path.join(dir, "config/ok.tsk"), "a = 1\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is valid SARIF 2.1.0, with rule metadata and help for each code reported", () => {
    const r = run(["check", "--format", "sarif", "config"], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as Log;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, "2.1.0");
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, "tsk");
    assert.equal(run0.tool.driver.version, VERSION);
    assert.deepEqual(run0.tool.driver.rules?.map((rule) => rule.id), ["expected-value", "unknown-value", "unused-global"]);
    for (const rule of run0.tool.driver.rules ?? []) {
      assert.ok(rule.shortDescription?.text && rule.help?.text && rule.fullDescription?.text, rule.id);
    }
    assert.equal(run0.originalUriBaseIds?.["%SRCROOT%"]?.uri, pathToFileURL(dir + path.sep).href);
    assert.deepEqual(run0.results?.map((x) => [x.ruleId, x.ruleIndex, x.level, x.locations?.[0].physicalLocation?.artifactLocation?.uri, x.locations?.[0].physicalLocation?.region?.startLine]), [
      ["expected-value", 0, "error", "config/app.tsk", 1],
      ["unknown-value", 1, "warning", "config/app.tsk", 2],
      ["unused-global", 2, "note", "config/app.tsk", 3],
    ]);
    assert.deepEqual(run0.results?.[0].locations?.[0].physicalLocation?.region, { startLine: 1, startColumn: 9, endLine: 1, endColumn: 10 });
    assert.equal(run0.results?.[0].message.text, "expected a value after '='");
  });

  it("is valid when nothing is found, and from standard input", () => {
    const clean = JSON.parse(run(["check", "--format", "sarif", "config/ok.tsk"], dir).stdout) as Log;
    assert.ok(sarifValidator()(clean));
    assert.deepEqual(clean.runs[0].results, []);
    const stdin = JSON.parse(run(["check", "--format", "sarif", "--stdin-filepath", "config/new.tsk", "-"], dir, { input: "a =\n" }).stdout) as Log;
    assert.equal(stdin.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, "config/new.tsk");
  });

  it("has a description and help for every code the checks can report", () => {
    const codes = new Set([...SYNTAX_CODES, ...RULES.map((r) => r.code)]);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } } };
    for (const code of Object.keys(manifest.contributes.configuration.properties["tsk.rules"].properties ?? {})) codes.add(code);
    for (const code of codes) {
      assert.ok(CHECK_CODES[code], `${code} has an entry in server/src/cli/check-codes.ts`);
    }
  });
});
