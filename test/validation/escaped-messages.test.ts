// Messages that quote the user's text show control characters, separators and bidi controls
// as escapes, and cut what is long: a message must never act on a terminal or reorder the
// text around it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check";
import { escapeInvisible, shownText } from "../../server/src/syntax/shown-text";

const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

describe("messages that quote the user's text", () => {
  it("escape C0 and C1 controls, DEL, separators, bidi controls, zero-width and lone surrogates", () => {
    assert.equal(escapeInvisible("a\u001b[2Jb\u0000c\u007f\u0085\u2028\u2029\u202e\u2066\u200b\ufeff\ud800"),
      "a\\u001B[2Jb\\u0000c\\u007F\\u0085\\u2028\\u2029\\u202E\\u2066\\u200B\\uFEFF\\uD800");
    assert.equal(escapeInvisible("tab\there\nnew\rline"), "tab\\there\\nnew\\rline");
    assert.equal(escapeInvisible("C:\\data é 😀"), "C:\\data é 😀", "backslashes and printable text stay");
    assert.equal(shownText("x".repeat(100), 10), "xxxxxxxxxx…");
    assert.equal(shownText("a".repeat(9) + "😀", 10), "aaaaaaaaa…", "a surrogate pair is not cut in two");
  });

  it("in syntax errors: unexpected characters, keys without a value", () => {
    const found = check("a = 1 \u001b\nname\u202e\n");
    assert.deepEqual(found.map((f) => f.message), [
      "unexpected character '\\u001B'",
      "unexpected character '\\u202E'",
    ]);
    const key = check(`${"k".repeat(200)}\n`);
    assert.equal(key[0].message, `'${"k".repeat(60)}…' has no value: expected ':' or '=' and a value after it`);
  });

  it("in duplicate keys, schema messages and rules", () => {
    const found = check('"a\u001b[31m" = 1\n"a\u001b[31m" = 2\nmicroservices.discovery.provider = "con\u202esul"\nmicroservices."x\u0085" = 1\n');
    for (const f of found) assert.doesNotMatch(f.message, RAW, f.message);
    assert.deepEqual(found.map((f) => [f.code, f.message]), [
      ["duplicate-key", "'\"a\\u001b[31m\"' is already set on line 1; this later value wins"],
      ["unknown-value", "\"con\\u202Esul\" is not a known value for 'microservices.discovery.provider': did you mean 'consul'? Known values: consul, etcd, zookeeper, eureka, nacos, kubernetes, dns and static"],
      ["unknown-key", "unknown key 'x\\u0085' in 'microservices': known keys are discovery and registry"],
    ]);
  });
});

describe("a text full of NULs", () => {
  it("is told once, whatever the number of NULs (a UTF-16 file read as UTF-8)", () => {
    const utf16AsUtf8 = Buffer.from("services.a.port = \"p\"\nname = \"x\"\nb { c = 1 }\n".repeat(50), "utf16le").toString("latin1");
    const found = check(utf16AsUtf8);
    assert.deepEqual(found.map((f) => [f.code, f.line, f.message]), [
      ["nul-character", 1, "this text holds NUL characters: is the file UTF-16? TSK files are UTF-8"],
    ]);
  });
});
