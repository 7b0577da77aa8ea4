// The extension's manifest and README against the code: every setting the server reads is
// contributed, every rule can be configured and is documented with its real default, and the
// files the manifest names exist.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";
import { RULES } from "../../server/src/rules/all-rules";

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
const properties = manifest.contributes.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>;

describe("the extension manifest", () => {
  it("registers the tsk language for .tsk files, peanut.tsk and peanu.tsk, with its grammar", () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === "tsk");
    assert.deepEqual(language.aliases.slice(0, 2), ["TuskLang", "TSK"]);
    assert.deepEqual(language.extensions, [".tsk"]);
    assert.deepEqual(language.filenames, ["peanut.tsk", "peanu.tsk"]);
    const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === "tsk");
    assert.equal(grammar.scopeName, "source.tsk");
    // `main` is the bundle `npm test` builds first.
    for (const file of [language.configuration, grammar.path, manifest.icon, manifest.main]) {
      assert.ok(fs.existsSync(path.join(repoRoot, file)), `${file} exists`);
    }
  });

  it("has an icon the marketplace takes: a PNG of at least 128×128", () => {
    const png = fs.readFileSync(path.join(repoRoot, manifest.icon));
    assert.equal(png.subarray(1, 4).toString("ascii"), "PNG");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width >= 128 && height >= 128, `${width}×${height}`);
  });

  it("contributes, with a description, every setting the server reads", () => {
    for (const key of ["tsk.validate", "tsk.builtinSchemas", "tsk.schemas", "tsk.rules", "tsk.trace.server"]) {
      assert.ok(properties[key], key);
      assert.ok((properties[key].description ?? properties[key].markdownDescription ?? "").length > 30, `${key} is described`);
    }
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ["tsk.schemas"]);
  });

  it("lets every rule be configured, and the README gives each its real default", () => {
    const rules = (properties["tsk.rules"] as { properties: Record<string, unknown> }).properties;
    for (const rule of RULES) {
      assert.ok(rules[rule.code], `tsk.rules.${rule.code} is in the manifest`);
      assert.match(readme, new RegExp(`\\| \`${rule.code}\` \\| ${rule.severity} \\|`), `README lists ${rule.code} as ${rule.severity}`);
    }
  });

  it("lets the document checks be configured too, each described, and the README lists them", () => {
    const rules = (properties["tsk.rules"] as { properties: Record<string, { description?: string }> }).properties;
    for (const [code, severity] of [["unknown-key", "warning, or hint"], ["unknown-escape", "hint"], ["unknown-operator", "warning, or hint"], ["unquoted-text", "hint"], ["ignored-line", "warning"]]) {
      assert.ok((rules[code]?.description ?? "").length > 30, `tsk.rules.${code} is described`);
      assert.match(readme, new RegExp(`\\| \`${code}\` \\| ${severity} \\|`), `README lists ${code} as ${severity}`);
    }
  });

  it("contributes the commands the client registers", () => {
    const client = fs.readFileSync(path.join(repoRoot, "client/src/extension.ts"), "utf8");
    const registered = [...client.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c: { command: string }) => c.command).sort(), registered);
  });
});
