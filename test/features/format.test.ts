// Formatting as a user sees it: the text before and after. And what must always hold: the
// formatted text reads back to the same tree with every comment, formatting twice changes
// nothing, and white space moved around anywhere formats back to the same text.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parse, toJSON } from "../../server/src/syntax/syntax-tree";
import { applyEdits, formatDocument, type FormatOptions } from "../../server/src/features/format";
import { guideExample, repoRoot } from "../helpers/guide-example";

function format(text: string, options?: FormatOptions): string {
  const r = formatDocument(parse(text), options);
  if ("refused" in r) throw new Error(r.refused);
  return applyEdits(text, r.edits);
}

const lines = (...l: string[]) => l.join("\n") + "\n";

/** The tree without offsets, comments trimmed at the end as the formatter trims lines. */
function meaning(text: string): string {
  return JSON.stringify(toJSON(parse(text)), (k, v: unknown) => {
    if (["start", "end", "gap", "width", "anchor"].includes(k)) return undefined;
    if (k === "text" && typeof v === "string") return v.trimEnd();
    return v;
  });
}

describe("formatting", () => {
  it("indents blocks, objects and angle blocks by nesting, and spaces separators", () => {
    const before = lines(
      "microservices {",
      "  discovery   {",
      'provider="consul"   ',
      "        retry_policy={",
      "max_attempts :5",
      "}",
      "  }",
      "}",
      "resilience >",
      "circuit_breaker >",
      "   failure_threshold: 5",
      "  <",
      "<",
    );
    assert.equal(format(before), lines(
      "microservices {",
      "    discovery {",
      '        provider = "consul"',
      "        retry_policy = {",
      "            max_attempts: 5",
      "        }",
      "    }",
      "}",
      "resilience >",
      "    circuit_breaker >",
      "        failure_threshold: 5",
      "    <",
      "<",
    ));
  });

  it("lays out arrays and inline objects over several lines one member a line, closers on their own line; calls keep their lines", () => {
    const before = lines(
      "api_gateway {",
      "routes = [",
      '{ path: "/a",',
      '  service: "a" },',
      '        "b"',
      "      ]",
      'token = @env(',
      '"TOKEN"',
      ")",
      "}",
    );
    assert.equal(format(before), lines(
      "api_gateway {",
      "    routes = [",
      "        {",
      '            path: "/a",',
      '            service: "a"',
      "        },",
      '        "b"',
      "    ]",
      "    token = @env(",
      '        "TOKEN"',
      "    )",
      "}",
    ));
  });

  it("keeps sections flat, comments in place, and at most one blank line", () => {
    const before = lines(
      "",
      "# platform",
      "[security]",
      "   zero_trust = true   # on everywhere",
      "",
      "",
      "",
      "  // the mesh",
      "[service_mesh]",
      "mtls=true",
      "",
      "",
    );
    assert.equal(format(before), lines(
      "# platform",
      "[security]",
      "zero_trust = true   # on everywhere",
      "",
      "// the mesh",
      "[service_mesh]",
      "mtls = true",
    ));
  });

  it("never touches the inside of a \"\"\" string, a block comment, or a string continued over lines", () => {
    const before = lines(
      "docs {",
      'text = """',
      "   keep   ",
      '      this"""',
      "/* a",
      "      b   */",
      'motd = "one \\',
      "   two\"",
      "}",
    );
    assert.equal(format(before), lines(
      "docs {",
      '    text = """',
      "   keep   ",
      '      this"""',
      "    /* a",
      "      b   */",
      '    motd = "one \\',
      "   two\"",
      "}",
    ));
  });

  it("never changes a value read as text to the end of its line, and keeps the comments after it", () => {
    const before = lines(
      "title:Hello   big   world  ",
      "app {",
      "greeting  :  Hello,  World   # said once",
      "lang: C# # the language",
      "}",
      "schedule =   0  */6 * * *",
      "primary:#ff0000  // red",
      "glob:src/**/*.ts",
    );
    assert.equal(format(before), lines(
      "title: Hello   big   world",
      "app {",
      "    greeting: Hello,  World   # said once",
      "    lang: C# # the language",
      "}",
      "schedule = 0  */6 * * *",
      "primary: #ff0000  // red",
      "glob: src/**/*.ts",
    ));
    assert.equal(meaning(format(before)), meaning(before));
  });

  it("keeps the tree and every comment of the doc-style examples", () => {
    const dir = path.join(repoRoot, "test/fixtures/doc-examples");
    let formatted = 0;
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const r = formatDocument(parse(text));
      if ("refused" in r) continue;
      formatted++;
      const out = applyEdits(text, r.edits);
      assert.equal(meaning(out), meaning(text), f);
      assert.equal(format(out), out, f);
    }
    assert.equal(formatted, 48);
  });

  it("gives one canonical layout: a space after each comma and inside braces on one line, one member a line over several", () => {
    assert.equal(format(lines(
      'resilience = {retries = 3,timeout = "5s"',
      "}",
      "x = [1,2,  3]",
      "y = {a = 1,b = 2}",
      'z = @env( "A" ,1 )',
      "svc {  a = 1 ;b = 2  }",
      "routes = {",
      "    a = 1, b = 2   # aligned",
      "    c = 3 }",
    )), lines(
      "resilience = {",
      "    retries = 3,",
      '    timeout = "5s"',
      "}",
      "x = [1, 2, 3]",
      "y = { a = 1, b = 2 }",
      'z = @env("A", 1)',
      "svc { a = 1; b = 2 }",
      "routes = {",
      "    a = 1,",
      "    b = 2   # aligned",
      "    c = 3",
      "}",
    ));
  });

  it("indents with tabs when asked, and keeps the file's line breaks", () => {
    assert.equal(format("a {\r\nb = 1\r\n}", { tabSize: 4, insertSpaces: false }), "a {\r\n\tb = 1\r\n}\r\n");
    assert.equal(format("a {\nb = 1\n}\n", { tabSize: 2, insertSpaces: true }), "a {\n  b = 1\n}\n");
  });

  it("refuses nesting so deep that indenting it would bury the text, quickly", () => {
    const n = 100_000;
    const r = formatDocument(parse("a {\n".repeat(n) + "x = 1\n" + "}\n".repeat(n)));
    assert.ok("refused" in r);
    assert.match(r.refused, /nested 100000 levels deep/);
  });

  it("leaves a file with syntax errors alone, and says why", () => {
    const r = formatDocument(parse("a {\n  b =\n}\n"));
    assert.ok("refused" in r);
    assert.match(r.refused, /fix the syntax error first \(line 2: expected a value after '='\)/);
  });

  it("keeps the tree and every comment of the guide, the examples and the corpus, and formats them once for all", () => {
    const corpus = path.join(repoRoot, "test/fixtures/corpus");
    const texts: [string, string][] = [["guide", guideExample()]];
    for (const f of fs.readdirSync(path.join(repoRoot, "examples"))) texts.push([f, fs.readFileSync(path.join(repoRoot, "examples", f), "utf8")]);
    for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith(".tsk"))) texts.push([f, fs.readFileSync(path.join(corpus, f), "utf8")]);
    let formatted = 0;
    for (const [name, text] of texts) {
      const r = formatDocument(parse(text));
      if ("refused" in r) continue;
      formatted++;
      const out = applyEdits(text, r.edits);
      assert.equal(meaning(out), meaning(text), `${name}: the same tree`);
      assert.equal(format(out), out, `${name}: formatting again changes nothing`);
    }
    assert.ok(formatted >= 15, `${formatted} files formatted`);
  });

  it("formats white space moved around anywhere back to the same text", () => {
    const base = format(guideExample()) + format(fs.readFileSync(path.join(repoRoot, "examples/platform.tsk"), "utf8"));
    const baseLines = base.split("\n");
    const ws = fc.constantFrom("", " ", "  ", "\t", "      ");
    fc.assert(fc.property(
      fc.array(fc.tuple(ws, ws, fc.boolean()), { minLength: baseLines.length, maxLength: baseLines.length }),
      (noise) => {
        // Indentation and trailing spaces changed, blank lines doubled, spaces around '=' changed.
        const shaken = baseLines.map((l, i) => {
          const [lead, trail, more] = noise[i];
          const body = l.trim().replace(/ = /, `${trail}=${lead}`);
          return (more && body === "" ? "\n" : "") + lead + body + trail;
        }).join("\n");
        assert.equal(format(shaken), base);
      },
    ), { numRuns: 200 });
  });
});
