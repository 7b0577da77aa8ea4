// Completion and hover of @operators, as the editor shows them: from the catalogue of what the
// TuskLang SDKs implement and their docs describe.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { complete, type CompletionItem } from "../../server/src/features/completion";
import { hover } from "../../server/src/features/hover";
import { OPERATORS } from "../../server/src/operators/catalogue";
import { schemaContext } from "../validation/check";
import { withCursor } from "../helpers/cursor";

function contextOf(text: string) {
  const tree = parse(text);
  const schemas = schemaContext();
  const analysis = analyzeDocument(tree, { file: null, folder: null }, DEFAULT_VALIDATION_SETTINGS, schemas);
  return { tree, index: analysis.paths, navigator: schemas.navigator, roots: analysis.roots };
}

function completionsAt(marked: string): CompletionItem[] {
  const { text, offset } = withCursor(marked);
  return complete(contextOf(text), offset);
}

function hoverAt(marked: string): { markdown: string; text: string } | null {
  const { text, offset } = withCursor(marked);
  const h = hover(contextOf(text), offset);
  return h && { markdown: h.markdown, text: text.slice(h.start, h.end) };
}

describe("@operators in completion", () => {
  it("offers every operator of the catalogue after '@', replacing what was typed from the '@'", () => {
    const items = completionsAt("retries = @ha|\n");
    assert.equal(items.length, OPERATORS.length);
    assert.ok(items.every((i) => i.kind === "operator" && i.replace.start === 10 && i.replace.end === 13));
    assert.equal(items[0].label, "@env", "the most used first");
  });

  it("shows each operator's signature, as the reference SDKs take its arguments", () => {
    const detail = (label: string) => completionsAt("x = @|\n").find((i) => i.label === label)?.detail;
    assert.equal(detail("@env"), "@env(name, default?)");
    assert.equal(detail("@hash"), "@hash(algorithm, value)");
    assert.equal(detail("@json"), "@json(operation, data)");
    assert.equal(detail("@query"), "@query(sql, ...params)");
    assert.equal(detail("@request"), "@request.field");
    assert.equal(detail("@toml"), "@toml.parse(value)");
    assert.equal(detail("@hostname"), "@hostname");
  });

  it("inserts a placeholder for each required argument, quoted where it takes text", () => {
    const insert = (label: string) => completionsAt("x = @|\n").find((i) => i.label === label)!;
    assert.equal(insert("@hash").insertText, '@hash("${1:algorithm}", "${2:value}")');
    assert.equal(insert("@env").insertText, '@env("${1:name}")');
    assert.equal(insert("@cache").insertText, '@cache("${1:ttl}", ${2:value})');
    assert.equal(insert("@uuid").insertText, "@uuid()");
    assert.equal(insert("@request").insertText, "@request.${1:field}");
    assert.equal(insert("@toml").insertText, "@toml.${1|parse,generate,validate_schema|}(${2:value})");
    assert.ok(insert("@hash").snippet);
  });

  it("documents an operator with its parameters, an example and the SDKs that implement it", () => {
    const hash = completionsAt("x = @|\n").find((i) => i.label === "@hash")!;
    assert.equal(hash.documentation, [
      "A hash of `value` with `algorithm`.",
      "- `algorithm`: `md5`, `sha1` or `sha256` (PHP knows more: sha512, bcrypt, argon2id, hmac, …)\n- `value`: the text to hash",
      "Returns the digest, as hexadecimal text.",
      '```tsk\nchecksum: @hash("sha256", $api_key)\n```',
      "Implemented by: JavaScript, PHP, Go.",
    ].join("\n\n"));
    const shell = completionsAt("x = @|\n").find((i) => i.label === "@shell")!;
    assert.match(shell.documentation!, /\*\*No TuskLang SDK implements this operator\.\*\*$/);
  });
});

describe("@operators on hover", () => {
  it("shows an operator several SDKs implement: signature, parameters, returns, example, SDKs and where they differ", () => {
    const h = hoverAt('checksum = @ha|sh("sha256", $api_key)\n')!;
    assert.equal(h.text, "@hash");
    assert.equal(h.markdown, [
      "`@hash(algorithm, value)`",
      "A hash of `value` with `algorithm`.",
      "- `algorithm`: `md5`, `sha1` or `sha256` (PHP knows more: sha512, bcrypt, argon2id, hmac, …)\n- `value`: the text to hash",
      "Returns the digest, as hexadecimal text.",
      '```tsk\nchecksum: @hash("sha256", $api_key)\n```',
      "Implemented by: JavaScript, PHP, Go.",
      [
        "- JavaScript's digests are not real ones: every algorithm gives the same 32-bit string hash.",
        "- PHP's class takes named keys: `algorithm`, `data`, `options`.",
        "- The PHP docs write one method per algorithm: `@hash.sha256(value)`, `@hash.bcrypt(value, cost)`.",
      ].join("\n"),
      "Docs: `docs-branch/docs/sdk/php/006-at-operators-php.md`",
    ].join("\n\n"));
  });

  it("says when no SDK implements an operator the docs name", () => {
    const h = hoverAt('cores = @sh|ell("nproc")\n')!;
    assert.equal(h.markdown, [
      "`@shell(command)`",
      "The output of a shell command.",
      "- `command`: the command line",
      "Returns the command's output.",
      '```tsk\ncores: @shell("nproc")\n```',
      "**No TuskLang SDK implements this operator.**",
      "Docs: `docs-branch/docs/sdk/bash/026-at-shell-function-bash.md`, `docs-branch/docs/sdk/bash/042-at-shell-function-bash.md`",
    ].join("\n\n"));
  });

  it("names the SDKs that differ from the signature shown", () => {
    const json = hoverAt('flags = @js|on("parse", $text)\n')!.markdown;
    assert.match(json, /^`@json\(operation, data\)`/);
    assert.match(json, /Implemented by: JavaScript, Python, PHP, Go, Ruby, PHP runtime \(FUJSEN\)\./);
    assert.match(json, /Go takes the data first, `@json\(data, action\?\)`/);
  });

  it("shows the request's fields on @request, written as a member", () => {
    const h = hoverAt("page = @requ|est.query.page\n")!;
    assert.equal(h.text, "@request");
    assert.match(h.markdown, /^`@request\.field`/);
  });

  it("says when neither the SDKs nor their docs name an operator, and keeps the doc of file reads", () => {
    assert.equal(hoverAt("x = @acme_va|ult(1)\n")!.markdown, "`@acme_vault`: an operator neither the TuskLang SDKs nor their docs name");
    assert.match(hoverAt('host = @config.t|sk.get("database.host")\n')!.markdown, /^`@config\.tsk`: the config file `config\.tsk`\n\nReads the value at the key path of another config file/);
  });
});
