// The syntax tree. Offsets are relative, so that an edit touches only the nodes it changes:
// - every node inside a statement has `start`/`end` relative to that statement's start;
// - statements of a body are laid end to end in a StatementList: each has a `gap` (the
//   text since the previous statement, or since the body's start) and a `width`;
// - a container's body starts at `body.start`, relative to the container statement.
// SyntaxTree (syntax-tree.ts) turns these into absolute offsets and line/column positions.
import type { StatementList } from "./statement-list";

export interface Span { start: number; end: number }

export type Severity = "error" | "warning" | "info" | "hint";

/** A problem the parser found, relative to its statement (or to the file, once collected). */
export interface SyntaxProblem extends Span {
  message: string;
  code: string;
  severity: Severity;
  /**
   * Offset (same base as start) of the place the message's `{line}` names, as in "'{' opened
   * on line {line} is never closed". The line is filled in when problems are collected, so
   * that a statement moved down by an edit needs no new message.
   */
  anchor?: number;
}

export interface KeySegment extends Span {
  /** The segment's name, unquoted: `"/api/v1"` gives `/api/v1`. */
  name: string;
  quoted: boolean;
}

/** A key as written: `port`, `$app`, `a.b.c`, `"/api/users"`. */
export interface KeyPath extends Span {
  segments: KeySegment[];
  /** `$name`: a global, not a path of the tree. */
  global: boolean;
}

export interface CommentNode extends Span {
  text: string;
  block: boolean;
}

// ---- expressions -------------------------------------------------------------------

export type Expression =
  | StringExpr | NumberExpr | BooleanExpr | NullExpr | RangeExpr | WordExpr | TextExpr | GlobalExpr
  | OperatorExpr | MemberExpr | CallExpr | IndexExpr | UnaryExpr | BinaryExpr | TernaryExpr
  | ParenExpr | ArrayExpr | ObjectExpr | ErrorExpr;

export interface StringExpr extends Span {
  kind: "string";
  value: string;
  /** The opening delimiter: `"`, `'`, `"""` or `'''`. */
  quote: string;
  terminated: boolean;
}
export interface NumberExpr extends Span { kind: "number"; value: number; raw: string }
export interface BooleanExpr extends Span { kind: "boolean"; value: boolean }
export interface NullExpr extends Span { kind: "null" }
export interface RangeExpr extends Span { kind: "range"; from: number; to: number; raw: string }
/** An unquoted word: a string, or a reference to an earlier key of the same body. */
export interface WordExpr extends Span { kind: "word"; text: string }
/**
 * A value that is no expression, read as the text to the end of its line, as TuskLang's
 * parsers read it (`title: Hello big world`, `path: ./data/app.db`): a string, kept as written.
 */
export interface TextExpr extends Span { kind: "text"; text: string }
export interface GlobalExpr extends Span { kind: "global"; name: string }
/** `@name`, the head of an operator use. */
export interface OperatorExpr extends Span { kind: "operator"; name: string }
export interface MemberExpr extends Span { kind: "member"; object: Expression; name: string; nameSpan: Span }
export interface CallExpr extends Span {
  kind: "call";
  callee: Expression;
  args: Expression[];
  /** The name of each argument, for calls with named ones (`@hash(algorithm: "sha256")`); null for the others. */
  names?: (ArgName | null)[];
}
/** `algorithm` of `algorithm: "sha256"` in a call's arguments. */
export interface ArgName extends Span { name: string }
export interface IndexExpr extends Span { kind: "index"; object: Expression; index: Expression }
export interface UnaryExpr extends Span { kind: "unary"; op: string; operand: Expression }
export interface BinaryExpr extends Span { kind: "binary"; op: string; left: Expression; right: Expression }
export interface TernaryExpr extends Span { kind: "ternary"; test: Expression; then: Expression; else: Expression }
export interface ParenExpr extends Span { kind: "paren"; expression: Expression }
export interface ArrayExpr extends Span { kind: "array"; elements: Expression[] }
export interface ObjectMember extends Span { key: KeyPath; separator: string; value: Expression }
export interface ObjectExpr extends Span { kind: "object"; members: ObjectMember[] }
/** What stands where a value could not be read; the statement's problems say why. */
export interface ErrorExpr extends Span { kind: "error" }

// ---- statements --------------------------------------------------------------------

interface StatementBase {
  /** Text between the end of the previous statement (or the body's start) and this one. */
  gap: number;
  /** Length of the statement's own text, from its first token to its last. */
  width: number;
  /** Comments inside the statement or trailing it on its last line. */
  comments: CommentNode[];
  problems: SyntaxProblem[];
}

/** `key = value` or `key: value`. */
export interface Assignment extends StatementBase {
  kind: "assignment";
  key: KeyPath;
  /** `=` or `:`; null when missing (`levels [a, b]`). */
  separator: (Span & { text: string }) | null;
  value: Expression | null;
}

/** `name { … }`, `name > … <`, `key = { … }`: four spellings of one nested body. */
export interface Container extends StatementBase {
  kind: "container";
  style: "block" | "angle" | "object";
  key: KeyPath;
  separator: (Span & { text: string }) | null;
  open: Span;
  body: Body;
  /** The closing `}` or `<`; null when the body is never closed. */
  close: Span | null;
}

/** `[a.b.c]`: what follows, up to the next header, lives under `a.b.c`. */
export interface Section extends StatementBase { kind: "section"; key: KeyPath | null }

/** `@import("x.tsk")`, `@include("x.tsk")` or `@inherit("x.tsk")` as a statement, or the same without parentheses. */
export interface Import extends StatementBase {
  kind: "import";
  directive: ImportDirective;
  path: string | null;
  pathSpan: Span | null;
  /** The call; for `@import "x.tsk"`, the `@import` alone. */
  expression: Expression;
}

export type ImportDirective = "import" | "include" | "inherit";

/** A bare expression: the response of a `#!api` file; an error elsewhere. */
export interface ExpressionStatement extends StatementBase { kind: "expression"; expression: Expression }

/** `#!api`, `#!schema ./x.json`. */
export interface Directive extends StatementBase { kind: "directive"; name: string; argument: string }

/** A comment on a line of its own. */
export interface CommentStatement extends StatementBase { kind: "comment"; comment: CommentNode }

/** Tokens that form no statement (`- item`, a stray `}`); its problems say what is wrong. */
export interface BadStatement extends StatementBase { kind: "bad" }

export type Statement =
  | Assignment | Container | Section | Import | ExpressionStatement | Directive | CommentStatement | BadStatement;

export interface Body {
  /** Where the body's content starts, relative to its container statement (0 for the file). */
  start: number;
  statements: StatementList;
}
