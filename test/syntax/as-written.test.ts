// TSK as people write it (issue 11): what the reference parsers take, read as this parser reads
// it, construct by construct: the tree and the value at each path, and the problems (none, or
// exactly these). The decisions are in docs/language-reference.md.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { json, paths, problemsOf, show, valueAt, type J } from "./helpers";

/** Every path with its value shown, for text that must parse without a problem. */
function valuesOf(text: string): [string, string][] {
  assert.deepEqual(problemsOf(text), [], `problems in:\n${text}`);
  return paths(json(parse(text)).statements).map(([p, v]) => [p, show(v)]);
}

const problems = (text: string) => problemsOf(text).map((p) => [p.line, p.character, p.endLine, p.endCharacter, p.code, p.message]);

describe("as written: a value that is no expression is the text to the end of its line", () => {
  it("text with spaces and commas, at the top, in a section and in a block", () => {
    assert.deepEqual(valuesOf("title: Hello big world\ngreeting: Hello, World\n[s]\nmotto = a, b and c\napp {\n  tagline: Fast, simple, reliable\n}\n"), [
      ["title", "«Hello big world»"], ["greeting", "«Hello, World»"], ["s.motto", "«a, b and c»"], ["s.app.tagline", "«Fast, simple, reliable»"],
    ]);
  });

  it("paths, emails, images, globs, cron, ratios and percentages", () => {
    const text = "path: ./data/app.db\nlog: /var/log/app.log\nowner: admin@example.com\nimage: nginx:latest\npattern: *.log\n" +
      "sources: src/**/*.ts\nhome: ~/.config\nschedule: 0 */6 * * *\nratio: .5\nshare: 50%\nwin: C:\\data\\x\n";
    assert.deepEqual(valuesOf(text), [
      ["path", "«./data/app.db»"], ["log", "«/var/log/app.log»"], ["owner", "«admin@example.com»"], ["image", "«nginx:latest»"],
      ["pattern", "«*.log»"], ["sources", "«src/**/*.ts»"], ["home", "«~/.config»"], ["schedule", "«0 */6 * * *»"],
      ["ratio", "«.5»"], ["share", "«50%»"], ["win", "«C:\\data\\x»"],
    ]);
  });

  it("the node: kind text, the text as written, its range the text's", () => {
    const text = "greeting:   Hello,   World  \n";
    const v = json(parse(text)).statements[0].value;
    assert.deepEqual([v.kind, v.text, text.slice(v.start, v.end)], ["text", "Hello,   World", "Hello,   World"]);
  });

  it("a comment after white space ends the text and stays a comment; one glued to it is text", () => {
    const s = json(parse("file: /var/log/app.log  # rotated daily\n")).statements[0];
    assert.deepEqual([s.value.text, s.comments.map((c: J) => c.text)], ["/var/log/app.log", ["# rotated daily"]]);
    assert.deepEqual(valuesOf("lang: C#\nsite: a//b c\n"), [["lang", "«C#»"], ["site", "«a//b c»"]]);
    const c = json(parse("lang: C# # the language\n")).statements[0];
    assert.deepEqual([c.value.text, c.comments.map((x: J) => x.text)], ["C#", ["# the language"]]);
  });

  it("a colour right after the separator is a value, not a comment; a comment may follow it", () => {
    assert.deepEqual(valuesOf("primary: #ff0000\naccent = #FFF\nbg: #11223344\n"), [["primary", "«#ff0000»"], ["accent", "«#FFF»"], ["bg", "«#11223344»"]]);
    const s = json(parse("primary: #ff0000  # red\n")).statements[0];
    assert.deepEqual([s.value.text, s.comments.map((c: J) => c.text)], ["#ff0000", ["# red"]]);
    // Not a colour: the comment it always was, and the value is missing.
    assert.deepEqual(problems("x: #todo later\n"), [[0, 1, 0, 2, "expected-value", "expected a value after ':'"]]);
  });

  it("in a block, a comma ends a member only before another member; before anything else it is text", () => {
    assert.deepEqual(valuesOf("a { greeting: Hello, World }\nb { x: 1, y: 2 }\nc = { p: 1, q }\n"), [
      ["a.greeting", "«Hello, World»"], ["b.x", "1"], ["b.y", "2"], ["c.p", "«1, q»"],
    ]);
  });

  it("text ends where its body ends, and before a ';'", () => {
    assert.deepEqual(valuesOf("a { title: Hello world }\nb = x y; c = 1\n"), [["a.title", "«Hello world»"], ["b", "«x y»"], ["c", "1"]]);
  });

  it("a value that starts as only an expression does is no text: the mistake is said", () => {
    assert.deepEqual(problems("a = \"x\" y\nb = $g h\nc = @f(1) 2\nd = [1 2]\ne = env(\"X\") ?? \n"), [
      [0, 8, 0, 9, "unexpected-token", "unexpected 'y' after the value: one value per key, and one key per line"],
      [1, 7, 1, 8, "unexpected-token", "unexpected 'h' after the value: one value per key, and one key per line"],
      [2, 10, 2, 11, "unexpected-token", "unexpected '2' after the value: one value per key, and one key per line"],
      [3, 7, 3, 8, "expected-value", "expected ',' or ']' after '1', found '2'"],
      [4, 13, 4, 15, "expected-value", "expected a value after '??'"],
    ]);
    // A stray comma after a value is a mistake too, not the text "1,".
    assert.deepEqual(problems("a = 1,\n"), [[0, 5, 0, 6, "unexpected-token", "unexpected ',' after the value: one value per key, and one key per line"]]);
  });

  it("text never reaches the next line: a bracket it leaves open, or a trailing operator, stays on its line", () => {
    assert.deepEqual(valuesOf("title: Notes [draft\nname: x\n"), [["title", "«Notes [draft»"], ["name", "x"]]);
    assert.deepEqual(valuesOf("ratio: 50%\nname: x\n"), [["ratio", "«50%»"], ["name", "x"]]);
    assert.deepEqual(valuesOf("schedule: 0 */6 * * *\n# every six hours\nname: x\n"), [["schedule", "«0 */6 * * *»"], ["name", "x"]]);
  });
});

describe("as written: a statement never takes in the next line because of a trailing operator", () => {
  it("the next line starts a statement: `key =`, `key: value`, `key {`, `[section]`, a directive or a closer", () => {
    for (const next of ["name: x", "name = x", "name {\n}", "[name]", "$g = 1"]) {
      const tree = json(parse(`total = $a +\n${next}\n`));
      assert.equal(tree.statements.length, 2, next);
      assert.equal(show(tree.statements[0].value), "<error>", next);
    }
    assert.deepEqual(problems("total = $a *\nname: x\n"), [[0, 11, 0, 12, "expected-value", "expected a value after '*'"]]);
    const angle = json(parse("db >\n  ratio: $a %\n<\n")).statements[0];
    assert.equal(angle.close !== null, true, "the '<' still closes the block");
  });

  it("a line that is no statement goes on the value, as before", () => {
    assert.deepEqual(valuesOf("x = $a +\n  $b\ny: $c ?\n  a :\n  b\nz: $d ?\n  30 : 10\n"), [["x", "($a + $b)"], ["y", "($c ? a : b)"], ["z", "($d ? 30 : 10)"]]);
  });

  it("a chain of calls goes on over lines that start with '.name'", () => {
    assert.deepEqual(valuesOf("posts: @query(\"Posts\")\n    .where(\"status\", \"published\")\n    .find()\nnext = 1\n"), [
      ["posts", "@query(\"Posts\").where(\"status\", \"published\").find()"], ["next", "1"],
    ]);
  });
});

describe("as written: the reference parsers' names and operators", () => {
  it("$my-var: a global's name may hold '-' between its letters", () => {
    assert.deepEqual(valuesOf("$my-var: 1\nx = $my-var\ny = $a - 1\n"), [["$my-var", "1"], ["x", "$my-var"], ["y", "($a - 1)"]]);
  });

  it("@my-cfg.tsk.get(\"k\"): a file name may hold '-' and start with a digit", () => {
    // Elsewhere an operator's name has no '-': `@x-1` subtracts.
    assert.deepEqual(valuesOf("a = @my-cfg.tsk.get(\"k\")\nb = @2024-rates.tsk.get(\"eu\")\nc = @x-1\n"), [
      ["a", "@my-cfg.tsk.get(\"k\")"], ["b", "@2024-rates.tsk.get(\"eu\")"], ["c", "(@x - 1)"],
    ]);
  });

  it("'^' is a power, binding tighter than '*' and to the right; '??' a default, looser than everything", () => {
    assert.deepEqual(valuesOf("p = @math(2 ^ 10)\nq = 2 * 3 ^ 2 ^ 2\nr = $a ?? $b || $c\n"), [
      ["p", "@math((2 ^ 10))"], ["q", "(2 * (3 ^ (2 ^ 2)))"], ["r", "($a ?? ($b || $c))"],
    ]);
  });

  it("ternaries with or without spaces: `$e ? 1: 2`, `$e?1:2`; `12:30` is still one word", () => {
    assert.deepEqual(valuesOf("a = $e ? 1: 2\nb = $e?1:2\nc = $e?1.5:2.5\nd = @f($e?1:2)\nt = 12:30\n"), [
      ["a", "($e ? 1 : 2)"], ["b", "($e ? 1 : 2)"], ["c", "($e ? 1.5 : 2.5)"], ["d", "@f(($e ? 1 : 2))"], ["t", "12:30"],
    ]);
  });

  it("@switch($env { … }): the cases follow the value with no comma, an argument of their own", () => {
    const v = valueAt(json(parse("w = @switch($env { production: 8, default: 2 })\n")).statements, "w");
    assert.equal(show(v), "@switch($env, {production: 8, default: 2})");
    assert.equal(problemsOf("w = @switch($env { production: 8, default: 2 })\n").length, 0);
  });

  it("named arguments, the PHP SDK's form", () => {
    const v = valueAt(json(parse("h = @hash(algorithm: \"sha256\", data: $x)\nj = @job(\"W\", cron: \"0 1 * * *\")\n")).statements, "h");
    assert.equal(show(v), "@hash(algorithm: \"sha256\", data: $x)");
    assert.deepEqual(v.names.map((n: J) => n && n.name), ["algorithm", "data"]);
    assert.deepEqual(valuesOf("j = @job(\"W\", cron: \"0 1 * * *\")\n"), [["j", "@job(\"W\", cron: \"0 1 * * *\")"]]);
    // A ternary in an argument is no named argument.
    assert.deepEqual(valuesOf("k = @f(a ? b : c)\n"), [["k", "@f((a ? b : c))"]]);
  });

  it("@import, @include and @inherit, with or without parentheses, are imports", () => {
    const statements = json(parse("@import \"base.tsk\"\n@include \"db.tsk\"\n@inherit \"base-config.tsk\"\n@inherit(\"x.tsk\")\n")).statements;
    assert.deepEqual(statements.map((s: J) => [s.kind, s.directive, s.path]), [
      ["import", "import", "base.tsk"], ["import", "include", "db.tsk"], ["import", "inherit", "base-config.tsk"], ["import", "inherit", "x.tsk"],
    ]);
    assert.deepEqual(problemsOf("@import \"base.tsk\"\n"), []);
  });
});

describe("as written: what is not TSK says what to write instead", () => {
  it("YAML block text, `key: |`: an error on the line; the lines below are read on their own", () => {
    const text = "run: |\n  echo hi\nnext = 1\n";
    assert.deepEqual(problems(text), [
      [0, 5, 0, 6, "yaml-block", "'|' block text is YAML, not TSK: write the text between \"\"\" and \"\"\", as in key = \"\"\"⏎…⏎\"\"\""],
      [1, 7, 1, 9, "unexpected-token", "unexpected 'hi' after the value: one value per key, and one key per line"],
    ]);
    assert.deepEqual(paths(json(parse(text)).statements).map(([p]) => p), ["run", "next"]);
    for (const indicator of ["|-", ">", ">-", "|+"]) assert.equal(problemsOf(`x: ${indicator}\n`)[0].code, "yaml-block", indicator);
  });

  it("`key:` over indented keys, or over `- item` lines", () => {
    assert.deepEqual(problems("database:\n  host: x\n"), [[0, 8, 0, 9, "expected-value", "expected a value after ':': TSK does not nest the indented keys below by indentation; write database { … } around them"]]);
    assert.deepEqual(problems("database:\nhost: x\n"), [[0, 8, 0, 9, "expected-value", "expected a value after ':'"]]);
  });
});

describe("as written: block comments", () => {
  it("'/*' glued to text opens no comment; '/*' after a space closes on its line or is text", () => {
    // An unclosed '/*' in a value takes no line below it.
    assert.deepEqual(valuesOf("a = src/**/*.ts\nb: /*.log\nc: x\n"), [["a", "«src/**/*.ts»"], ["b", "«/*.log»"], ["c", "x"]]);
    assert.deepEqual(valuesOf("t = /* seconds */ 30\n/* over\n   lines */\nu = @f(/* none */ 1)\n"), [["t", "30"], ["u", "@f(1)"]]);
  });
});
