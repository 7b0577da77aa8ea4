// What a user sees on a mistake: the exact message, code and range (0-based line/character),
// and that one mistake costs one statement: the lines after it parse as if nothing happened.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { describe as where, json, keyName, paths, problemsOf, show, type J, type Where } from "./helpers";

/** [line, character, endLine, endCharacter, code, message] */
type Expected = [number, number, number, number, string, string];

function expectProblems(text: string, expected: Expected[]): void {
  const actual = problemsOf(text).map((p: Where) => [p.line, p.character, p.endLine, p.endCharacter, p.code, p.message]);
  assert.deepEqual(actual, expected, `problems of:\n${text}`);
}

/** The full paths of the values in `text`, to check what still parses around a mistake. */
function pathsOf(text: string): string[] {
  return paths(json(parse(text)).statements).map(([p]) => p);
}

describe("errors: message, code and range", () => {
  it("an assignment with no value: 'timeout ='", () => {
    expectProblems("timeout =\n", [[0, 8, 0, 9, "expected-value", "expected a value after '='"]]);
    expectProblems("timeout:\nnext = 1\n", [[0, 7, 0, 8, "expected-value", "expected a value after ':'"]]);
    assert.deepEqual(pathsOf("timeout:\nnext = 1\n"), ["timeout", "next"]);
    const s = json(parse("timeout =\n")).statements[0];
    assert.equal(s.kind, "assignment");
    assert.equal(s.value, null);
  });

  it("a key with no separator and no value", () => {
    expectProblems("a = 1\nname\n", [[1, 0, 1, 4, "expected-value", "'name' has no value: expected ':' or '=' and a value after it"]]);
  });

  it("a stray '}' closes nothing", () => {
    const text = "a = 1\n}\nb = 2\n";
    expectProblems(text, [[1, 0, 1, 1, "unmatched-close", "'}' closes nothing"]]);
    assert.deepEqual(pathsOf(text), ["a", "b"]);
    expectProblems("x = 1 }\n", [[0, 6, 0, 7, "unmatched-close", "'}' closes nothing"]]);
    expectProblems("a {\n  b = 1\n}\n}\n", [[3, 0, 3, 1, "unmatched-close", "'}' closes nothing"]]);
  });

  it("a stray '<' closes nothing", () => {
    expectProblems("a = 1\n<\n", [[1, 0, 1, 1, "unmatched-close", "'<' closes nothing: no '>' block is open"]]);
  });

  it("a '{' never closed is reported on the '{', naming its line", () => {
    const text = "a = 1\nserver {\n  port = 1\n";
    expectProblems(text, [[1, 7, 1, 8, "unclosed-block", "'{' opened on line 2 is never closed"]]);
    assert.deepEqual(pathsOf(text), ["a", "server.port"]);
    expectProblems("# c\n\nx = {\n  a = 1\n", [[2, 4, 2, 5, "unclosed-block", "'{' opened on line 3 is never closed"]]);
    expectProblems("cache >\n  ttl = 1\n", [[0, 6, 0, 7, "unclosed-block", "'>' opened on line 1 is never closed"]]);
  });

  it("a '}' left out of an inner block is reported on that block, where its indentation ends it", () => {
    const text = ["microservices {", "    discovery {", '        provider = "consul"', "", "    registry {", "        port = 8080", "    }", "}", ""].join("\n");
    expectProblems(text, [[1, 14, 1, 15, "unclosed-block", "'{' opened on line 2 is never closed: line 5 is indented as after it"]]);
    // A file that does not indent says nothing by its indentation: the outer block, as the braces pair.
    expectProblems("a {\nb {\nc = 1\n}\n", [[0, 2, 0, 3, "unclosed-block", "'{' opened on line 1 is never closed"]]);
    // The last block of a file left open before a key at the top.
    expectProblems("cache {\n    ttl = 1\nport = 8080\n", [[0, 6, 0, 7, "unclosed-block", "'{' opened on line 1 is never closed: line 3 is indented as after it"]]);
  });

  it("the line a message names follows the text when lines are added above", () => {
    const problems = problemsOf("\n\n\n\nblock {\n");
    assert.deepEqual(problems.map((p) => p.message), ["'{' opened on line 5 is never closed"]);
  });

  it("an unterminated string, on one line: the next line still parses", () => {
    const text = "x = \"abc\ny = 2\n";
    expectProblems(text, [[0, 4, 0, 8, "unterminated-string", "unterminated string: add the closing quote"]]);
    assert.deepEqual(pathsOf(text), ["x", "y"]);
    const x = json(parse(text)).statements[0].value;
    assert.deepEqual([x.kind, x.value, x.terminated], ["string", "abc", false]);
    expectProblems("s = 'abc\n", [[0, 4, 0, 8, "unterminated-string", "unterminated string: add the closing quote"]]);
  });

  it("an unterminated \"\"\" string runs to the end of the text, and is marked on its first line", () => {
    const text = "a = 1\nx = \"\"\"abc\ny = 2\n";
    expectProblems(text, [[1, 4, 1, 10, "unterminated-string", "unterminated string: add the closing quote"]]);
    const x = json(parse(text)).statements[1];
    assert.equal(x.value.value, "abc\ny = 2\n");
    assert.equal(x.end, text.length);
  });

  it("inside ( ) a string may span lines; one never closed runs to the end, and says so", () => {
    const ok = "page = @render(\"\n<h1 class='x'>{{title}}</h1>\n\", { title: t })\nnext = 1\n";
    expectProblems(ok, []);
    assert.deepEqual(pathsOf(ok), ["page", "next"]);
    const text = "page = @render(\"\n<h1>\nnext = 1\n";
    expectProblems(text, [
      [0, 14, 0, 15, "unclosed-bracket", "'(' opened on line 1 is never closed"],
      [0, 15, 0, 16, "unterminated-string", "unterminated string: add the closing quote"],
    ]);
  });

  it("a bracket a statement left open does not make the next statements' strings run on", () => {
    // The string may span lines only inside the brackets of its own statement: here 'x' has
    // ended (at '}', or at the line 'w = 1'), so the '"' of 'y' ends with its line.
    for (const [text, line] of [["x = @f(( }\ny = \"b\nz = 1\n", 1], ["x = @f(\"a\"\nw = 1\ny = \"b\nz = 1\n", 2]] as const) {
      const problems = problemsOf(text);
      assert.deepEqual(problems.filter((p) => p.code === "unterminated-string").map((p) => [p.line, p.character, p.endLine, p.endCharacter]), [[line, 4, line, 6]]);
      assert.deepEqual(pathsOf(text).slice(-2), ["y", "z"]);
    }
  });

  it("an unterminated /* comment", () => {
    expectProblems("a = 1\n/* never closed\nb = 2\n", [[1, 0, 1, 2, "unterminated-comment", "unterminated comment: '/*' is never closed by '*/'"]]);
  });

  it("an unclosed '(' does not swallow the lines that follow", () => {
    const text = [
      "x = @env(\"A\"",
      "y = 2",
      "server {",
      "  port = 1",
      "}",
      "[a.b]",
      "z: 3",
      "[c]",
    ].join("\n");
    expectProblems(text, [[0, 8, 0, 9, "unclosed-bracket", "'(' opened on line 1 is never closed"]]);
    assert.deepEqual(pathsOf(text), ["x", "y", "server.port", "a.b.z"]);
    const root = json(parse(text)).statements;
    assert.deepEqual(root.map((s: J) => s.kind), ["assignment", "assignment", "container", "section", "assignment", "section"]);
    assert.equal(root[0].value.kind, "error");
  });

  it("an unclosed '(' before a section header, or before the end of the text", () => {
    expectProblems("x = @f(1\n[s] # section\nk = 1\n", [[0, 6, 0, 7, "unclosed-bracket", "'(' opened on line 1 is never closed"]]);
    assert.deepEqual(pathsOf("x = @f(1\n[s] # section\nk = 1\n"), ["x", "s.k"]);
    expectProblems("x = @f(1,\n  2", [[0, 6, 0, 7, "unclosed-bracket", "'(' opened on line 1 is never closed"]]);
  });

  it("an unclosed '[' over several lines stops at the next statement", () => {
    const text = "tags = [\n  \"a\",\n  \"b\"\nname = \"x\"\n";
    expectProblems(text, [[0, 7, 0, 8, "unclosed-bracket", "'[' opened on line 1 is never closed"]]);
    assert.deepEqual(pathsOf(text), ["tags", "name"]);
  });

  it("an inline '{' inside an array that is never closed", () => {
    expectProblems("x = [{a: 1]\n", [[0, 5, 0, 6, "unclosed-bracket", "'{' opened on line 1 is never closed"]]);
  });

  it("a missing separator: 'levels [a, b]' keeps its value", () => {
    const text = "levels [debug, info]\n";
    expectProblems(text, [[0, 0, 0, 6, "expected-separator", "expected ':' or '=' between 'levels' and its value"]]);
    const s = json(parse(text)).statements[0];
    assert.equal(s.kind, "assignment");
    assert.equal(s.separator, null);
    assert.equal(show(s.value), "[debug, info]");
    expectProblems("name \"x\"\n", [[0, 0, 0, 4, "expected-separator", "expected ':' or '=' between 'name' and its value"]]);
  });

  it("YAML-style '- item' lists", () => {
    const text = "features:\n  - logging\n  - metrics\nnext = 1\n";
    expectProblems(text, [
      [0, 8, 0, 9, "expected-value", "expected a value after ':': TSK writes a list as an array, as in features = [a, b]"],
      [1, 2, 1, 11, "yaml-list", "'- item' lists are YAML, not TSK: write an array, as in key = [a, b]"],
      [2, 2, 2, 11, "yaml-list", "'- item' lists are YAML, not TSK: write an array, as in key = [a, b]"],
    ]);
    assert.deepEqual(pathsOf(text), ["features", "next"]);
  });

  it("shell-style ${VAR:-x}", () => {
    const text = "host = ${DB_HOST:-localhost}\nport = 1\n";
    expectProblems(text, [[0, 7, 0, 8, "unknown-character", "shell-style '${…}' is not TSK: write @env(\"NAME\", default)"]]);
    assert.deepEqual(pathsOf(text), ["host", "port"]);
  });

  it("'$' and '@' with no name", () => {
    expectProblems("x = $\n", [[0, 4, 0, 5, "unknown-character", "'$' must be followed by a global's name, as in $app_name"]]);
    expectProblems("x = @\n", [[0, 4, 0, 5, "unknown-character", "'@' must be followed by an operator's name, as in @env"]]);
  });

  it("a character that starts nothing, in a value that must be an expression", () => {
    expectProblems("x = $a ~ b\n", [[0, 7, 0, 8, "unknown-character", "unexpected character '~'"]]);
    expectProblems("x = @env.A|false\n", [[0, 10, 0, 11, "unknown-character", "'|' is no operator in TSK: write a ?? b for a default, a || b for either"]]);
    expectProblems("x = $a |> @trim()\n", [[0, 7, 0, 8, "unknown-character", "'|>' pipes are not TSK: call the operators inside each other, as in @a(@b(x))"]]);
  });

  it("a bare expression outside '#!api' files is no syntax error (ignored-line says TuskLang drops it)", () => {
    const text = "@cache.clear(\"x\")\nx = 1\n";
    expectProblems(text, []);
    assert.deepEqual(json(parse(text)).statements[0].kind, "expression");
    assert.deepEqual(pathsOf(text), ["x"]);
    expectProblems("#!api\n" + text, []);
  });

  it("JSON pasted into a file: a bare '{ … }' or '[ … ]' says what to write instead", () => {
    const text = "{\n  \"name\": \"app\",\n  \"port\": 8080\n}\nx = 1\n";
    expectProblems(text, [[0, 0, 3, 1, "json-document", "a '{ … }' standing alone is JSON, not TSK: write its members as keys (name = value), or give it a key, as in name = { … }"]]);
    assert.deepEqual(pathsOf(text), ["x"]);
    expectProblems("[1, 2]\n", [[0, 0, 0, 6, "json-document", "a '[ … ]' standing alone sets no key: give it one, as in name = [ … ]"]]);
    // In an endpoint file it is the response.
    expectProblems("#!api\n{ \"ok\": true }\n", []);
  });

  it("a bare word on a line is a key with no value, not an expression", () => {
    expectProblems("a = 1\nresponse\n", [[1, 0, 1, 8, "expected-value", "'response' has no value: expected ':' or '=' and a value after it"]]);
  });

  it("a [section] header inside a block", () => {
    const text = "a {\n  [sec]\n  b = 1\n}\nc = 2\n";
    expectProblems(text, [[1, 2, 1, 7, "section-in-block", "a [section] header cannot stand inside a block: it must be at the top level"]]);
    assert.deepEqual(pathsOf(text), ["a.b", "c"]);
  });

  it("an empty section header", () => {
    expectProblems("[]\n", [[0, 0, 0, 2, "expected-key", "expected a section name between '[' and ']'"]]);
  });

  it("two values on one line, where the value must be an expression", () => {
    expectProblems("x = $a 2\n", [[0, 7, 0, 8, "unexpected-token", "unexpected '2' after the value: one value per key, and one key per line"]]);
    expectProblems("a = \"b\" = c\n", [[0, 8, 0, 9, "unexpected-token", "unexpected '=' after the value: one value per key, and one key per line"]]);
  });

  it("a comma at the top level is a mistake that does not take the next line with it", () => {
    const text = "a = 1,\nb = 2\n";
    expectProblems(text, [[0, 5, 0, 6, "unexpected-token", "unexpected ',' after the value: one value per key, and one key per line"]]);
    assert.deepEqual(pathsOf(text), ["a", "b"]);
  });

  it("missing separators and values inside arrays, calls and expressions", () => {
    expectProblems("x = [1 2]\n", [[0, 7, 0, 8, "expected-value", "expected ',' or ']' after '1', found '2'"]]);
    expectProblems("x = @f(a b)\n", [[0, 9, 0, 10, "expected-value", "expected ',' or ')' after 'a', found 'b'"]]);
    expectProblems("x = @f(,)\n", [[0, 7, 0, 8, "expected-value", "expected ',' or ')' after '(', found ','"]]);
    expectProblems("x = $a +\n", [[0, 7, 0, 8, "expected-value", "expected a value after '+'"]]);
    expectProblems("x = (!)\n", [[0, 6, 0, 7, "expected-value", "expected a value after '!', found ')'"]]);
    expectProblems("x: $a ? b\n", [[0, 8, 0, 9, "expected-value", "expected ':' and the value for the false case after 'b'"]]);
  });

  it("a problem inside a block is placed in absolute terms", () => {
    expectProblems("outer {\n  inner {\n    k =\n  }\n}\n", [[2, 6, 2, 7, "expected-value", "expected a value after '='"]]);
  });

  it("every problem is an error, and problems come sorted", () => {
    const tree = parse("b =\n}\nx = \"s\n- y\n");
    const problems = tree.problems();
    assert.equal(problems.length, 4);
    assert.ok(problems.every((p) => p.severity === "error"));
    assert.deepEqual(problems.map((p) => where(tree, p).line), [0, 1, 2, 3]);
  });
});

describe("errors: recovery", () => {
  it("N independent mistakes on different lines give exactly N errors, and what follows each still parses", () => {
    const lines: [string, string | null][] = [
      // [line, the key that must be in the tree after it (null: the mistake line has none)]
      ["timeout =", "timeout"],
      ["ok_1 = 1", "ok_1"],
      ["}", null],
      ["ok_2 = 2", "ok_2"],
      ["name = \"unterminated", "name"],
      ["ok_3 = 3", "ok_3"],
      ["call = @env(\"A\"", "call"],
      ["ok_4 = 4", "ok_4"],
      ["levels [a, b]", "levels"],
      ["ok_5 = 5", "ok_5"],
      ["- item", null],
      ["ok_6 = 6", "ok_6"],
      ["shell = ${HOME:-x}", "shell"],
      ["ok_7 = 7", "ok_7"],
      ["{ \"bare\": true }", null],
      ["ok_8 = 8", "ok_8"],
      ["two = $a 2", "two"],
      ["ok_9 = 9", "ok_9"],
      ["comma = 1,", "comma"],
      ["ok_10 = 10", "ok_10"],
      ["arr = [1 2]", "arr"],
      ["ok_11 = 11", "ok_11"],
      ["<", null],
      ["ok_12 = 12", "ok_12"],
      ["block {", "block.ok_13"],
      ["  [inside]", null],
      ["  ok_13 = 13", null],
      ["}", null],
      ["ok_14 = 14", "ok_14"],
    ];
    const text = lines.map(([l]) => l).join("\n") + "\n";
    // One error on each mistake's line: the 13 mistakes are on lines 0, 2, …, 22 and 25.
    const expectedLines = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 25];
    const tree = parse(text);
    const problems = tree.problems().map((p) => where(tree, p));
    assert.deepEqual(problems.map((p) => p.line), expectedLines, problems.map((p) => `${p.line}: ${p.message}`).join("\n"));
    assert.ok(problems.every((p) => p.endLine === p.line), "each error stays on its own line");
    const found = paths(json(tree).statements).map(([p]) => p);
    for (const [, key] of lines) if (key) assert.ok(found.includes(key), `${key} is in the tree: ${found.join(", ")}`);
    // The statements after the mistakes are exactly what they would be alone.
    const root = json(tree).statements;
    const ok = root.filter((s: J) => s.kind === "assignment" && keyName(s.key).startsWith("ok_"));
    assert.deepEqual(ok.map((s: J) => show(s.value)), ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "14"]);
  });

  it("a mistake inside a block costs only its line", () => {
    const text = "server {\n  host =\n  port = 8080\n  - x\n  tls { on = true }\n}\nafter = 1\n";
    const problems = problemsOf(text);
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[1, "expected-value"], [3, "yaml-list"]]);
    assert.deepEqual(pathsOf(text), ["server.host", "server.port", "server.tls.on", "after"]);
  });
});
