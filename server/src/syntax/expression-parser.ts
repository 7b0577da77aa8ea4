// The expression grammar (chevrotain, embedded actions): values, operators, calls, arrays and
// inline objects. Statements are read by statement-parser.ts, which hands this parser the
// tokens of one value at a time, newlines inside ( ) and [ ] already taken out and marked
// on the token that follows them.
import { EmbeddedActionsParser, type IToken, type IRecognitionException } from "chevrotain";
import * as T from "./tokens";
import type {
  ArgName, Expression, KeyPath, KeySegment, ObjectMember, Span, StringExpr,
} from "./nodes";
import { unquote } from "./string-value";
import { messageProvider } from "./messages";

// During chevrotain's grammar recording, rules run on placeholder tokens: read them with care.
// Their offsets are NaN, and one NaN stored in a `start` makes V8 box that field as a double in
// every node of the same shape from then on (slower, and 16 more bytes each): never store one.
const img = (t: IToken): string => t?.image ?? "";
const offset = (t: IToken): number => t?.startOffset || 0;
const end = (t: IToken): number => offset(t) + img(t).length;

/** Set by the statement parser on a token that stood first on its line. */
export interface LineToken extends IToken { afterNewline?: boolean }

// Binding power of each binary operator: higher binds tighter.
const PRECEDENCE: Record<string, number> = {
  "??": 1, "||": 2, "&&": 3, "==": 4, "!=": 4, "<": 5, ">": 5, "<=": 5, ">=": 5,
  "+": 6, "-": 6, "*": 7, "/": 7, "%": 7, "^": 8,
};
/** `2 ^ 3 ^ 2` is `2 ^ (3 ^ 2)`, as powers are read; every other operator is left-associative. */
const RIGHT_ASSOCIATIVE = new Set(["^"]);

class ExpressionParser extends EmbeddedActionsParser {
  /** Offset of the current statement's start: node offsets are relative to it. */
  base = 0;

  constructor() {
    super(T.allTokens, { maxLookahead: 2, recoveryEnabled: false, skipValidations: true, errorMessageProvider: messageProvider });
    this.performSelfAnalysis();
  }

  private span(first: IToken, last: IToken): Span {
    return { start: offset(first) - this.base, end: end(last) - this.base };
  }
  private tokSpan(t: IToken): Span { return this.span(t, t); }

  public expression = this.RULE("expression", (): Expression => {
    const test = this.SUBRULE(this.binary);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Question);
          const then = this.SUBRULE1(this.expression);
          this.CONSUME(T.Colon);
          const otherwise = this.SUBRULE2(this.expression);
          return { kind: "ternary", test, then, else: otherwise, start: test.start, end: otherwise.end } as Expression;
        },
      },
      { ALT: () => test },
    ]);
  });

  /** `a op b op c …`, folded by precedence after reading, to keep rule calls few. */
  private binary = this.RULE("binary", (): Expression => {
    const operands: Expression[] = [this.SUBRULE(this.unary)];
    const ops: string[] = [];
    this.MANY(() => {
      ops.push(this.CONSUME(T.BinaryOperator).image);
      operands.push(this.SUBRULE1(this.unary));
    });
    return ops.length === 0 ? operands[0] : foldBinary(operands, ops);
  });

  private unary = this.RULE("unary", (): Expression => {
    return this.OR([
      {
        ALT: () => {
          const op = this.OR1([
            { ALT: () => this.CONSUME(T.Bang) },
            { ALT: () => this.CONSUME(T.Minus) },
            { ALT: () => this.CONSUME(T.Plus) },
          ]);
          const operand = this.SUBRULE(this.unary);
          const start = offset(op) - this.base;
          // `-7` is a number, as the language lists it, not an operation on 7.
          if (img(op) === "-" && operand.kind === "number" && operand.start === start + 1 && !operand.raw.startsWith("-")) {
            return { kind: "number", value: -operand.value, raw: "-" + operand.raw, start, end: operand.end } as Expression;
          }
          return { kind: "unary", op: img(op), operand, start, end: operand.end } as Expression;
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  private postfix = this.RULE("postfix", (): Expression => {
    let expr = this.SUBRULE(this.primary);
    this.MANY({
      // `a[0]` and `f(x)` only directly after the value: a `[` or `(` that starts a line starts
      // the next element of a newline-separated array. (The gate must stand here: chevrotain's
      // MANY looks one token ahead without asking the gates of the alternatives inside.)
      GATE: () => {
        const next = this.LA(1) as LineToken;
        return !(next.afterNewline && (next.tokenType === T.LBracket || next.tokenType === T.LParen));
      },
      DEF: () => this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            const name = this.SUBRULE(this.memberName);
            const nameSpan = this.tokSpan(name);
            expr = { kind: "member", object: expr, name: img(name), nameSpan, start: expr.start, end: nameSpan.end };
          },
        },
        {
          ALT: () => {
            const { args, names, end } = this.SUBRULE(this.args);
            expr = names
              ? { kind: "call", callee: expr, args, names, start: expr.start, end }
              : { kind: "call", callee: expr, args, start: expr.start, end };
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            const index = this.SUBRULE(this.expression);
            const close = this.CONSUME(T.RBracket);
            expr = { kind: "index", object: expr, index, start: expr.start, end: end(close) - this.base };
          },
        },
      ]),
    });
    return expr;
  });

  private memberName = this.RULE("memberName", (): IToken => this.OR([
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.True) },
    { ALT: () => this.CONSUME(T.False) },
    { ALT: () => this.CONSUME(T.Null) },
    { ALT: () => this.CONSUME(T.NumericWord) },
    { ALT: () => this.CONSUME(T.NumberLiteral) },
  ]));

  private args = this.RULE("args", (): { args: Expression[]; names: (ArgName | null)[] | null; end: number } => {
    this.CONSUME(T.LParen);
    const args: Expression[] = [];
    let names: (ArgName | null)[] | null = null;
    // Separated by commas; a trailing comma is fine, as in arrays, but a comma alone is not.
    this.MANY(() => {
      // `algorithm: "sha256"`: a named argument, the PHP SDK's form.
      const name = this.OPTION(() => {
        const t = this.CONSUME(T.Identifier);
        this.CONSUME(T.Colon);
        return { name: img(t), ...this.tokSpan(t) };
      });
      if (name) (names ??= args.map(() => null)).push(name);
      else names?.push(null);
      args.push(this.SUBRULE(this.expression));
      // `@switch($env { production: 8, default: 2 })`, the JavaScript SDK's form: the cases
      // follow the value with no comma, and count as an argument of their own.
      this.OPTION1(() => {
        args.push(this.SUBRULE(this.object));
        names?.push(null);
      });
      this.OR([
        { ALT: () => { this.CONSUME(T.Comma); } },
        { GATE: () => this.LA(1).tokenType === T.RParen, ALT: () => undefined },
      ]);
    });
    const close = this.CONSUME(T.RParen);
    return { args, names, end: end(close) - this.base };
  });

  private primary = this.RULE("primary", (): Expression => this.OR([
    { ALT: () => this.literal(this.CONSUME(T.StringLiteral)) },
    { ALT: () => this.literal(this.CONSUME(T.NumberLiteral)) },
    { ALT: () => this.literal(this.CONSUME(T.Range)) },
    { ALT: () => this.literal(this.CONSUME(T.True)) },
    { ALT: () => this.literal(this.CONSUME(T.False)) },
    { ALT: () => this.literal(this.CONSUME(T.Null)) },
    { ALT: () => this.literal(this.CONSUME(T.Word)) },
    { ALT: () => this.literal(this.CONSUME(T.Global)) },
    { ALT: () => this.literal(this.CONSUME(T.AtName)) },
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        const expression = this.SUBRULE(this.expression);
        const close = this.CONSUME(T.RParen);
        return { kind: "paren", expression, ...this.span(open, close) } as Expression;
      },
    },
    { ALT: () => this.SUBRULE(this.array) },
    { ALT: () => this.SUBRULE(this.object) },
  ]));

  /** Elements are separated by commas or newlines; a trailing comma is fine. */
  private array = this.RULE("array", (): Expression => {
    const open = this.CONSUME(T.LBracket);
    const elements: Expression[] = [];
    this.MANY(() => {
      elements.push(this.SUBRULE(this.expression));
      this.OR([
        { ALT: () => { this.CONSUME(T.Comma); } },
        { GATE: () => this.LA(1).tokenType === T.RBracket || !!(this.LA(1) as LineToken).afterNewline, ALT: () => undefined },
      ]);
    });
    const close = this.CONSUME(T.RBracket);
    return { kind: "array", elements, ...this.span(open, close) };
  });

  /** Members are separated by commas or newlines, as in arrays. */
  private object = this.RULE("object", (): Expression => {
    const open = this.CONSUME(T.LBrace);
    const members: ObjectMember[] = [];
    this.MANY(() => {
      members.push(this.SUBRULE(this.member));
      this.OR([
        { ALT: () => { this.CONSUME(T.Comma); } },
        { GATE: () => this.LA(1).tokenType === T.RBrace || !!(this.LA(1) as LineToken).afterNewline, ALT: () => undefined },
      ]);
    });
    const close = this.CONSUME(T.RBrace);
    return { kind: "object", members, ...this.span(open, close) };
  });

  private member = this.RULE("member", (): ObjectMember => {
    const key = this.SUBRULE(this.keyPath);
    const sep = this.OR([
      { ALT: () => this.CONSUME(T.Colon) },
      { ALT: () => this.CONSUME(T.Equals) },
    ]);
    const value = this.SUBRULE(this.expression);
    return { key, separator: sep.image, value, start: key.start, end: value.end };
  });

  public keyPath = this.RULE("keyPath", (): KeyPath => {
    const segments: KeySegment[] = [this.SUBRULE(this.keySegment)];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      segments.push(this.SUBRULE1(this.keySegment));
    });
    return { segments, global: false, start: segments[0].start, end: segments[segments.length - 1].end };
  });

  private keySegment = this.RULE("keySegment", (): KeySegment => this.OR([
    {
      ALT: () => {
        const t = this.CONSUME(T.QuotedString);
        return { name: unquote(img(t)).value, quoted: true, ...this.tokSpan(t) };
      },
    },
    {
      ALT: () => {
        const t = this.SUBRULE(this.memberName);
        return { name: img(t), quoted: false, ...this.tokSpan(t) };
      },
    },
  ]));

  /** The value of a token that is a value by itself: a string, number, range, `true`, a word, `$global`, `@operator`. */
  literal(t: IToken): Expression {
    const k = t.tokenType;
    if (k === T.QuotedString || k === T.UnterminatedString) return this.stringExpr(t);
    if (k === T.NumberLiteral) return { kind: "number", value: Number(img(t)), raw: img(t), ...this.tokSpan(t) };
    if (k === T.Range) {
      const dash = img(t).indexOf("-");
      return { kind: "range", from: Number(img(t).slice(0, dash)), to: Number(img(t).slice(dash + 1)), raw: img(t), ...this.tokSpan(t) };
    }
    if (k === T.True || k === T.False) return { kind: "boolean", value: k === T.True, ...this.tokSpan(t) };
    if (k === T.Null) return { kind: "null", ...this.tokSpan(t) };
    if (k === T.Global) return { kind: "global", name: img(t).slice(1), ...this.tokSpan(t) };
    if (k === T.AtName) return { kind: "operator", name: img(t).slice(1), ...this.tokSpan(t) };
    return { kind: "word", text: img(t), ...this.tokSpan(t) };
  }

  private stringExpr(t: IToken): StringExpr {
    const { value, quote, terminated } = unquote(img(t), t.tokenType !== T.UnterminatedString);
    return { kind: "string", value, quote, terminated, ...this.tokSpan(t) };
  }
}

function foldBinary(operands: Expression[], ops: string[]): Expression {
  // Shunting-yard.
  const out: Expression[] = [operands[0]];
  const pending: string[] = [];
  const reduce = () => {
    const right = out.pop()!;
    const left = out.pop()!;
    out.push({ kind: "binary", op: pending.pop()!, left, right, start: left.start, end: right.end });
  };
  for (let i = 0; i < ops.length; i++) {
    const p = PRECEDENCE[ops[i]] ?? 0;
    const right = RIGHT_ASSOCIATIVE.has(ops[i]);
    while (pending.length > 0) {
      const q = PRECEDENCE[pending[pending.length - 1]] ?? 0;
      if (q > p || (q === p && !right)) reduce();
      else break;
    }
    pending.push(ops[i]);
    out.push(operands[i + 1]);
  }
  while (pending.length > 0) reduce();
  return out[0];
}

const parser = new ExpressionParser();

export interface ExpressionResult<T> { value: T | null; error: IRecognitionException | null }

/**
 * Parses `tokens` (all of them) as one expression. Offsets in the result are relative to
 * `base`. Never throws: a failure comes back as the first error chevrotain saw.
 */
export function parseExpression(tokens: IToken[], base: number): ExpressionResult<Expression> {
  const plain = plainValue(tokens, base);
  return plain ? { value: plain, error: null } : run(tokens, base, () => parser.expression());
}

/** Token types that are a value by themselves, read as the `primary` rule reads them. */
const LITERALS = new Set([
  T.QuotedString, T.NumberLiteral, T.Range, T.True, T.False, T.Null, T.Identifier, T.Url, T.NumericWord, T.Global, T.AtName,
]);

/**
 * Most values of a configuration are one literal (`port = 8080`) or an array of literals on one
 * line (`methods = ["GET", "POST"]`): those are read here, as the grammar reads them, without
 * the cost of running it. Anything else gives null, and the grammar reads it.
 */
function plainValue(tokens: IToken[], base: number): Expression | null {
  parser.base = base;
  if (tokens.length === 1) return LITERALS.has(tokens[0].tokenType) ? parser.literal(tokens[0]) : null;
  const open = tokens[0];
  const close = tokens[tokens.length - 1];
  if (open.tokenType !== T.LBracket || close.tokenType !== T.RBracket || (close as LineToken).afterNewline) return null;
  const elements: Expression[] = [];
  for (let i = 1; i < tokens.length - 1; i += 2) {
    const t = tokens[i] as LineToken;
    const after = tokens[i + 1] as LineToken;
    if (!LITERALS.has(t.tokenType) || t.afterNewline || after.afterNewline) return null;
    if (after.tokenType !== T.Comma && after !== close) return null;
    elements.push(parser.literal(t));
  }
  return { kind: "array", elements, start: open.startOffset - base, end: close.startOffset + close.image.length - base };
}

/** The grammar alone, without plainValue's shortcut: what the shortcut must agree with. */
export function parseExpressionWithGrammar(tokens: IToken[], base: number): ExpressionResult<Expression> {
  return run(tokens, base, () => parser.expression());
}

function run<T>(tokens: IToken[], base: number, rule: () => T): ExpressionResult<T> {
  parser.base = base;
  parser.input = tokens;
  let value: T | null = null;
  try {
    value = rule();
  } catch (e) {
    // Deep nesting is cut off before it gets here; this is the last line of defence.
    if (!(e instanceof RangeError)) throw e;
    return { value: null, error: null };
  }
  const error = parser.errors[0] ?? null;
  return { value: error ? null : value, error };
}
