// The TSK lexer: chevrotain token types plus the few custom matchers (strings, directives
// that must start a line). It has no state but "does the text start a line".
import { createToken, Lexer, type IToken, type TokenType, type CustomPatternMatcherReturn } from "chevrotain";
import { shownText } from "./shown-text";

const ws = createToken({ name: "Whitespace", pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: "Newline", pattern: /\r\n|\r|\n/, line_breaks: true });

/** State the matchers read; set by lex() before each run. */
const lexState = { windowAtLineStart: true, windowBlankBefore: true };

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/**
 * Whether only white space precedes `offset` on its line in `text`, whose offset 0 has only
 * white space before it on its line when `blankAtStart`.
 */
export function blankBefore(text: string, offset: number, blankAtStart: boolean): boolean {
  let i = offset;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === 0) return blankAtStart;
  const c = text.charCodeAt(i - 1);
  return c === 10 || c === 13;
}

/**
 * Whether `offset` starts a line of `text`, whose offset 0 starts one when `textStartsLine`.
 * A byte order mark (as some editors write before `#!api`) does not move the line's start.
 */
export function startsLine(text: string, offset: number, textStartsLine: boolean): boolean {
  while (offset > 0 && text.charCodeAt(offset - 1) === 0xfeff) offset--;
  if (offset === 0) return textStartsLine;
  const c = text.charCodeAt(offset - 1);
  return c === 10 || c === 13;
}

export const Directive = createToken({
  name: "Directive",
  pattern: {
    exec: (text, offset) => {
      if (!text.startsWith("#!", offset) || !startsLine(text, offset, lexState.windowAtLineStart)) return null;
      return [text.slice(offset, lineEnd(text, offset))] as CustomPatternMatcherReturn;
    },
  },
  start_chars_hint: ["#"],
  line_breaks: false,
});
export const Comment = createToken({ name: "Comment", pattern: /(?:#|\/\/)[^\r\n]*/ });

/** `( [ , ; = :` */
const AFTER_PUNCTUATION = new Set([40, 91, 44, 59, 61, 58]);

/**
 * Where `needle` next occurs at or after `from` in `text` (-1: nowhere), remembered: the lexer
 * asks at growing offsets of one text, and a line of many `/*` must not search the rest of the
 * text once for each.
 */
class NextOf {
  private text = "";
  private from = 0;
  private at = -1;
  constructor(private readonly find: (text: string, from: number) => number) {}
  get(text: string, from: number): number {
    if (text !== this.text || from < this.from || (this.at >= 0 && this.at < from)) {
      this.text = text;
      this.from = from;
      this.at = this.find(text, from);
    }
    return this.at;
  }
}
const nextClose = new NextOf((text, from) => text.indexOf("*/", from));
const nextLineBreak = new NextOf((text, from) => {
  const n = text.indexOf("\n", from);
  const r = text.indexOf("\r", from);
  return n < 0 ? r : r < 0 ? n : Math.min(n, r);
});

/**
 * Length of the block comment at `offset`, negative when it is never closed, or 0 when `/*`
 * there opens none. A `/*` that starts its line (white space aside) opens a comment that may
 * span lines; one later on its line, after white space or `( [ , ; = :`, only when its `*&#47;`
 * is on that line; one glued to a word or `*` never: `src/**&#47;*.ts` and `pattern: /*.log`
 * are text, and an unclosed `/*` in a value must not swallow the lines below it. (Not after
 * `{`: a body starts there, and a window of the incremental parser with it.)
 */
function blockCommentAt(text: string, offset: number): number {
  if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return 0;
  const close = nextClose.get(text, offset + 2);
  if (blankBefore(text, offset, lexState.windowBlankBefore)) return close < 0 ? -(text.length - offset) : close + 2 - offset;
  const prev = offset > 0 ? text.charCodeAt(offset - 1) : -1;
  if (prev < 0 || !(isBlank(prev) || AFTER_PUNCTUATION.has(prev))) return 0;
  const end = nextLineBreak.get(text, offset);
  return close >= 0 && (end < 0 || close + 2 <= end) ? close + 2 - offset : 0;
}

export const BlockComment = createToken({
  name: "BlockComment",
  pattern: {
    exec: (text, offset) => {
      const len = blockCommentAt(text, offset);
      return len > 0 ? ([text.slice(offset, offset + len)] as CustomPatternMatcherReturn) : null;
    },
  },
  start_chars_hint: ["/"],
  line_breaks: true,
});
/** `/*` with no closing `*&#47;`, at the start of its line: runs to the end of the text; reported as an error. */
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: {
    exec: (text, offset) => {
      const len = blockCommentAt(text, offset);
      return len < 0 ? ([text.slice(offset, offset - len)] as CustomPatternMatcherReturn) : null;
    },
  },
  start_chars_hint: ["/"],
  line_breaks: true,
});

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

// Strings. Every string token is a StringLiteral by category, so the parser takes a broken
// one as a value and the statement around it still parses.
//
// The lexer reads a "…" or '…' string up to the end of its line at most, whatever comes
// before it: lexing has no state, so lexing from any statement boundary gives what lexing the
// whole text gives there (which the incremental parser relies on). Inside ( ) and [ ] a string
// may go on over lines (as in @graphql("…")); only the statement layer knows which brackets a
// statement has open, so it asks for such a string to be read again: stringOverLines.
export const StringLiteral = createToken({ name: "StringLiteral", pattern: Lexer.NA });

/** Length of a quoted string at offset, or -(length) when it is never closed. */
function scanString(text: string, offset: number, multiLine: boolean): number {
  const q = text.charCodeAt(offset);
  if (text.charCodeAt(offset + 1) === q && text.charCodeAt(offset + 2) === q) {
    const close = text.indexOf(text[offset].repeat(3), offset + 3);
    return close < 0 ? -(text.length - offset) : close + 3 - offset;
  }
  let i = offset + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === q) return i + 1 - offset;
    // An escape; a backslash before a line break (\r\n too) continues the string on the next line.
    if (c === 92 /* \ */) { i += text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2; continue; }
    if ((c === 10 || c === 13) && !multiLine) break;
    i++;
  }
  return -(Math.min(i, text.length) - offset);
}

function stringMatcher(wantTerminated: boolean) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    const c = text.charCodeAt(offset);
    if (c !== 34 && c !== 39) return null;
    const len = scanString(text, offset, false);
    if ((len > 0) !== wantTerminated) return null;
    return [text.slice(offset, offset + Math.abs(len))] as CustomPatternMatcherReturn;
  };
}
export const QuotedString = createToken({
  name: "QuotedString",
  pattern: { exec: stringMatcher(true) },
  start_chars_hint: ['"', "'"],
  line_breaks: true,
  categories: [StringLiteral],
});
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: { exec: stringMatcher(false) },
  start_chars_hint: ['"', "'"],
  line_breaks: true,
  categories: [StringLiteral],
});

/**
 * The string at `offset` read as one that may span lines, for a string inside ( or [: up to
 * its closing quote on a later line, or, never closed, to the end of the text, as an unclosed
 * """ does. (Stopping at the end of its line instead would make the token depend on there
 * being no quote anywhere further on: a quote typed far below would change it.)
 */
export function stringOverLines(text: string, offset: number): IToken {
  const len = scanString(text, offset, true);
  return makeToken(len > 0 ? QuotedString : UnterminatedString, text.slice(offset, offset + Math.abs(len)), offset);
}

export function makeToken(type: TokenType, image: string, startOffset: number): IToken {
  return { image, startOffset, endOffset: startOffset + image.length - 1, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
}

/** A bare word: identifiers, URLs, numbers-with-units; all may stand as unquoted values. */
export const Word = createToken({ name: "Word", pattern: Lexer.NA });
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_-]*/, categories: [Word] });
export const Url = createToken({
  name: "Url",
  // The scheme is bounded: unbounded, the regex would rescan a long `a.b.c…` run from every
  // word in it, which is quadratic in the run's length.
  pattern: /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s,\])}"'<>]*/,
  categories: [Word],
});
const keyword = (name: string, word: string) =>
  createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, categories: [Word] });
export const True = keyword("True", "true");
export const False = keyword("False", "false");
export const Null = keyword("Null", "null");
/** `8000-9000`: two unsigned integers joined by '-' with nothing around the dash. */
// A ':' belongs to a word that starts with a digit only between two of its characters
// (`12:30`, `1.2:3`): `$e ? 1: 2` ends the `1` at the ':' of the ternary.
export const Range = createToken({ name: "Range", pattern: /\d+-\d+(?![\w.-]|:[\w.-])/ });
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.-]|:[\w.-])/ });
/** A word starting with a digit that is no number: `1.0.0`, `10s`, `2024-01-01`, `12:30`. */
export const NumericWord = createToken({ name: "NumericWord", pattern: /\d[\w.-]*(?::[\w.-]+)*/, categories: [Word] });
/** `$name`; like a key (and the reference parsers' keys), it may hold '-' between its letters: `$my-var`. */
export const Global = createToken({ name: "Global", pattern: /\$[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/ });
/**
 * `@name`; before `.tsk` it names a file, which may hold '-' and start with a digit, as the
 * reference parsers' `@([\w-]+)\.tsk\.get` reads it: `@my-cfg.tsk.get("k")`.
 */
export const AtName = createToken({ name: "AtName", pattern: /@(?:[\w-]+(?=\.tsk(?![\w-]))|[A-Za-z_][A-Za-z0-9_]*)/ });

export const LBrace = createToken({ name: "LBrace", pattern: "{" });
export const RBrace = createToken({ name: "RBrace", pattern: "}" });
export const LBracket = createToken({ name: "LBracket", pattern: "[" });
export const RBracket = createToken({ name: "RBracket", pattern: "]" });
export const LParen = createToken({ name: "LParen", pattern: "(" });
export const RParen = createToken({ name: "RParen", pattern: ")" });
export const Comma = createToken({ name: "Comma", pattern: "," });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";" });
export const Question = createToken({ name: "Question", pattern: "?" });
export const Colon = createToken({ name: "Colon", pattern: ":" });
export const Dot = createToken({ name: "Dot", pattern: "." });

/** Every binary operator, so the parser can read `a op b op c` in one loop. */
export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA });
const op = (name: string, pattern: string) => createToken({ name, pattern, categories: [BinaryOperator] });
export const EqEq = op("EqEq", "==");
export const NotEq = op("NotEq", "!=");
export const LtEq = op("LtEq", "<=");
export const GtEq = op("GtEq", ">=");
/** `a ?? b`: b where a is null, as the guides write defaults. */
export const Coalesce = op("Coalesce", "??");
export const AndAnd = op("AndAnd", "&&");
export const OrOr = op("OrOr", "||");
export const Equals = createToken({ name: "Equals", pattern: "=" });
export const Lt = op("Lt", "<");
export const Gt = op("Gt", ">");
export const Bang = createToken({ name: "Bang", pattern: "!" });
export const Plus = op("Plus", "+");
export const Minus = op("Minus", "-");
export const Star = op("Star", "*");
export const Slash = op("Slash", "/");
export const Percent = op("Percent", "%");
/** `2 ^ 10`: a power, as the docs' `@math(…)` writes it. */
export const Caret = op("Caret", "^");

/** Characters no token matches; the lexer's errors become these, so the parser can place them. */
export const Unknown = createToken({ name: "Unknown", pattern: Lexer.NA });

/** Order matters: chevrotain takes the first pattern that matches. */
export const allTokens: TokenType[] = [
  ws, Newline, Directive, Comment, BlockComment, UnterminatedBlockComment,
  QuotedString, UnterminatedString, StringLiteral,
  Url, True, False, Null, Identifier, Word,
  Range, NumberLiteral, NumericWord, Global, AtName,
  LBrace, RBrace, LBracket, RBracket, LParen, RParen, Comma, Semicolon, Coalesce, Question, Colon, Dot,
  EqEq, NotEq, LtEq, GtEq, AndAnd, OrOr, Equals, Lt, Gt, Bang, Plus, Minus, Star, Slash, Percent, Caret, BinaryOperator,
  Unknown,
];

const lexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  skipValidations: true,
});

/**
 * Lex `text`. `atLineStart` says whether offset 0 of `text` begins a line of the document
 * (false when re-lexing a window that starts after a `;` or `,`), `blankAtStart` whether only
 * white space precedes it on its line. Never fails: characters that start no token come back
 * as Unknown tokens.
 */
export function lex(text: string, atLineStart = true, blankAtStart = atLineStart): IToken[] {
  lexState.windowAtLineStart = atLineStart;
  lexState.windowBlankBefore = blankAtStart;
  const result = lexer.tokenize(text);
  if (result.errors.length === 0) return result.tokens;
  const unknown: IToken[] = result.errors.map((e) => makeToken(Unknown, text.substr(e.offset, e.length), e.offset));
  const merged: IToken[] = [];
  let u = 0;
  for (const t of result.tokens) {
    while (u < unknown.length && unknown[u].startOffset < t.startOffset) merged.push(unknown[u++]);
    merged.push(t);
  }
  while (u < unknown.length) merged.push(unknown[u++]);
  return merged;
}

/** What to say about characters that start no token. */
export function describeUnknown(chars: string, next: string): string {
  if (chars === "$" && next === "{") return "shell-style '${…}' is not TSK: write @env(\"NAME\", default)";
  if (chars.startsWith("$")) return "'$' must be followed by a global's name, as in $app_name";
  if (chars.startsWith("@")) return "'@' must be followed by an operator's name, as in @env";
  if (chars === "|" && next === ">") return "'|>' pipes are not TSK: call the operators inside each other, as in @a(@b(x))";
  if (chars === "|") return "'|' is no operator in TSK: write a ?? b for a default, a || b for either";
  return `unexpected character${chars.length > 1 ? "s" : ""} '${shownText(chars, 12)}'`;
}
