// Parse errors in words a person understands. chevrotain calls the provider while parsing
// an expression; describeParseError places the message on the token at fault.
import { EOF, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens";
import type { SyntaxProblem } from "./nodes";
import { shownText } from "./shown-text";

const NAMES = new Map<TokenType, string>([
  [T.StringLiteral, "a string"], [T.QuotedString, "a string"], [T.UnterminatedString, "a string"],
  [T.NumberLiteral, "a number"], [T.Range, "a range"], [T.Word, "a word"], [T.Identifier, "a name"],
  [T.Global, "a $global"], [T.AtName, "an @operator"], [T.Newline, "the end of the line"], [EOF, "the end of the line"],
]);

/** How a token is named in a message: its text for punctuation and words, its kind otherwise. */
export function tokenName(t: IToken | TokenType | undefined): string {
  if (t === undefined) return "the end of the line";
  if ("tokenType" in t) {
    if (t.tokenType === EOF || t.tokenType === T.Newline) return "the end of the line";
    if (t.tokenType === T.QuotedString || t.tokenType === T.UnterminatedString) return "a string";
    return `'${shownText(t.image, 20)}'`;
  }
  const named = NAMES.get(t);
  if (named) return named;
  return typeof t.PATTERN === "string" ? `'${t.PATTERN}'` : t.name;
}

const isEnd = (t: IToken | undefined) => t === undefined || t.tokenType === EOF;
const after = (previous: IToken | undefined) => (previous && !isEnd(previous) ? ` after ${tokenName(previous)}` : "");
const found = (actual: IToken | undefined) => (isEnd(actual) ? "" : `, found ${tokenName(actual)}`);

export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected === T.RParen && ruleName === "args") return `expected ',' or ')'${after(previous)}${found(actual)}`;
    if (expected === T.RBracket && ruleName === "array") return `expected ',' or ']'${after(previous)}${found(actual)}`;
    if (expected === T.RBrace && ruleName === "object") return `expected ',' or '}'${after(previous)}${found(actual)}`;
    if (expected === T.Colon && ruleName === "expression") return `expected ':' and the value for the false case${after(previous)}${found(actual)}`;
    return `expected ${tokenName(expected)}${after(previous)}${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${tokenName(firstRedundant)} after the value: one value per key, and one key per line`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    const first = actual[0];
    if (ruleName === "args") return `expected ',' or ')'${after(previous)}${found(first)}`;
    if (ruleName === "array") return `expected ',' or ']'${after(previous)}${found(first)}`;
    if (ruleName === "object") return `expected ',' or '}'${after(previous)}${found(first)}`;
    if (ruleName === "keySegment" || ruleName === "member") return `expected a key${after(previous)}${found(first)}`;
    if (ruleName === "memberName") return `expected a name${after(previous)}${found(first)}`;
    return `expected a value${after(previous)}${found(first)}`;
  },
  buildEarlyExitMessage({ actual, previous }) {
    return `expected a value${after(previous)}${found(actual[0])}`;
  },
};

/** Turns chevrotain's first error into a problem on the token at fault. */
export function describeParseError(error: IRecognitionException | null, tokens: IToken[], base: number): SyntaxProblem {
  const whole = { start: tokens[0].startOffset - base, end: (tokens[tokens.length - 1].startOffset + tokens[tokens.length - 1].image.length) - base };
  // `u => u.active`, `() => …`: the guides' JavaScript; said once, on the arrow.
  const arrow = tokens.findIndex((t, i) => t.tokenType === T.Equals && tokens[i + 1]?.tokenType === T.Gt && tokens[i + 1].startOffset === t.startOffset + 1);
  if (arrow >= 0) {
    const at = tokens[arrow].startOffset - base;
    return { start: at, end: at + 2, message: "'=>' functions are JavaScript, not TSK: no TuskLang parser reads them", code: "expected-value", severity: "error" };
  }
  if (!error) {
    // The parser gives no error only when it ran out of stack (expression-parser.ts, run).
    return { ...whole, message: "this value is nested too deeply to be read: split it into smaller parts", code: "too-deep", severity: "error" };
  }
  let at = error.token;
  if (isEnd(at)) at = (error as { previousToken?: IToken }).previousToken ?? tokens[tokens.length - 1];
  if (isEnd(at)) at = tokens[tokens.length - 1];
  const span = { start: at.startOffset - base, end: (at.startOffset + at.image.length) - base };
  const code = error.name === "NotAllInputParsedException" ? "unexpected-token" : "expected-value";
  return { ...span, message: error.message, code, severity: "error" };
}
