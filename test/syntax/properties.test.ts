// Properties that must hold for every input: the parser never throws and always returns; an
// edit applied incrementally gives exactly what a full parse gives; deep nesting and big files
// neither overflow the stack nor hang. Seed-reproducible: set TSK_FC_SEED to replay a run
// (fast-check prints the seed and path of any failure).
import { sized } from "../helpers/long-tests";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { forEachStatement, parse, toJSON, type SyntaxTree } from "../../server/src/syntax/syntax-tree";
import { applyEdit, type TextEdit } from "../../server/src/syntax/incremental";
import { lex, startsLine } from "../../server/src/syntax/tokens";
import { TokenStream } from "../../server/src/syntax/token-stream";
import { MAX_EXPRESSION_DEPTH } from "../../server/src/syntax/statement-parser";
import {
  applyToText, assertSameAsFullParse, assertSameAsFullParseFlat, corpusFile, corpusFiles, docExampleFiles, json, show, type J,
} from "./helpers";

const seed = Number(process.env.TSK_FC_SEED ?? 0x75c0de);
const runs = (n: number) => ({ seed, numRuns: sized(Math.ceil(n / 3), n), endOnFailure: true });

/** The corpus, and the doc-style examples: TSK as people write it. */
const corpus = [...corpusFiles(), ...docExampleFiles()];

/** Pieces that matter to TSK: openers, closers, quotes, comments, separators, line breaks. */
const FRAGMENTS = [
  "{", "}", "[", "]", "(", ")", "\"", "'", "\"\"\"", "'''", "/*", "*/", "#", "//", "#!api", "#!api\n", "#!schema x\n",
  "\n", "\r\n", "\r", " ", "\t", ">", "<", ">\n", "\n<\n", "[s]", "[a.b]\n", "a = ", "b: ", "c {", "d >\n", "x = {",
  "= ", ":", ",", ";", "?", ".", "@", "$", "${X:-y}", "@env(\"A\", 1)", "@f(", "$g", "- ", "-", "+", "*", "!", "&&", "||",
  "==", "1", "-7", "3.14", "1e6", "8000-9000", "true", "null", "us-east-1", "http://x:1/y", "\\", "\\\"", "\\u00e9",
  "\ufeff", "\ud800", "\udfff", "😀", "é", "\u0000", "key", "\"k\"", "\"\"\"\ntext\n\"\"\"", "@q(\"a\").w(1).f()",
  // TSK as people write it: text to the end of the line, and the reference parsers' forms.
  "Hello big world", ", World", "./data/app.db", "admin@example.com", "nginx:latest", "*.log", "0 */6 * * *", "#ff0000",
  ".5", "50%", "C#", "src/**/*.ts", "/*.log", "$my-var", "@my-cfg.tsk.get(\"k\")", "^", "??", "$e?1:2", "1: ",
  "@switch($e { a: 1, default: 2 })", "@h(algorithm: \"x\", 1)", "@import \"b.tsk\"", "@inherit \"b.tsk\"", "|", "|\n  text\n",
  "k:\n    nested: 1\n", "\n  .find()", ".where(1)", "{ \"json\": [1] }", "@validate.range(\"port\", 1, 2)\n",
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
);

/** A soup of fragments: mostly TSK-looking, often broken. */
const tskSoup = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));

/** A text that is a corpus file or a soup. */
const someText = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...corpus.map((f) => f.text)) },
  { weight: 2, arbitrary: tskSoup },
);

/** An edit somewhere in a text of length `length` (positions are scaled to fit). */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  text: fc.oneof(fc.constant(""), fragment, fc.array(fragment, { maxLength: 4 }).map((p) => p.join(""))),
});
type EditSpec = { at: number; remove: number; text: string };
const place = (length: number, e: EditSpec): TextEdit => {
  const start = Math.min(length, Math.floor(e.at * (length + 1)));
  return { start, end: Math.min(length, start + e.remove), text: e.text };
};

/** Everything a tree promises about itself, whatever the input. */
function checkTree(tree: SyntaxTree, text: string): void {
  assert.equal(tree.text, text);
  const problems = tree.problems();
  let previous = -1;
  for (const p of problems) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `problem range ${p.start}-${p.end} in ${text.length}`);
    assert.ok(p.start >= previous, "problems are sorted");
    previous = p.start;
    assert.ok(p.message.length > 0 && !p.message.includes("{line}"), `message: ${p.message}`);
    assert.ok(["error", "warning", "info", "hint"].includes(p.severity));
  }
  let last = 0;
  forEachStatement(tree.root, 0, (s, start, depth) => {
    assert.ok(start >= 0 && start + s.width <= text.length, `statement range ${start}+${s.width} in ${text.length}`);
    if (depth === 0) {
      assert.ok(start >= last, "top-level statements are in order and do not overlap");
      last = start + s.width;
    }
  });
  const end = tree.positionAt(text.length);
  assert.ok(end.line >= 0 && end.character >= 0);
}

describe("properties: the parser always returns", () => {
  it("on arbitrary strings: unicode, lone surrogates, \\r, NUL", () => {
    fc.assert(fc.property(fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.string({ maxLength: 200 }),
      fc.array(fc.constantFrom("\r", "\n", "\ud800", "\udc00", "\ufeff", "a", "{", "\"", "="), { maxLength: 50 }).map((a) => a.join("")),
    ), (text) => {
      const tree = parse(text);
      checkTree(tree, text);
      toJSON(tree);
    }), runs(2000));
  });

  it("on soups of TSK fragments", () => {
    fc.assert(fc.property(tskSoup, (text) => {
      const tree = parse(text);
      checkTree(tree, text);
      toJSON(tree);
    }), runs(2000));
  });

  it("on corpus files mutated by random insertions and deletions of TSK fragments", () => {
    fc.assert(fc.property(
      fc.constantFrom(...corpus.map((f) => f.text)),
      fc.array(editArb, { minLength: 1, maxLength: 10 }),
      (original, edits) => {
        let text = original;
        for (const e of edits) text = applyToText(text, place(text.length, e));
        const tree = parse(text);
        checkTree(tree, text);
        toJSON(tree);
      },
    ), runs(500));
  });
});

describe("properties: lexing", () => {
  const tokensOf = (stream: TokenStream, from: number): string[] => {
    const out: string[] = [];
    for (let i = from; stream.get(i) !== undefined; i++) {
      const t = stream.get(i);
      out.push(`${t.tokenType.name}@${t.startOffset}:${t.image}`);
    }
    return out;
  };
  /** Texts long enough to be lexed in several pieces, rich in tokens that span lines. */
  const longText = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...corpus.map((f) => f.text)) },
    { weight: 3, arbitrary: fc.array(fragment, { minLength: 20, maxLength: 200 }).map((parts) => parts.join("")) },
  );

  it("lexing piece by piece gives what lexing the whole text at once gives", () => {
    fc.assert(fc.property(longText, fc.boolean(), (text, atLineStart) => {
      const whole = lex(text, atLineStart).map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
      assert.deepEqual(tokensOf(new TokenStream(text, atLineStart), 0), whole);
    }), runs(1000));
  });

  it("after a string read over lines, the tokens are what lexing from its end gives", () => {
    fc.assert(fc.property(longText, fc.nat(), (text, pick) => {
      const strings = lex(text).flatMap((t, i) => (t.tokenType.name === "UnterminatedString" ? [i] : []));
      fc.pre(strings.length > 0);
      const i = strings[pick % strings.length];
      const stream = new TokenStream(text, true);
      stream.get(i + 5); // lex past the string first, as the parser's look-ahead may
      const string = stream.readOverLines(i);
      const end = string.startOffset + string.image.length;
      const rest = lex(text.slice(end), startsLine(text, end, true)).map((t) => `${t.tokenType.name}@${t.startOffset + end}:${t.image}`);
      assert.deepEqual(tokensOf(stream, i + 1), rest);
    }), runs(1000));
  });
});

describe("properties: incremental == full parse", () => {
  it("random edit sequences on corpus files and soups give the tree and problems of a full parse", () => {
    fc.assert(fc.property(someText, fc.array(editArb, { minLength: 1, maxLength: 12 }), (original, edits) => {
      let tree = parse(original);
      let text = original;
      for (const e of edits) {
        const edit = place(text.length, e);
        tree = applyEdit(tree, edit);
        text = applyToText(text, edit);
        assertSameAsFullParse(tree, text, `after ${JSON.stringify(edit)}`);
      }
    }), runs(600));
  });

  it("edits that land on the places that matter most: line starts, openers and closers", () => {
    // Edits at a random line start or next to a bracket of a corpus file, typing or deleting one fragment.
    const spots = (text: string): number[] => {
      const out: number[] = [0, text.length];
      for (let i = 0; i < text.length; i++) if ("\n{}[]()<>\"".includes(text[i])) out.push(i, i + 1);
      return out;
    };
    fc.assert(fc.property(
      fc.constantFrom(...corpus.map((f) => f.text)),
      fc.array(fc.record({ spot: fc.nat(), remove: fc.nat(2), text: fc.oneof(fc.constant(""), fc.constantFrom(...FRAGMENTS)) }), { minLength: 1, maxLength: 8 }),
      (original, edits) => {
        let tree = parse(original);
        let text = original;
        for (const e of edits) {
          const s = spots(text);
          const start = s[e.spot % s.length];
          const edit = { start, end: Math.min(text.length, start + e.remove), text: e.text };
          tree = applyEdit(tree, edit);
          text = applyToText(text, edit);
          assertSameAsFullParse(tree, text, `after ${JSON.stringify(edit)}`);
        }
      },
    ), runs(400));
  });

  it("typing a file character by character, and deleting it backwards", () => {
    for (const prefix of ["01", "02", "10", "16", "25"]) {
      const { text } = corpusFile(prefix);
      let tree = parse("");
      for (let i = 0; i < text.length; i++) {
        tree = applyEdit(tree, { start: i, end: i, text: text[i] });
        if (i % 97 === 0) assertSameAsFullParse(tree, text.slice(0, i + 1), `typing ${prefix} at ${i}`);
      }
      assertSameAsFullParse(tree, text, `typed ${prefix}`);
      for (let i = text.length; i > 0; i--) {
        tree = applyEdit(tree, { start: i - 1, end: i, text: "" });
        if (i % 89 === 0) assertSameAsFullParse(tree, text.slice(0, i - 1), `deleting ${prefix} at ${i}`);
      }
      assertSameAsFullParse(tree, "", `deleted ${prefix}`);
    }
  });

  it("regression: a '\"' after a statement that left '(' open is read as in a full parse", () => {
    // The lexer used to count brackets across statements: after `("" (}` (the statement ends
    // at '}', its '(' left open) it read the next '"' as a string in brackets, running to the
    // end of the text, where lexing again from that statement read it to the end of its line.
    // The first case is the one fast-check found (seed 0x75c0de), shrunk by hand.
    const cases: [string, TextEdit][] = [
      ["(\"\"(}\"\n\n", { start: 7, end: 8, text: "" }],
      ["x = @f(( }\ny = \"b\nz = 1\n", { start: 17, end: 17, text: "c" }],
      ["x = @f(\"a\"\nw = 1\ny = \"b\nz = 1\n", { start: 23, end: 23, text: "c" }],
    ];
    for (const [text, edit] of cases) assertSameAsFullParse(applyEdit(parse(text), edit), applyToText(text, edit), JSON.stringify(text));
  });

  it("regression: a statement left inside '[' depends on the next line, and on the token after it", () => {
    // Inside an open ( or [, the statement layer reads the next line to see whether it starts a
    // statement; `[s]` does only when nothing follows it. So 'x' depends on the text after
    // `[s]`, two statements on: an edit there must re-parse 'x' too.
    const cases: [string, TextEdit][] = [
      ["x = [1,\n[s]\nk = 1\n", { start: 11, end: 11, text: "," }],
      ["(\n[s]\n,", { start: 5, end: 5, text: "@f(" }],
    ];
    for (const [text, edit] of cases) assertSameAsFullParse(applyEdit(parse(text), edit), applyToText(text, edit), JSON.stringify(text));
  });

  it("regression: a '<' that starts the re-parsed text is not alone on its line when a '}' comes before it", () => {
    const cases: [string, TextEdit][] = [
      ["a {\n}<;\nb = 1\n", { start: 13, end: 13, text: "2" }],
      ["}<;[", { start: 3, end: 3, text: ")" }],
    ];
    for (const [text, edit] of cases) assertSameAsFullParse(applyEdit(parse(text), edit), applyToText(text, edit), JSON.stringify(text));
  });

  it("edits out of range are clamped, as the full text would be", () => {
    const text = "a = 1\nb { c = 2 }\n";
    let tree = parse(text);
    tree = applyEdit(tree, { start: 1000, end: 2000, text: "d = 3\n" });
    assertSameAsFullParse(tree, text + "d = 3\n");
    tree = applyEdit(tree, { start: -5, end: 0, text: "#!api\n" });
    assertSameAsFullParse(tree, "#!api\n" + text + "d = 3\n");
  });
});

describe("properties: deep nesting", () => {
  const N = sized(20_000, 100_000);

  /** The deepest statement nesting of a tree, without recursion. */
  const depth = (tree: SyntaxTree) => {
    let max = 0;
    forEachStatement(tree.root, 0, (_s, _start, d) => { if (d > max) max = d; });
    return max;
  };

  it(`${N} nested 'a {' blocks, unclosed and closed`, () => {
    const open = "a {\n".repeat(N);
    const tree = parse(open);
    const problems = tree.problems();
    assert.equal(problems.length, N);
    assert.ok(problems.every((p) => p.code === "unclosed-block"));
    assert.equal(problems[0].message, "'{' opened on line 1 is never closed");
    assert.equal(problems[N - 1].message, `'{' opened on line ${N} is never closed`);
    assert.equal(depth(tree), N - 1);

    const closed = open + "}\n".repeat(N);
    const ok = parse(closed);
    assert.deepEqual(ok.problems(), []);
    assert.equal(depth(ok), N - 1);
  });

  it(`${N} nested 'a >' angle blocks, unclosed and closed`, () => {
    const open = "a >\n".repeat(N);
    const problems = parse(open).problems();
    assert.equal(problems.length, N);
    assert.ok(problems.every((p) => p.code === "unclosed-block"));
    assert.equal(problems[0].message, "'>' opened on line 1 is never closed");
    const ok = parse(open + "<\n".repeat(N));
    assert.deepEqual(ok.problems(), []);
    assert.equal(depth(ok), N - 1);
  });

  it(`${N} nested 'a = {' objects, closed`, () => {
    const ok = parse("a = {\n".repeat(N) + "b = 1\n" + "}\n".repeat(N));
    assert.deepEqual(ok.problems(), []);
    assert.equal(depth(ok), N);
  });

  for (const [name, open, close] of [["[", "[", "]"], ["(", "(", ")"], ["{a: inside an array", "{a: ", "}"]] as const) {
    it(`x = ${name} … ${N} levels deep: nesting too deep, one error`, () => {
      const prefix = name.startsWith("{") ? "x = [" : "x = ";
      const suffix = name.startsWith("{") ? "]" : "";
      const unclosed = prefix + open.repeat(N);
      const closed = prefix + open.repeat(N) + "1" + close.repeat(N) + suffix;
      for (const text of [unclosed, closed]) {
        const tree = parse(text + "\ny = 2\n");
        const problems = tree.problems();
        // One error, not one per bracket: on the first bracket past the limit. Every bracket is
        // a level, the array's '[' of the "{a:" case too: that one is the 101st.
        assert.deepEqual(problems.map((p) => p.code), ["too-deep"]);
        assert.equal(problems[0].message, `nesting is too deep: more than ${MAX_EXPRESSION_DEPTH} levels of brackets`);
        const outer = prefix.endsWith("[") ? 1 : 0;
        assert.equal(problems[0].start, prefix.length + (MAX_EXPRESSION_DEPTH - outer) * open.length);
        assert.equal(text[problems[0].start], open[0]);
        // The next line still parses (an open '{' may hold it as a member, so only when closed).
        const root = json(tree).statements;
        if (text === closed || !name.startsWith("{")) assert.deepEqual(root.map((s: J) => s.key.segments[0].name), ["x", "y"]);
      }
    });
  }

  it(`x = {a: {a: … ${N} levels: objects as statements, each unclosed one reported`, () => {
    const text = "x = " + "{a: ".repeat(N);
    const problems = parse(text).problems();
    // Each '{' once, and the innermost 'a:', which has no value, once.
    assert.equal(problems.length, N + 1);
    const unclosed = problems.slice(0, N);
    assert.ok(unclosed.every((p, i) => p.code === "unclosed-block" && p.message === "'{' opened on line 1 is never closed" && p.start === 4 + 4 * i));
    assert.deepEqual(problems.slice(N).map((p) => [p.code, p.message, p.start]), [["expected-value", "expected a value after ':'", text.length - 2]]);
    const ok = parse("x = " + "{a: ".repeat(N) + "1" + "}".repeat(N));
    assert.deepEqual(ok.problems(), []);
    // x and N - 1 'a' objects hold the innermost 'a: 1'.
    assert.equal(depth(ok), N);
  });

  it(`${N} operators deep (! ! !…, a ? b : c ? …): too deep to read, one error, and the parser goes on`, () => {
    for (const value of ["!".repeat(N) + "a", "-".repeat(N) + "1", "a ? b : ".repeat(N) + "c", "a ? ".repeat(N) + "b" + " : c".repeat(N)]) {
      const tree = parse(`x = ${value}\ny = @f(1, [2]).g ? "s" : -3\n`);
      const problems = tree.problems();
      assert.deepEqual(problems.map((p) => [p.code, p.message]), [["too-deep", "this value is nested too deeply to be read: split it into smaller parts"]]);
      // The line after it parses as it would alone.
      const y = json(tree).statements[1];
      assert.equal(show(y.value), show(json(parse(`y = @f(1, [2]).g ? "s" : -3\n`)).statements[0].value));
      assert.equal(show(y.value), "(@f(1, [2]).g ? \"s\" : -3)");
    }
  });

  it("an edit at the innermost of deep nesting gives what a full parse gives", () => {
    const n = 20_000;
    const cases: [string, TextEdit][] = [
      ["a >\n".repeat(n) + "<\n".repeat(n), { start: 4 * n, end: 4 * n, text: "x" }],
      ["a {\n".repeat(n) + "}\n".repeat(n), { start: 4 * n, end: 4 * n + 1, text: "" }],
      ["a {\n".repeat(n) + "}\n".repeat(n), { start: 4 * n, end: 4 * n, text: "{" }],
      ["a {\n".repeat(n) + "}\n".repeat(n), { start: 4 * n, end: 4 * n, text: "k = 1\n" }],
    ];
    for (const [text, edit] of cases) {
      const tree = applyEdit(parse(text), edit);
      assertSameAsFullParseFlat(tree, applyToText(text, edit));
    }
  });
});

describe("properties: big inputs", () => {
  const megabytes = sized(3, 10);
  it(`a ${megabytes} MB file of valid TSK parses with no problem, and an edit in its middle matches a full parse`, () => {
    const clean = ["01", "02", "04", "06", "07", "08", "09", "15", "16", "18", "19", "22", "23", "25"].map((p) => corpusFile(p).text);
    const counts = clean.map((t) => json(parse(t)).statements.length);
    const parts: string[] = [];
    let size = 0;
    let expected = 0;
    for (let i = 0; size < megabytes * 1024 * 1024; i++) {
      const k = i % clean.length;
      parts.push(clean[k]);
      size += clean[k].length + 1;
      expected += counts[k];
    }
    const text = parts.join("\n");
    assert.ok(text.length >= megabytes * 1024 * 1024);
    const tree = parse(text);
    assert.deepEqual(tree.problems(), []);
    assert.equal(tree.root.statements.size, expected);
    const middle = text.indexOf("\n[", text.length >> 1) + 1;
    const edit = { start: middle, end: middle, text: "broken = \n" };
    const edited = applyEdit(tree, edit);
    const full = parse(applyToText(text, edit));
    assert.deepEqual(edited.problems(), full.problems());
    assert.equal(edited.problems().length, 1);
    assert.equal(edited.root.statements.size, expected + 1);
  });

  it("a single line of 1 MB parses, whatever it holds", () => {
    const M = 1 << 20;
    const lines: [string, string, (tree: SyntaxTree) => void][] = [
      ["array", "x = [" + Array.from({ length: M / 8 }, (_, i) => `"v${i}"`).join(", ") + "]", (tree) => {
        const x = tree.root.statements.get(0) as J;
        assert.equal(x.value.elements.length, M / 8);
      }],
      ["string", "x = \"" + "a".repeat(M) + "\"", (tree) => {
        assert.equal((tree.root.statements.get(0) as J).value.value.length, M);
      }],
      ["comment", "# " + "c".repeat(M), (tree) => {
        assert.equal((tree.root.statements.get(0) as J).kind, "comment");
      }],
      ["dotted member chain", "x = a" + ".b".repeat(M / 2), (tree) => {
        let e = (tree.root.statements.get(0) as J).value;
        let n = 0;
        while (e.kind === "member") { e = e.object; n++; }
        assert.equal(n, M / 2);
      }],
      ["dotted key", "a" + ".b".repeat(M / 2) + " = 1", (tree) => {
        assert.equal((tree.root.statements.get(0) as J).key.segments.length, M / 2 + 1);
      }],
      ["sum", "x = " + Array.from({ length: M / 4 }, () => "a").join(" + "), (tree) => {
        let e = (tree.root.statements.get(0) as J).value;
        let n = 0;
        while (e.kind === "binary") { e = e.left; n++; }
        assert.equal(n, M / 4 - 1);
      }],
      ["url", "x = http://h/" + "p".repeat(M), (tree) => {
        assert.equal((tree.root.statements.get(0) as J).value.kind, "word");
      }],
      ["inline object", "x = @f({" + Array.from({ length: M / 16 }, (_, i) => `key${i}: ${i}`).join(", ") + "})", (tree) => {
        assert.equal((tree.root.statements.get(0) as J).value.args[0].members.length, M / 16);
      }],
      ["object value, members on one line", "x = {" + Array.from({ length: M / 16 }, (_, i) => `key${i}: ${i}`).join(", ") + "}", (tree) => {
        const x = tree.root.statements.get(0) as J;
        assert.equal(tree.root.statements.size, 1);
        assert.deepEqual([x.kind, x.style, x.body.statements.size], ["container", "object", M / 16]);
      }],
      ["statements joined by ';'", Array.from({ length: M / 8 }, (_, i) => `k${i} = 1`).join("; "), (tree) => {
        assert.equal(tree.root.statements.size, M / 8);
      }],
    ];
    for (const [name, text, check] of lines) {
      assert.ok(text.length >= M, name);
      const tree = parse(text);
      assert.deepEqual(tree.problems(), [], name);
      check(tree);
    }
    for (const junk of ["^".repeat(M), "\"".repeat(M), "{".repeat(M), "x = " + "(".repeat(M), "@".repeat(M), "a b ".repeat(M / 4)]) {
      const tree = parse(junk);
      assert.ok(tree.problems().length > 0);
      checkTree(tree, junk);
    }
  });
});
