// Values that are one literal, or an array of literals on one line, are read without running
// the grammar (expression-parser.ts, plainValue). Whatever the tokens, the result must be the
// grammar's: the same tree, or the grammar's error when it has one.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { lex, Newline } from "../../server/src/syntax/tokens";
import { parseExpression, parseExpressionWithGrammar, type LineToken } from "../../server/src/syntax/expression-parser";

const seed = Number(process.env.TSK_FC_SEED ?? 0x75c0de);

/** The tokens of a value as the statement layer hands them over: newlines out, marked on the token after. */
function valueTokens(text: string): LineToken[] {
  const out: LineToken[] = [];
  let afterNewline = false;
  for (const t of lex(text, false)) {
    if (t.tokenType === Newline) { afterNewline = true; continue; }
    const lt = t as LineToken;
    lt.afterNewline = afterNewline;
    afterNewline = false;
    out.push(lt);
  }
  return out;
}

const LITERAL = [
  '"a"', "'b'", '"esc\\n\\u00e9"', '"unclosed', "8080", "-7", "3.14", "1e6", "8000-9000", "true", "false", "null",
  "consul", "round_robin", "us-east-1", "https://x:1/y", "10s", "$region", "@env", "v1.2",
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LITERAL) },
  { weight: 2, arbitrary: fc.constantFrom(", ", ",", "\n", " ") },
  { weight: 1, arbitrary: fc.constantFrom("[", "]", "(", ")", ".", "+", "?", ":", "{", "}", "a: 1") },
);
const value = fc.oneof(
  fc.constantFrom(...LITERAL),
  fc.array(piece, { maxLength: 12 }).map((p) => "[" + p.join("") + "]"),
  fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
);

describe("values read without the grammar", () => {
  it("are read as the grammar reads them, whatever the tokens", () => {
    fc.assert(fc.property(value, fc.nat(50), (text, base) => {
      const tokens = valueTokens(text);
      fc.pre(tokens.length > 0);
      const fast = parseExpression(tokens, base);
      const grammar = parseExpressionWithGrammar(valueTokens(text), base);
      assert.deepEqual(fast.value, grammar.value, text);
      assert.equal(fast.error === null, grammar.error === null, text);
    }), { seed, numRuns: 3000 });
  });

});
