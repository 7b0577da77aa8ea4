// One test per construct of tsk-language.md, sections 1–3: the shape a user depends on (kinds,
// names, values, exact ranges), and no problem at all on valid input.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../../server/src/syntax/syntax-tree";
import { keyName, parseClean, paths, repoRoot, show, slice, valueAt, type J } from "./helpers";

describe("1. lexical", () => {
  it("comments: '#' and '//' on their own line, trailing after a value, and /* */ over lines", () => {
    const text = [
      "# own line",
      "// also own line",
      "port = 8080  # admin port",
      "host = \"h\" // trailing slashes",
      "/* a block",
      "   over two lines */",
      "after = 1",
    ].join("\n");
    const { root } = parseClean(text);
    assert.deepEqual(root.map((s) => s.kind), ["comment", "comment", "assignment", "assignment", "comment", "assignment"]);
    assert.equal(slice(text, root[0].comment), "# own line");
    assert.equal(root[0].comment.block, false);
    assert.equal(slice(text, root[1].comment), "// also own line");
    // A trailing comment belongs to its statement, and is no part of the value.
    assert.equal(show(root[2].value), "8080");
    assert.equal(slice(text, root[2].value), "8080");
    assert.deepEqual(root[2].comments.map((c: J) => slice(text, c)), ["# admin port"]);
    assert.deepEqual(root[3].comments.map((c: J) => c.text), ["// trailing slashes"]);
    assert.equal(root[4].comment.block, true);
    assert.equal(slice(text, root[4].comment), "/* a block\n   over two lines */");
    assert.equal(keyName(root[5].key), "after");
  });

  it("a /* */ comment inside a line is white space", () => {
    const text = "a = /* why */ 1 /* more */\nb = [1, /* two */ 2]";
    const { root } = parseClean(text);
    assert.equal(show(root[0].value), "1");
    assert.deepEqual(root[0].comments.map((c: J) => c.text), ["/* why */", "/* more */"]);
    assert.equal(show(root[1].value), "[1, 2]");
  });

  it("'#' or '//' inside a quoted string, and '//' inside an unquoted URL, are not comments", () => {
    const text = [
      "color = \"#ff0000\"",
      "path = '// not a comment # either'",
      "url = http://consul1:8500/v1 # this one is",
      "sql = \"SELECT 1 -- # //\"",
    ].join("\n");
    const { root } = parseClean(text);
    assert.equal(root[0].value.value, "#ff0000");
    assert.equal(root[0].comments.length, 0);
    assert.equal(root[1].value.value, "// not a comment # either");
    assert.equal(root[2].value.kind, "word");
    assert.equal(root[2].value.text, "http://consul1:8500/v1");
    assert.equal(slice(text, root[2].value), "http://consul1:8500/v1");
    assert.deepEqual(root[2].comments.map((c: J) => c.text), ["# this one is"]);
    assert.equal(root[3].value.value, "SELECT 1 -- # //");
  });

  it("directives: '#!api' and '#!schema ./x.json' at the start of a line", () => {
    const text = "#!api\n#!schema ./schemas/payments.schema.json\nok = true\n";
    const { tree, root } = parseClean(text);
    assert.equal(tree.api, true);
    assert.deepEqual(root.slice(0, 2).map((s) => [s.kind, s.name, s.argument]), [
      ["directive", "api", ""],
      ["directive", "schema", "./schemas/payments.schema.json"],
    ]);
    assert.equal(slice(text, root[1]), "#!schema ./schemas/payments.schema.json");
    assert.equal(parse("#!schema none\n").api, false);
  });

  it("a directive whose line holds U+2028 or U+2029 (the parser once threw on it)", () => {
    for (const sep of ["\u2028", "\u2029"]) {
      const text = `#!schema none${sep}\nport = 1\n`;
      const { root } = parseClean(text);
      assert.deepEqual(root.map((s) => [s.kind, s.name, s.argument]), [["directive", "schema", "none"], ["assignment", undefined, undefined]]);
      assert.equal(slice(text, root[0]), `#!schema none${sep}`);
    }
  });

  it("'#!' after something on the line is a trailing comment, not a directive", () => {
    const text = "a = 1 #!api\n";
    const { tree, root } = parseClean(text);
    assert.equal(tree.api, false);
    assert.equal(root.length, 1);
    assert.deepEqual(root[0].comments.map((c: J) => c.text), ["#!api"]);
  });

  it("a byte order mark before '#!api' does not hide the directive", () => {
    const text = "\ufeff#!api\n@json({ ok: true })\n";
    const { tree, root } = parseClean(text);
    assert.equal(tree.api, true);
    assert.deepEqual(root.map((s) => s.kind), ["directive", "expression"]);
    assert.equal(slice(text, root[0]), "#!api");
  });

  it("a trailing ';' after a statement is allowed and ignored", () => {
    const text = "setting_1: \"value1\";\nsetting_2 = 2;\nb { c = 1; };\nd = { e = 2 };\n";
    const { root } = parseClean(text);
    assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), ["setting_1=\"value1\"", "setting_2=2", "b.c=1", "d.e=2"]);
    // The ';' is no part of the statement or its value.
    assert.equal(slice(text, root[0]), "setting_1: \"value1\"");
  });

  it("LF, CRLF and lone CR line ends give the same statements", () => {
    const lf = "a = 1\nb {\n  c = \"x\"\n}\nd = [1,\n 2]\n";
    const expected = paths(parseClean(lf).root).map(([p, v]) => `${p}=${show(v)}`);
    for (const eol of ["\r\n", "\r"]) {
      const text = lf.replace(/\n/g, eol);
      const { tree, root } = parseClean(text);
      assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), expected);
      const c = root[1].body.statements[0];
      assert.deepEqual(tree.positionAt(c.key.start), { line: 2, character: 2 });
    }
  });
});

describe("2.1 assignment", () => {
  it("'key: value' and 'key = value' mean the same", () => {
    const text = "a: 1\nb = 1\n";
    const { root } = parseClean(text);
    assert.deepEqual(root.map((s) => [s.kind, keyName(s.key), s.separator.text, show(s.value)]), [
      ["assignment", "a", ":", "1"],
      ["assignment", "b", "=", "1"],
    ]);
    assert.equal(slice(text, root[0].separator), ":");
    assert.equal(slice(text, root[1].separator), "=");
    assert.equal(slice(text, root[1]), "b = 1");
  });

  it("an identifier key may hold '-' and '_' and digits: the key's range is the key's text", () => {
    const text = "  max-connections: 5\n_private_2 = x\n";
    const { root } = parseClean(text);
    assert.equal(keyName(root[0].key), "max-connections");
    assert.equal(slice(text, root[0].key), "max-connections");
    assert.equal(slice(text, root[0].key.segments[0]), "max-connections");
    assert.equal(root[0].key.global, false);
    assert.equal(keyName(root[1].key), "_private_2");
  });

  it("a $global key", () => {
    const text = "$app_name: \"TuskLang\"\n";
    const { root } = parseClean(text);
    assert.equal(root[0].kind, "assignment");
    assert.equal(root[0].key.global, true);
    assert.equal(root[0].key.segments[0].name, "app_name");
    assert.equal(slice(text, root[0].key), "$app_name");
    assert.equal(root[0].value.value, "TuskLang");
  });

  it("a dotted key is a path, each segment with its own range", () => {
    const text = "discovery.provider = \"consul\"\n";
    const { root } = parseClean(text);
    const key = root[0].key;
    assert.deepEqual(key.segments.map((s: J) => s.name), ["discovery", "provider"]);
    assert.deepEqual(key.segments.map((s: J) => slice(text, s)), ["discovery", "provider"]);
    assert.equal(slice(text, key), "discovery.provider");
    assert.deepEqual(paths(root).map(([p]) => p), ["discovery.provider"]);
  });

  it("a quoted key, as an object key and as a segment", () => {
    const text = "\"/api/v1/users\" = { service = \"users\" }\nroutes.\"/health\".timeout = \"1s\"\n";
    const { root } = parseClean(text);
    assert.equal(root[0].kind, "container");
    assert.equal(root[0].key.segments[0].name, "/api/v1/users");
    assert.equal(root[0].key.segments[0].quoted, true);
    assert.equal(slice(text, root[0].key), "\"/api/v1/users\"");
    assert.deepEqual(root[1].key.segments.map((s: J) => [s.name, s.quoted]), [["routes", false], ["/health", true], ["timeout", false]]);
    assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), ["/api/v1/users.service=\"users\"", "routes./health.timeout=\"1s\""]);
  });
});

describe("2.2 sections", () => {
  it("[name] and [a.b.c] on their own line; what follows belongs under them", () => {
    const text = "top = 0\n[database]\nhost = \"h\"\n[a.b.c]\nd = 1\nsub { e = 2 }\n";
    const { root } = parseClean(text);
    assert.deepEqual(root.map((s) => s.kind), ["assignment", "section", "assignment", "section", "assignment", "container"]);
    assert.equal(slice(text, root[1]), "[database]");
    assert.equal(slice(text, root[1].key), "database");
    assert.deepEqual(root[3].key.segments.map((s: J) => slice(text, s)), ["a", "b", "c"]);
    assert.deepEqual(paths(root).map(([p]) => p), ["top", "database.host", "a.b.c.d", "a.b.c.sub.e"]);
  });

  it("a section header may carry a trailing comment", () => {
    const { root } = parseClean("[server] # the web server\nport = 80\n");
    assert.equal(root[0].kind, "section");
    assert.deepEqual(root[0].comments.map((c: J) => c.text), ["# the web server"]);
  });
});

describe("2.3 blocks", () => {
  it("name { … } with its members, open and close ranges", () => {
    const text = "server {\n    host: \"0.0.0.0\"\n    port: 8080\n}\n";
    const { root } = parseClean(text);
    const c = root[0];
    assert.equal(c.kind, "container");
    assert.equal(c.style, "block");
    assert.equal(keyName(c.key), "server");
    assert.equal(c.separator, null);
    assert.equal(slice(text, c.open), "{");
    assert.equal(slice(text, c.close), "}");
    assert.equal(slice(text, c), text.trimEnd());
    assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), ["server.host=\"0.0.0.0\"", "server.port=8080"]);
  });

  it("name > … < with '>' ending the opening line and '<' alone on the closing one", () => {
    const text = "cache >\n    driver: \"redis\"\n    ttl: \"5m\"\n<\n";
    const { root } = parseClean(text);
    const c = root[0];
    assert.equal(c.style, "angle");
    assert.equal(slice(text, c.open), ">");
    assert.equal(slice(text, c.close), "<");
    assert.deepEqual(paths(root).map(([p]) => p), ["cache.driver", "cache.ttl"]);
  });

  it("dotted block names, blocks nested in blocks, and the two styles mixed", () => {
    const text = [
      "a.b {",
      "  c = 1",
      "  d {",
      "    e >",
      "      f = 2",
      "    <",
      "  }",
      "}",
      "x.y >",
      "  inner { z: 3 }",
      "<",
    ].join("\n");
    const { root } = parseClean(text);
    assert.deepEqual(root[0].key.segments.map((s: J) => slice(text, s)), ["a", "b"]);
    assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), ["a.b.c=1", "a.b.d.e.f=2", "x.y.inner.z=3"]);
    const e = root[0].body.statements[1].body.statements[0];
    assert.equal(e.style, "angle");
    assert.equal(slice(text, e.key), "e");
  });

  it("a '>' or '<' inside an expression is a comparison, never a block", () => {
    const text = [
      "enabled = count > 0",
      "small: size < 10",
      "wrapped = a >",
      "  b",
      "box >",
      "  inside = x < y",
      "<",
    ].join("\n");
    const { root } = parseClean(text);
    assert.deepEqual(root.map((s) => s.kind), ["assignment", "assignment", "assignment", "container"]);
    assert.equal(show(root[0].value), "(count > 0)");
    assert.equal(show(root[1].value), "(size < 10)");
    assert.equal(show(root[2].value), "(a > b)");
    assert.equal(show(root[3].body.statements[0].value), "(x < y)");
  });

  it("key = { … } and key: { … } objects spanning lines, at any depth", () => {
    const text = "a = {\n  b: {\n    c = {\n      d: {\n        e = 1\n      }\n    }\n  }\n}\nf: { g = 2 }\n";
    const { root } = parseClean(text);
    assert.equal(root[0].style, "object");
    assert.equal(slice(text, root[0].separator), "=");
    assert.equal(root[0].body.statements[0].separator.text, ":");
    assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), ["a.b.c.d.e=1", "f.g=2"]);
  });

  it("the microservices guide's example, verbatim", () => {
    const text = fs.readFileSync(path.join(repoRoot, "test/fixtures/microservices-guide.tsk"), "utf8");
    assert.ok(text.startsWith("microservices = {"));
    const { root } = parseClean(text);
    assert.equal(root.length, 1);
    assert.deepEqual(paths(root).map(([p, v]) => `${p} = ${show(v)}`), [
      "microservices.discovery.provider = \"consul\"",
      "microservices.discovery.endpoints = [\"http://consul1:8500\", \"http://consul2:8500\"]",
      "microservices.discovery.health_check_interval = \"10s\"",
      "microservices.discovery.retry_policy.max_attempts = 5",
      "microservices.discovery.retry_policy.backoff = \"exponential\"",
      "microservices.registry.auto_register = true",
      "microservices.registry.tags = [\"php\", \"tusklang\", \"v1\"]",
      "microservices.registry.metadata.version = \"1.0.0\"",
      "microservices.registry.metadata.region = \"us-east-1\"",
    ]);
    // Every key's range is its text.
    const retry = root[0].body.statements[0].body.statements[3];
    assert.equal(slice(text, retry.key), "retry_policy");
    assert.equal(slice(text, retry.body.statements[0].key), "max_attempts");
    assert.equal(slice(text, retry.body.statements[0].value), "5");
  });
});

describe("2.5 imports and 2.6 endpoint files", () => {
  it("@import(\"path.tsk\") and @include(\"path.tsk\") as statements", () => {
    const text = "@import(\"shared.tsk\")\n@include('./config/base.tsk')\nx = 1\n";
    const { root } = parseClean(text);
    assert.deepEqual(root.map((s) => [s.kind, s.directive, s.path]), [
      ["import", "import", "shared.tsk"],
      ["import", "include", "./config/base.tsk"],
      ["assignment", undefined, undefined],
    ]);
    assert.equal(slice(text, root[0].pathSpan), "\"shared.tsk\"");
    assert.equal(slice(text, root[0]), "@import(\"shared.tsk\")");
  });

  it("in a '#!api' file a bare expression stands as a statement", () => {
    const text = "#!api\nformat: @request.query.format || \"json\"\n@json({ ok: true, format: format })\nformat == \"html\" ? html : json\n";
    const { root } = parseClean(text);
    assert.deepEqual(root.map((s) => s.kind), ["directive", "assignment", "expression", "expression"]);
    assert.equal(show(root[2].expression), "@json({ok: true, format: format})");
    assert.equal(show(root[3].expression), "((format == \"html\") ? html : json)");
  });
});

/** The value of the only statement of `x = <value>`. */
function value(source: string): { text: string; v: J } {
  const text = `x = ${source}\n`;
  const { root } = parseClean(text);
  assert.equal(root.length, 1, `one statement in ${JSON.stringify(text)}`);
  assert.equal(root[0].kind, "assignment");
  return { text, v: root[0].value };
}

describe("3. values", () => {
  it("strings with escapes \\n \\t \\r \\\\ \\\" \\' \\uXXXX, in both quotes", () => {
    const { text, v } = value(String.raw`"a\nb\tc\rd\\e\"f\'g\u00e9h"`);
    assert.equal(v.kind, "string");
    assert.equal(v.value, "a\nb\tc\rd\\e\"f'g\u00e9h");
    assert.equal(v.quote, "\"");
    assert.equal(v.terminated, true);
    assert.equal(slice(text, v), String.raw`"a\nb\tc\rd\\e\"f\'g\u00e9h"`);
    const single = value(String.raw`'it\'s "fine"'`).v;
    assert.equal(single.value, "it's \"fine\"");
    assert.equal(single.quote, "'");
  });

  it("a backslash at the end of a line continues a string; neither it nor the line break is in the value", () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = `a = "one \\${eol}two"${eol}b = 'x\\${eol}y'${eol}c = 1${eol}`;
      const { root } = parseClean(text);
      assert.equal(root.length, 3, JSON.stringify(text));
      assert.equal(root[0].value.value, "one two");
      assert.equal(root[1].value.value, "xy");
      assert.equal(keyName(root[2].key), "c");
    }
  });

  it("\"\"\" and ''' strings span lines and keep their text as written", () => {
    const text = "description: \"\"\"\nThis is a multiline string # not a comment\nthat spans lines\n\"\"\"\nafter = 1\nraw = '''a\\nb\n'''\n";
    const { root } = parseClean(text);
    assert.equal(root[0].value.kind, "string");
    assert.equal(root[0].value.quote, "\"\"\"");
    assert.equal(root[0].value.value, "\nThis is a multiline string # not a comment\nthat spans lines\n");
    assert.equal(slice(text, root[0].value), "\"\"\"\nThis is a multiline string # not a comment\nthat spans lines\n\"\"\"");
    assert.equal(keyName(root[1].key), "after");
    assert.equal(root[2].value.quote, "'''");
    assert.equal(root[2].value.value, "a\\nb\n");
  });

  it("numbers: 42, -7, 3.14, 1e6", () => {
    for (const [source, expected] of [["42", 42], ["-7", -7], ["3.14", 3.14], ["1e6", 1e6], ["-9.81", -9.81], ["0", 0]] as const) {
      const { text, v } = value(source);
      assert.equal(v.kind, "number", source);
      assert.equal(v.value, expected, source);
      assert.equal(v.raw, source);
      assert.equal(slice(text, v), source);
    }
    // A '-' between two values is still a subtraction.
    assert.equal(show(value("5 -7").v), "(5 - 7)");
  });

  it("booleans and null, lowercase only", () => {
    assert.deepEqual([value("true").v.kind, value("true").v.value], ["boolean", true]);
    assert.deepEqual([value("false").v.kind, value("false").v.value], ["boolean", false]);
    assert.equal(value("null").v.kind, "null");
    // `TRUE` is no boolean: an unquoted word.
    assert.deepEqual([value("TRUE").v.kind, value("TRUE").v.text], ["word", "TRUE"]);
    assert.equal(value("nullable").v.kind, "word");
  });

  it("ranges: two unsigned integers joined by '-'", () => {
    const { text, v } = value("8000-9000");
    assert.deepEqual([v.kind, v.from, v.to, v.raw], ["range", 8000, 9000, "8000-9000"]);
    assert.equal(slice(text, v), "8000-9000");
    // With spaces it is a subtraction.
    assert.equal(show(value("8000 - 9000").v), "(8000 - 9000)");
  });

  it("unquoted words: plain, hyphenated, URLs, versions and durations", () => {
    for (const w of ["consul", "us-east-1", "http://consul1:8500", "https://app.example.com/x?y=1", "mongodb://localhost:27017", "1.0.0", "10s", "2024-01-01"]) {
      const { text, v } = value(w);
      assert.equal(v.kind, "word", w);
      assert.equal(v.text, w);
      assert.equal(slice(text, v), w);
    }
  });

  it("a bare word naming an earlier key is a word node (the reference is resolved later)", () => {
    const { root } = parseClean("internal_version = \"1.2\"\ndisplay_version: internal_version\n");
    assert.deepEqual([root[1].value.kind, root[1].value.text], ["word", "internal_version"]);
  });

  it("$globals as values", () => {
    const { text, v } = value("$app_name");
    assert.deepEqual([v.kind, v.name], ["global", "app_name"]);
    assert.equal(slice(text, v), "$app_name");
  });

  it("arrays on one line and over several, with commas, newlines and trailing commas", () => {
    assert.equal(show(value("[a, b, c]").v), "[a, b, c]");
    assert.equal(show(value("[]").v), "[]");
    assert.equal(show(value("[1,\n  2,\n  3,\n]").v), "[1, 2, 3]");
    assert.equal(show(value("[\n  \"a\"\n  \"b\"\n  \"c\"\n]").v), "[\"a\", \"b\", \"c\"]");
    assert.equal(show(value("[\n  [1, 2]\n  [3, 4]\n]").v), "[[1, 2], [3, 4]]");
    assert.equal(show(value("[\n  a\n  (1 + 2)\n]").v), "[a, ((1 + 2))]"); // a paren around a binary: two pairs
    const { text, v } = value("[1, [2, 3]]");
    assert.equal(slice(text, v), "[1, [2, 3]]");
    assert.equal(slice(text, v.elements[1]), "[2, 3]");
  });

  it("inline objects with commas or newlines, in arrays and calls", () => {
    assert.equal(show(value("[{ host = \"h\", port: 5432 }]").v), "[{host= \"h\", port: 5432}]");
    assert.equal(show(value("[{\n  a: 1\n  b: 2,\n}, {c: 3,}]").v), "[{a: 1, b: 2}, {c: 3}]");
    assert.equal(show(value("@json({\n  ok: true,\n  data: { items: [1, 2] }\n})").v), "@json({ok: true, data: {items: [1, 2]}})");
    const { text, v } = value("[{ \"quoted.key\": 1, a.b: 2 }]");
    const obj = v.elements[0];
    assert.deepEqual(obj.members.map((m: J) => keyName(m.key)), ["quoted.key", "a.b"]);
    assert.equal(slice(text, obj.members[0].key), "\"quoted.key\"");
  });

  it("key = { … } on one line, with commas and a trailing comma", () => {
    const { root } = parseClean("db = { host = \"h\", port: 5432, }\n");
    assert.equal(root[0].style, "object");
    assert.deepEqual(paths(root).map(([p, v]) => `${p}=${show(v)}`), ["db.host=\"h\"", "db.port=5432"]);
  });

  it("@operators with arguments and dotted names", () => {
    assert.equal(show(value("@env(\"DB_HOST\", \"localhost\")").v), "@env(\"DB_HOST\", \"localhost\")");
    assert.equal(show(value("@date(\"Y-m-d\")").v), "@date(\"Y-m-d\")");
    assert.equal(show(value("@cache(\"5m\", @query(\"SELECT 1\"))").v), "@cache(\"5m\", @query(\"SELECT 1\"))");
    assert.equal(show(value("@request.query.page").v), "@request.query.page");
    assert.equal(show(value("@request.headers.x-request-id").v), "@request.headers.x-request-id");
    assert.equal(show(value("@env(\"X\",)").v), "@env(\"X\")");
    const { text, v } = value("@env(\"DB_HOST\", \"localhost\")");
    assert.equal(v.kind, "call");
    assert.deepEqual([v.callee.kind, v.callee.name], ["operator", "env"]);
    assert.equal(slice(text, v.callee), "@env");
    assert.deepEqual(v.args.map((a: J) => slice(text, a)), ["\"DB_HOST\"", "\"localhost\""]);
  });

  it("chained calls: @query(\"Users\").where(\"active\", true).find()", () => {
    const { text, v } = value("@query(\"Users\").where(\"active\", true).find()");
    assert.equal(show(v), "@query(\"Users\").where(\"active\", true).find()");
    // call(member(call(member(call(@query), where)), find))
    assert.equal(v.kind, "call");
    assert.equal(v.args.length, 0);
    assert.equal(v.callee.kind, "member");
    assert.equal(v.callee.name, "find");
    assert.equal(slice(text, v.callee.nameSpan), "find");
    const where = v.callee.object;
    assert.equal(where.kind, "call");
    assert.equal(slice(text, where), "@query(\"Users\").where(\"active\", true)");
    assert.deepEqual(where.args.map(show), ["\"active\"", "true"]);
    assert.equal(slice(text, v), "@query(\"Users\").where(\"active\", true).find()");
  });

  it("cross-file reads: @name.tsk.get(\"a.b\")", () => {
    const { text, v } = value("@config.tsk.get(\"database.host\")");
    assert.equal(v.kind, "call");
    assert.equal(v.callee.kind, "member");
    assert.equal(v.callee.name, "get");
    assert.equal(v.callee.object.kind, "member");
    assert.equal(v.callee.object.name, "tsk");
    assert.deepEqual([v.callee.object.object.kind, v.callee.object.object.name], ["operator", "config"]);
    assert.equal(slice(text, v.args[0]), "\"database.host\"");
    assert.equal(v.args[0].value, "database.host");
  });

  it("calls without '@': a bare word directly followed by '('", () => {
    const { v } = value("env(\"HOME\")");
    assert.equal(v.kind, "call");
    assert.deepEqual([v.callee.kind, v.callee.text], ["word", "env"]);
    assert.equal(show(value("php(time())").v), "php(time())");
  });

  it("expression precedence: a || b && c == d + e * f", () => {
    assert.equal(show(value("a || b && c == d + e * f").v), "(a || (b && (c == (d + (e * f)))))");
    assert.equal(show(value("a * b + c > d - e / f % g").v), "(((a * b) + c) > (d - ((e / f) % g)))");
    assert.equal(show(value("a - b - c").v), "((a - b) - c)");
    assert.equal(show(value("a != b || c <= d && e >= f").v), "((a != b) || ((c <= d) && (e >= f)))");
    assert.equal(show(value("(a + b) * c").v), "(((a + b)) * c)");
    const { text, v } = value("a || b && c");
    assert.equal(slice(text, v), "a || b && c");
    assert.equal(slice(text, v.right), "b && c");
  });

  it("ternary, nested to the right, and over lines", () => {
    assert.equal(show(value("$env == \"production\" ? 100 : 10").v), "(($env == \"production\") ? 100 : 10)");
    assert.equal(show(value("a ? 1 : b ? 2 : 3").v), "(a ? 1 : (b ? 2 : 3))");
    assert.equal(show(value("a ?\n  1 :\n  2").v), "(a ? 1 : 2)");
  });

  it("unary operators: ! and -", () => {
    assert.equal(show(value("!a && -b").v), "((!a) && (-b))");
    assert.equal(show(value("!!enabled").v), "(!(!enabled))");
    assert.equal(show(value("-(a + 1)").v), "(-((a + 1)))");
  });

  it("'+' joins strings", () => {
    const { text, v } = value("\"/var/log/\" + $app_name + \".log\"");
    assert.equal(show(v), "((\"/var/log/\" + $app_name) + \".log\")");
    assert.equal(slice(text, v), "\"/var/log/\" + $app_name + \".log\"");
  });

  it("a binary operator at the end of a line carries the value on to the next", () => {
    assert.equal(show(value("\"a\" +\n    \"b\"").v), "(\"a\" + \"b\")");
  });

  it("indexing and members on values", () => {
    assert.equal(show(value("users.length").v), "users.length");
    assert.equal(show(value("items[0].name").v), "items[0].name");
  });
});

describe("valid files put together", () => {
  it("a file using every construct at once has no problem and every path in place", () => {
    const text = [
      "#!schema ./schemas/app.schema.json",
      "# globals",
      "$app_name: \"demo\"",
      "$environment = @env(\"APP_ENV\", \"development\")",
      "@import(\"shared.tsk\")",
      "",
      "name = $app_name + \"-svc\"; // trailing",
      "debug: $environment != \"production\"",
      "ports: 8000-9000",
      "region = us-east-1",
      "",
      "[database]",
      "host: @config.tsk.get(\"db.host\")",
      "pool {",
      "  size: $environment == \"production\" ? 20 : 2",
      "  timeouts > ",
      "    connect = \"5s\"",
      "  <",
      "}",
      "",
      "[api_gateway]",
      "routes = {",
      "  \"/api/v1/users\" = { service = \"users\", methods = [GET, POST] }",
      "}",
      "cors: {",
      "  allow_origins: [",
      "    \"*\",",
      "  ]",
      "}",
      "/* the end */",
    ].join("\n");
    const { root } = parseClean(text);
    assert.deepEqual(paths(root).map(([p]) => p), [
      "$app_name", "$environment", "name", "debug", "ports", "region",
      "database.host", "database.pool.size", "database.pool.timeouts.connect",
      "api_gateway.routes./api/v1/users.service", "api_gateway.routes./api/v1/users.methods",
      "api_gateway.cors.allow_origins",
    ]);
    assert.equal(show(valueAt(root, "api_gateway.routes./api/v1/users.methods")), "[GET, POST]");
    assert.equal(show(valueAt(root, "database.pool.size")), "(($environment == \"production\") ? 20 : 2)");
  });
});
