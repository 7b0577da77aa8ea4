// No line of input disappears without a word (issue 11): every line with content defines a path,
// is part of a statement of several lines, or carries a diagnostic. And a line that reads as
// `key: value`, as TuskLang's parsers read every such line, is never taken into the value above
// it outside a bracket or string (after a trailing operator, say), unless a bracket, string or
// comment left open there says why.
// Property-tested on random files made of the lines people write, broken ones among them.
import { sized } from "../helpers/long-tests";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "../../server/src/syntax/syntax-tree";
import { indexPaths } from "../../server/src/paths/definitions";
import { unaccounted } from "./lost-lines";

const seed = Number(process.env.TSK_FC_SEED ?? 0x75c0de);

const LINES = [
  "name: x", "port = 8080", "ratio: 50%", "total = $a +", "x: $c ?", "  a :", "  b", "title: Hello big world", "greeting: Hello, World",
  "path: ./data/app.db", "pattern: /*.log", "glob = src/**/*.ts", "schedule: 0 */6 * * *", "color: #ff0000 # red", "lang: C#",
  "@validate.range(\"port\", 1, 65535)", "@cache.clear(\"x\")", "@if($ready, {", "  status: \"ready\"", "})", "x = @f(", "  a: 1,", ")",
  "run: |", "  echo hi", "- item", "  - nested", "database:", "  host: x", "{", "}", "\"k\": 1,", "[section]", "[a.b]", "server {",
  "db >", "<", "v = \"\"\"", "text inside", "\"\"\"", "# a comment", "// another", "/* a block", "still comment */", "@import \"b.tsk\"",
  "$my-var: 1", "w = @my-cfg.tsk.get(\"k\")", "t = $e?1:2", "s = @switch($e { a: 1, default: 2 })", "q = @query(\"U\")", "  .where(\"a\", 1)",
  "  .find()", "active: @filter($u, u => u.active)", "cfg = { a: 1,", "  b: 2 }", "a { greeting: Hello, World }", "mtls = true", "tracing = mtls",
  "", "   ", "k", "$", "@", "a = \"unterminated", ";", "a = 1; b = 2", "debug = false; verbose", "10:30", "  indented = 1",
];

describe("no line is lost without a word", () => {
  it("every line with content defines a path, is part of a statement of several lines, or carries a diagnostic", () => {
    const file = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 25 }).map((ls) => ls.join("\n") + "\n");
    fc.assert(fc.property(file, fc.boolean(), (body, api) => {
      const text = (api ? "#!api\n" : "") + body;
      const tree = parse(text);
      assert.deepEqual(unaccounted(text, tree), [], `lines lost in:\n${text}`);
    }), { seed, numRuns: sized(500, 1500), endOnFailure: true });
  });

  it("the issue's case: `ratio: 50%` keeps the `name: x` below it", () => {
    const text = "ratio: 50%\nname: x\n";
    assert.deepEqual(unaccounted(text, parse(text)), []);
    assert.deepEqual(indexPaths(parse(text)).definitions.map((d) => d.key), ["ratio", "name"]);
  });
});
