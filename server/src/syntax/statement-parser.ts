// Reads statements and bodies from tokens. Values go to the chevrotain expression parser;
// this layer decides where each statement ends, which is what makes recovery local: a
// mistake costs the statement it is in, and the next line parses as if nothing happened.
// Bodies are kept on an explicit stack, so 100,000 nested blocks cost no call depth.
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens";
import { TokenStream } from "./token-stream";
import type {
  Body, CommentNode, Container, Expression, ImportDirective, KeyPath, KeySegment, Severity, Span, Statement, SyntaxProblem,
} from "./nodes";
import { parseExpression, type LineToken } from "./expression-parser";
import { StatementList } from "./statement-list";
import { unquote } from "./string-value";
import { describeParseError, tokenName } from "./messages";
import { shownText } from "./shown-text";
import { colourIn, isYamlBlockIndicator, mayBeText } from "./text-value";

/** Control and bidi characters: no text a person writes holds them, so a value with one is a mistake, not text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** What a NUL outside strings and comments is told: in a text editor's buffer it is most often a UTF-16 file read as UTF-8. */
export const NUL_MESSAGE = "this text holds NUL characters: is the file UTF-16? TSK files are UTF-8";

/**
 * Deeper expression nesting than this is reported instead of parsed. The expression grammar
 * is recursive descent: near 190 levels of brackets it ran out of stack, where exactly
 * depending on how deep the caller's stack already was (the server's differs from the CLI's).
 * A limit well below that gives the same answer everywhere.
 */
export const MAX_EXPRESSION_DEPTH = 100;

export type BodyStyle = "root" | "block" | "object" | "angle";

/** Thrown when a statement runs into the end of a window that is not the end of the text. */
export class NeedMoreText extends Error {}

interface Frame {
  style: BodyStyle;
  container: Container | null;
  /** Window offset where the container statement starts (root: 0). */
  containerStart: number;
  bodyStart: number;
  statements: Statement[];
  prevStart: number;
  prevEnd: number;
  newlineSincePrev: boolean;
}

export interface BodyParseOptions {
  /** In a `#!api` file a bare expression is a statement. */
  api: boolean;
  /** False when the window ends before the text does: running into its end is then a NeedMoreText. */
  complete: boolean;
  /** Whether the window starts a line of the document (false after a `;` or `,`). Default true. */
  atLineStart?: boolean;
  /** Whether the token just before the window is a comment (when it does not start a line). */
  afterComment?: boolean;
  /**
   * Asked at each statement start in the outermost body that follows a newline: stop before
   * the statement at `offset`? Also asked with the window's length when the window ends.
   */
  stopAt?: (offset: number) => boolean;
}

export interface BodyParseResult {
  statements: Statement[];
  /** Window offset where the outermost body ends: its closer's start, or where parsing stopped. */
  end: number;
  /** The outermost body's closer, when the body was closed in the window. */
  close: Span | null;
  /** Why parsing ended. */
  reason: "eof" | "closed" | "stopped";
}

const EOF_OFFSET = Number.MAX_SAFE_INTEGER;

/**
 * Statements whose parse looked further than the token after them, with how far (from their
 * start). Kept beside the tree, not in it: it is the parser's business, for applyEdit.
 */
const reaches = new WeakMap<Statement, number>();

/** How far from its start the parse of `s` looked, when that was past the token after it. */
export function reachOf(s: Statement): number | undefined {
  return reaches.get(s);
}

function endOf(t: IToken): number { return (t.startOffset + t.image.length); }

function isKeyStart(t: IToken | undefined): boolean {
  if (!t) return false;
  const k = t.tokenType;
  return k === T.Identifier || k === T.QuotedString || k === T.Global || k === T.True || k === T.False ||
    k === T.Null || k === T.NumericWord || k === T.NumberLiteral;
}

function isCommentToken(t: IToken): boolean {
  const k = t.tokenType;
  return k === T.Comment || k === T.BlockComment || k === T.UnterminatedBlockComment;
}

/**
 * A line that ends with one of these goes on on the next line. Not `,`: outside brackets a
 * comma ends a member (in bodies) or is a mistake (at the top level), and a mistake must not
 * take the next line with it.
 */
const CONTINUATION = new Set<TokenType>([T.Question, T.Dot, T.Bang]);

/**
 * Most statements have no comment and no problem: they all share one empty list, frozen, so
 * that a push into it fails loudly; a list is replaced, not pushed into, once a statement is made.
 */
const NONE = Object.freeze([]) as unknown as never[];

function listOf<T>(items: T[]): T[] {
  return items.length === 0 ? NONE : items;
}

/** `list` with `item` at its end: the shared empty list is replaced, any other is pushed into. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

export class StatementParser {
  private pos = 0;
  private readonly tokens: TokenStream;
  /**
   * Keys, separators and literal values already made in this parse, by their offset in their
   * statement and their text, which decide every field: a configuration says `port = 8080` or
   * `timeout = "3s"` hundreds of times, and these lines share one node each (about 2 MB of a
   * 10,000-line file). Tree nodes are never changed once made (incremental.ts changes only
   * containers, comment and problem lists, which are not shared), so sharing is safe.
   */
  private readonly made = new Map<string, KeyPath | Separator | Expression>();

  /** A parser of `text`: a whole document, or a window of one (see BodyParseOptions). */
  constructor(private readonly text: string, private readonly opts: BodyParseOptions) {
    this.tokens = new TokenStream(text, opts.atLineStart ?? true);
  }

  /**
   * Parses the statements of one body starting at token `from`, until its closer, the end of
   * the window, or `stopAt`. `style` says which closer ends it.
   */
  parseBody(style: BodyStyle, bodyStart: number, from = 0): BodyParseResult {
    this.pos = from;
    const base: Frame = this.frame(style, null, 0, bodyStart);
    const stack: Frame[] = [base];
    for (;;) {
      const frame = stack[stack.length - 1];
      const t = this.tokens.get(this.pos);
      if (t === undefined) {
        if (!this.opts.complete) {
          const at = this.text.length;
          if (stack.length === 1 && frame.newlineSincePrev && this.opts.stopAt?.(at)) {
            return { statements: base.statements, end: at, close: null, reason: "stopped" };
          }
          throw new NeedMoreText();
        }
        if (stack.length === 1) return { statements: base.statements, end: EOF_OFFSET, close: null, reason: "eof" };
        this.closeFrame(stack, null);
        continue;
      }
      const k = t.tokenType;
      if (k === T.Newline) { frame.newlineSincePrev = true; this.pos++; continue; }
      if (k === T.Semicolon || (k === T.Comma && frame.style !== "root")) { this.pos++; continue; }
      if (stack.length === 1 && frame.newlineSincePrev && this.opts.stopAt?.(t.startOffset)) {
        return { statements: base.statements, end: t.startOffset, close: null, reason: "stopped" };
      }
      if (isCommentToken(t)) { this.comment(frame, t); continue; }
      if (k === T.RBrace || (k === T.Lt && this.aloneOnLine(this.pos))) {
        const closes = k === T.RBrace ? (s: BodyStyle) => s === "block" || s === "object" : (s: BodyStyle) => s === "angle";
        const target = findLast(stack, (f) => closes(f.style));
        if (target < 0) {
          this.pos++;
          this.push(frame, this.bad(t, endOf(t), k === T.RBrace ? "'}' closes nothing" : "'<' closes nothing: no '>' block is open", "unmatched-close"), t.startOffset);
          continue;
        }
        if (target === 0 && stack[0].style !== "root") {
          // The outermost body of this run is closed here: hand back to the caller.
          while (stack.length > 1) this.closeFrame(stack, null);
          return { statements: base.statements, end: t.startOffset, close: { start: t.startOffset, end: endOf(t) }, reason: "closed" };
        }
        while (stack.length - 1 > target) this.closeFrame(stack, null);
        this.pos++;
        this.closeFrame(stack, { start: t.startOffset, end: endOf(t) });
        continue;
      }
      const before = this.pos;
      this.tokens.furthest = before;
      const opened = this.statement(frame);
      if (opened) stack.push(opened);
      else if (this.pos > before && this.tokens.furthest > this.pos) {
        // It looked past the token after it (at the next line, to see whether that line
        // starts a statement): its parse depends on text up to there.
        const seen = this.tokens.get(this.tokens.furthest);
        reaches.set(frame.statements[frame.statements.length - 1], (seen ? endOf(seen) : this.text.length) - t.startOffset);
      } else if (this.pos === before) {
        // Cannot happen by design; if it ever does, losing one token beats looping forever.
        this.pos++;
        this.push(frame, this.bad(t, endOf(t), `unexpected ${tokenName(t)}`, "unexpected-token"), t.startOffset);
      }
    }
  }

  private frame(style: BodyStyle, container: Container | null, containerStart: number, bodyStart: number): Frame {
    return { style, container, containerStart, bodyStart, statements: [], prevStart: bodyStart, prevEnd: bodyStart, newlineSincePrev: true };
  }

  private push(frame: Frame, s: Statement, at: number): void {
    s.gap = at - frame.prevEnd;
    frame.statements.push(s);
    frame.prevStart = at;
    frame.prevEnd = at + s.width;
    frame.newlineSincePrev = false;
  }

  private closeFrame(stack: Frame[], close: Span | null): void {
    const frame = stack.pop()!;
    const c = frame.container!;
    const start = frame.containerStart;
    c.body.statements = new StatementList(frame.statements);
    if (close) {
      c.close = { start: close.start - start, end: close.end - start };
      c.width = close.end - start;
    } else {
      c.close = null;
      c.width = frame.prevEnd - start;
      const opener = c.style === "angle" ? "'>'" : "'{'";
      c.problems = append(c.problems, problem(c.open, `${opener} opened on line {line} is never closed`, "unclosed-block", "error", c.open.start));
    }
    this.push(stack[stack.length - 1], c, start);
  }

  private comment(frame: Frame, t: IToken): void {
    this.pos++;
    const trailing = !frame.newlineSincePrev && frame.statements.length > 0;
    if (trailing) {
      const prev = frame.statements[frame.statements.length - 1];
      const node = commentNode(t, frame.prevStart);
      prev.comments = append(prev.comments, node);
      if (t.tokenType === T.UnterminatedBlockComment) prev.problems = append(prev.problems, unterminatedComment(node.start, node.end));
      prev.width = endOf(t) - frame.prevStart;
      frame.prevEnd = endOf(t);
      return;
    }
    const node = commentNode(t, t.startOffset);
    const problems = t.tokenType === T.UnterminatedBlockComment ? [unterminatedComment(0, node.end)] : NONE;
    const s: Statement = { kind: "comment", comment: node, gap: 0, width: node.end, comments: NONE, problems };
    this.push(frame, s, t.startOffset);
  }

  /** Reads one statement at `this.pos`; returns a frame when it opens a body. */
  private statement(frame: Frame): Frame | null {
    const t = this.tokens.get(this.pos);
    const k = t.tokenType;
    const start = t.startOffset;
    if (k === T.Directive) {
      this.pos++;
      const m = /^#!\s*(\S*)\s*([\s\S]*)$/.exec(t.image)!; // [\s\S]: "." stops at U+2028
      const s: Statement = { kind: "directive", name: m[1], argument: m[2].trim(), gap: 0, width: t.image.length, comments: NONE, problems: NONE };
      this.push(frame, s, start);
      return null;
    }
    if (k === T.LBracket && this.looksLikeSection()) return this.section(frame);
    if (k === T.Minus) {
      const scan = this.scanValue(this.pos, start, frame.style !== "root");
      this.pos = scan.end;
      this.push(frame, this.bad(t, scan.last, "'- item' lists are YAML, not TSK: write an array, as in key = [a, b]", "yaml-list"), start);
      return null;
    }
    if (isKeyStart(t)) {
      const key = this.readKey(this.pos, start);
      const next = this.tokens.get(key.next);
      const nk = next?.tokenType;
      if (nk === T.Colon || nk === T.Equals) {
        const separator = this.shared(`s${next.startOffset - start}:${next.image}`, () => ({ start: next.startOffset - start, end: endOf(next) - start, text: next.image }));
        const after = this.tokens.get(key.next + 1);
        if (after?.tokenType === T.LBrace) return this.openContainer(frame, "object", key.path, separator, key.next + 1, start);
        return this.assignment(frame, key.path, separator, key.next + 1, start);
      }
      if (nk === T.LBrace) return this.openContainer(frame, "block", key.path, null, key.next, start);
      if (nk === T.Gt && this.endsStatement(key.next + 1)) return this.openContainer(frame, "angle", key.path, null, key.next, start);
      if (!key.path.global && key.path.segments.length === 1 && t.tokenType === T.Identifier && this.endsStatement(key.next) && this.opts.api) {
        return this.expressionStatement(frame, start);
      }
      if (nk === T.LBracket || nk === T.QuotedString || this.endsStatement(key.next)) {
        // `levels [debug, info]` or `name "x"`: a value with no separator; keep it, say what is missing.
        const name = shownText(key.path.segments.map((s) => s.name).join("."));
        const missing = problem(
          { start: key.path.start, end: key.path.end },
          this.endsStatement(key.next) ? `'${name}' has no value: expected ':' or '=' and a value after it` : `expected ':' or '=' between '${name}' and its value`,
          this.endsStatement(key.next) ? "expected-value" : "expected-separator",
        );
        if (this.endsStatement(key.next)) {
          this.pos = key.next;
          const width = key.path.end;
          this.push(frame, { kind: "assignment", key: key.path, separator: null, value: null, gap: 0, width, comments: NONE, problems: [missing] }, start);
          return null;
        }
        this.assignment(frame, key.path, null, key.next, start);
        const made = frame.statements[frame.statements.length - 1];
        made.problems = [missing, ...made.problems];
        return null;
      }
    }
    return this.expressionStatement(frame, start);
  }

  /** `[` starts a section header when a key and `]` follow on the same line. */
  private looksLikeSection(): boolean {
    let i = this.pos + 1;
    if (!isKeyStart(this.tokens.get(i))) return this.tokens.get(i)?.tokenType === T.RBracket;
    const key = this.readKey(i, 0);
    i = key.next;
    return this.tokens.get(i)?.tokenType === T.RBracket && this.endsStatement(i + 1);
  }

  private section(frame: Frame): null {
    const open = this.tokens.get(this.pos);
    const start = open.startOffset;
    const problems: SyntaxProblem[] = [];
    let key: KeyPath | null = null;
    let i = this.pos + 1;
    if (isKeyStart(this.tokens.get(i))) {
      const read = this.readKey(i, start);
      key = read.path;
      i = read.next;
    } else {
      problems.push(problem({ start: 0, end: endOf(this.tokens.get(i)) - start }, "expected a section name between '[' and ']'", "expected-key"));
    }
    const close = this.tokens.get(i);
    this.pos = i + 1;
    if (frame.style !== "root") {
      problems.push(problem({ start: 0, end: endOf(close) - start }, "a [section] header cannot stand inside a block: it must be at the top level", "section-in-block"));
    }
    const s: Statement = { kind: "section", key, gap: 0, width: endOf(close) - start, comments: NONE, problems: listOf(problems) };
    this.push(frame, s, start);
    return null;
  }

  private openContainer(
    frame: Frame, style: "block" | "object" | "angle", key: KeyPath,
    separator: Container["separator"], openIndex: number, start: number,
  ): Frame {
    const open = this.tokens.get(openIndex);
    const openSpan = { start: open.startOffset - start, end: endOf(open) - start };
    const c: Container = {
      kind: "container", style, key, separator, open: openSpan,
      body: { start: openSpan.end, statements: new StatementList() } as Body,
      close: null, gap: 0, width: 0, comments: NONE, problems: NONE,
    };
    this.pos = openIndex + 1;
    return this.frame(style, c, start, endOf(open));
  }

  private assignment(frame: Frame, key: KeyPath, separator: Container["separator"], valueIndex: number, start: number): null {
    let problems: SyntaxProblem[] = [];
    let comments: CommentNode[] = [];
    let value: Expression | null = null;
    let width: number;
    if (this.endsStatement(valueIndex)) {
      const colour = separator ? this.colourValue(valueIndex, start) : null;
      if (colour) {
        this.push(frame, { kind: "assignment", key, separator, ...colour, gap: 0, problems: NONE }, start);
        return null;
      }
      const sep = separator ?? key;
      problems.push(problem(sep, this.missingValue(key, separator, valueIndex), "expected-value"));
      this.pos = valueIndex;
      width = sep.end;
    } else {
      const scan = this.scanValue(valueIndex, start, frame.style !== "root");
      value = this.value(scan, start, problems);
      comments = scan.comments;
      this.pos = scan.end;
      width = scan.last - start;
      // Nesting too deep to read is a limit of this parser, not a sign of text.
      if ((problems.length > 0 || scan.glued) && separator && !problems.some((p) => p.code === "too-deep")) {
        const line = this.firstLine(valueIndex, scan.end, start);
        const first = this.tokens.get(valueIndex);
        if (line && isYamlBlockIndicator(line.tokens)) {
          // `key: |` and the indented lines below: each line below is read on its own.
          const at = { start: first.startOffset - start, end: line.textEnd - start };
          problems = [problem(at, `'${shownText(line.text)}' block text is YAML, not TSK: write the text between """ and """, as in key = """⏎…⏎"""`, "yaml-block")];
          ({ comments, width } = this.cutToLine(line, start));
          value = { kind: "error", ...at };
        } else if (line && mayBeText(first, this.tokens.get(valueIndex + 1)) && !strayComma(line.tokens) && !CONTROL.test(line.text)) {
          // Read as the reference parsers read it; `unquoted-text` (document-checks.ts) hints at quotes.
          ({ value, comments, width } = this.cutToLine(line, start));
          problems = [];
        }
      }
    }
    this.push(frame, { kind: "assignment", key, separator, value, gap: 0, width, comments: listOf(comments), problems: listOf(problems) }, start);
    return null;
  }

  /** "expected a value after ':'", and, when the next line is indented further (YAML's nesting), what TSK writes instead. */
  private missingValue(key: KeyPath, separator: Container["separator"], valueIndex: number): string {
    const said = `expected a value after '${shownText(separator?.text ?? key.segments[0].name)}'`;
    if (separator?.text !== ":" || key.global) return said;
    const name = key.segments.map((s) => s.name).join(".");
    const below = this.nextLineIndentedFurther(valueIndex);
    if (below === "list") return `${said}: TSK writes a list as an array, as in ${name} = [a, b]`;
    return below === "keys" ? `${said}: TSK does not nest the indented keys below by indentation; write ${name} { … } around them` : said;
  }

  /**
   * Whether the next line with content after token `i` is indented more than the statement that
   * starts at `this.pos`, and holds a `- item` ("list") or anything else ("keys"); null if not.
   * When what precedes the statement on its line is not in view (a window that starts after a
   * `;`), null: a full parse sees a token there, and says null too.
   */
  private nextLineIndentedFurther(i: number): "keys" | "list" | null {
    let j = i;
    while (this.tokens.get(j) !== undefined && this.tokens.get(j).tokenType !== T.Newline) j++;
    const keyToken = this.tokens.get(this.pos);
    const before = this.tokens.get(this.pos - 1);
    let keyIndent: number;
    if (before?.tokenType === T.Newline) keyIndent = keyToken.startOffset - endOf(before);
    else if (before === undefined && (this.opts.atLineStart ?? true)) keyIndent = keyToken.startOffset;
    else return null;
    while (this.tokens.get(j)?.tokenType === T.Newline) j++;
    const next = this.tokens.get(j);
    if (next === undefined && !this.opts.complete) throw new NeedMoreText();
    if (next === undefined || isCommentToken(next)) return null;
    if (next.startOffset - endOf(this.tokens.get(j - 1)) <= keyIndent) return null;
    return next.tokenType === T.Minus ? "list" : "keys";
  }

  /**
   * `color: #ff0000` (and a comment after it): the colour is a value, as the reference parsers
   * read it, though `#` starts comments.
   */
  private colourValue(valueIndex: number, start: number): { value: Expression; width: number; comments: CommentNode[] } | null {
    const t = this.tokens.get(valueIndex);
    if (t?.tokenType !== T.Comment) return null;
    const found = colourIn(t.image);
    if (!found) return null;
    this.pos = valueIndex + 1;
    const at = t.startOffset - start;
    const value: Expression = { kind: "text", text: found.colour, start: at, end: at + found.colour.length };
    const trailing = found.rest.search(/#|\/\//);
    const comments = trailing < 0 ? NONE : [{ text: found.rest.slice(trailing), block: false, start: value.end + trailing, end: endOf(t) - start }];
    return { value, width: comments.length > 0 ? endOf(t) - start : value.end, comments };
  }

  /**
   * The tokens of a value on its first line, from token `from` to the scan's end `to` or the
   * line's end, whichever comes first; with the text they cover (glued comments included,
   * comments after white space at the end left out). Null when a token runs over the line's end.
   */
  private firstLine(from: number, to: number, start: number): FirstLine | null {
    const tokens: IToken[] = [];
    let textEnd = this.tokens.get(from).startOffset;
    let lastText = -1;
    let after: CommentNode | null = null;
    let i = from;
    for (; i < to; i++) {
      const t = this.tokens.get(i);
      if (t.tokenType === T.Newline) break;
      if (/[\r\n]/.test(t.image)) return null;
      tokens.push(t);
      const glued = t.tokenType === T.Comment && tokens.length > 1 && endOf(tokens[tokens.length - 2]) === t.startOffset;
      if (!isCommentToken(t) || glued) {
        lastText = tokens.length - 1;
        textEnd = endOf(t);
      }
      if (glued) {
        // `C# # the language`: the glued `#` is text, up to a comment after white space.
        const cut = /[ \t]+(?=#|\/\/)/.exec(t.image);
        if (cut) {
          textEnd = t.startOffset + cut.index;
          const at = textEnd + cut[0].length - start;
          after = { text: t.image.slice(cut.index + cut[0].length), block: false, start: at, end: endOf(t) - start };
        }
      }
    }
    const first = this.tokens.get(from).startOffset;
    const text = this.text.slice(first, textEnd);
    const trailing = tokens.slice(lastText + 1).map((t) => commentNode(t, start));
    return { tokens: tokens.slice(0, lastText + 1), text, first, textEnd, comments: after ? [after, ...trailing] : trailing, end: i };
  }

  /** The value as the text of its first line; the lines after it are read again, on their own. */
  private cutToLine(line: FirstLine, start: number): { value: Expression; comments: CommentNode[]; width: number } {
    this.pos = line.end;
    const value = this.shared(`t${line.first - start}:${line.text}`, (): Expression => ({ kind: "text", text: line.text, start: line.first - start, end: line.textEnd - start }));
    const comments = line.comments;
    const width = (comments.length > 0 ? comments[comments.length - 1].end + start : line.textEnd) - start;
    return { value, comments: comments.length > 0 ? comments : NONE, width };
  }

  /**
   * A bare expression. In a `#!api` file it is the response; elsewhere the reference parsers
   * drop its line, which `ignored-line` (document-checks.ts) says, but for a bare `{ … }` or
   * `[ … ]`: JSON pasted into a file, an error with what to write instead.
   */
  private expressionStatement(frame: Frame, start: number): null {
    const problems: SyntaxProblem[] = [];
    const scan = this.scanValue(this.pos, start, frame.style !== "root");
    const bare = bareImportOf(scan.tokens, start);
    const expression = bare ? bare.expression : this.value(scan, start, problems);
    this.pos = scan.end;
    const width = scan.last - start;
    const imported = bare ?? importOf(expression);
    if (imported) {
      this.push(frame, { ...imported, gap: 0, width, comments: listOf(scan.comments), problems: listOf(problems) }, start);
      return null;
    }
    if (!this.opts.api && problems.length === 0 && (expression.kind === "object" || expression.kind === "array")) {
      const said = expression.kind === "object"
        ? "a '{ … }' standing alone is JSON, not TSK: write its members as keys (name = value), or give it a key, as in name = { … }"
        : "a '[ … ]' standing alone sets no key: give it one, as in name = [ … ]";
      problems.push(problem({ start: 0, end: width }, said, "json-document"));
    }
    this.push(frame, { kind: "expression", expression, gap: 0, width, comments: listOf(scan.comments), problems: listOf(problems) }, start);
    return null;
  }

  /** The node made earlier in this parse under `key`, or the one `make` makes now. */
  private shared<N extends KeyPath | Separator | Expression>(key: string, make: () => N): N {
    const known = this.made.get(key);
    if (known) return known as N;
    const node = make();
    this.made.set(key, node);
    return node;
  }

  private bad(t: IToken, end: number, message: string, code: string): Statement {
    const width = end - t.startOffset;
    return { kind: "bad", gap: 0, width, comments: NONE, problems: [problem({ start: 0, end: width }, message, code)] };
  }

  private value(scan: ValueScan, start: number, problems: SyntaxProblem[]): Expression {
    const whole = { start: scan.first - start, end: scan.last - start };
    for (const p of scan.problems) problems.push(p);
    // A string never closed is reported whether or not the value parses: it is often why not.
    let unterminated = false;
    for (const t of scan.tokens) {
      if (t.tokenType === T.UnterminatedString) {
        // Marked on its first line only: one that runs over lines may run to the end of the text.
        const first = /^[^\r\n]*/.exec(t.image)![0];
        problems.push(problem({ start: t.startOffset - start, end: t.startOffset + first.length - start }, "unterminated string: add the closing quote", "unterminated-string"));
        unterminated = true;
      }
    }
    if (scan.skipParse || scan.tokens.length === 0) return { kind: "error", ...whole };
    const result = parseExpression(scan.tokens, start);
    if (result.value) {
      const v = result.value;
      return scan.problems.length === 0 && !unterminated && isLiteralValue(v)
        ? this.shared(`v${v.start}:${this.text.slice(v.start + start, v.end + start)}`, () => v)
        : v;
    }
    // An unclosed bracket or string already explains why the value does not parse.
    if (scan.problems.length === 0 && !unterminated) problems.push(describeParseError(result.error, scan.tokens, start));
    return { kind: "error", ...whole };
  }

  /**
   * Whether the token at `i` ends a statement: a newline, `;`, `,`, `}`, a comment, or the end.
   * A `/* … *&#47;` comment is white space: what follows it decides (`a = /* s *&#47; 30`).
   */
  private endsStatement(i: number): boolean {
    while (this.tokens.get(i)?.tokenType === T.BlockComment) i++;
    const t = this.tokens.get(i);
    if (t === undefined) {
      if (!this.opts.complete) throw new NeedMoreText();
      return true;
    }
    const k = t.tokenType;
    return k === T.Newline || k === T.Semicolon || k === T.Comma || k === T.RBrace || isCommentToken(t);
  }

  /** `<` closes an angle block only when it stands alone on its line. */
  private aloneOnLine(i: number): boolean {
    const prev = this.tokens.get(i - 1);
    if (prev && prev.tokenType !== T.Newline && !isCommentToken(prev)) return false;
    // The first token of a window: what precedes the window decides.
    if (!prev && !(this.opts.atLineStart ?? true) && !this.opts.afterComment) return false;
    return this.endsStatement(i + 1);
  }

  /** A key: a word, `$global` or quoted string, then `.segment`s. */
  private readKey(i: number, start: number): { path: KeyPath; next: number } {
    const first = this.tokens.get(i);
    const global = first.tokenType === T.Global;
    const segments: KeySegment[] = [segment(first, start)];
    i++;
    while (this.tokens.get(i)?.tokenType === T.Dot && isKeyStart(this.tokens.get(i + 1)) && this.tokens.get(i + 1).tokenType !== T.Global) {
      segments.push(segment(this.tokens.get(i + 1), start));
      i += 2;
    }
    const first0 = segments[0].start;
    const end = segments[segments.length - 1].end;
    const path = this.shared(`k${first0}:${this.text.slice(first0 + start, end + start)}`, (): KeyPath => ({ segments, global, start: first0, end }));
    return { path, next: i };
  }

  /**
   * Finds where a value that starts at token `from` ends: the first newline, `;`, `,` or `}`
   * outside brackets. Newlines inside ( ) and [ ], and after an operator that needs a right
   * side, are white space. Collects comments, and reports brackets that are never closed.
   */
  private scanValue(from: number, start: number, inBody: boolean): ValueScan {
    const tokens: LineToken[] = [];
    const comments: CommentNode[] = [];
    const problems: SyntaxProblem[] = [];
    const openers: IToken[] = [];
    let questions = 0;
    let ternaryColon: IToken | null = null;
    let afterNewline = false;
    let skipParse = false;
    let glued = false;
    let tooDeep = false;
    /** Ternary `?`s waiting for their `:`, by bracket depth. */
    const pending: number[] = [0];
    let i = from;
    let last = this.tokens.get(from).startOffset;
    const reportOpen = (keep: number) => {
      // Past the depth limit one "too deep" says it all: no "never closed" for each bracket.
      if (tooDeep) openers.length = Math.min(openers.length, keep);
      while (openers.length > keep) {
        const o = openers.pop()!;
        const rel = o.startOffset - start;
        problems.push(problem({ start: rel, end: rel + 1 }, `'${o.image}' opened on line {line} is never closed`, "unclosed-bracket", "error", rel));
      }
    };
    for (;;) {
      let t = this.tokens.get(i);
      if (t === undefined) {
        if (!this.opts.complete) throw new NeedMoreText();
        reportOpen(0);
        break;
      }
      if (t.tokenType === T.UnterminatedString && openers.length > 0) {
        // Inside ( or [ a string may go on over lines, and one never closed runs to the end of
        // the text: past the window's end, then, it may close further on.
        const inner = openers[openers.length - 1].tokenType;
        if (inner === T.LParen || inner === T.LBracket) {
          t = this.tokens.readOverLines(i);
          if (t.tokenType === T.UnterminatedString && !this.opts.complete) throw new NeedMoreText();
        }
      }
      const k = t.tokenType;
      if (k === T.Newline) {
        const prev = tokens[tokens.length - 1];
        const inner = openers[openers.length - 1]?.tokenType;
        if (openers.length === 0) {
          const continues = prev && (tokenMatcher(prev, T.BinaryOperator) || CONTINUATION.has(prev.tokenType) ||
            prev === ternaryColon);
          // A line that starts a statement of its own is never taken in: `ratio: 50%` must
          // not swallow the `name: x` below it.
          if (continues ? this.lineStartsStatement(i + 1) : !this.lineContinuesChain(prev, i + 1)) break;
        } else if ((inner === T.LParen || inner === T.LBracket) && this.nextLineIsStatement(i + 1)) {
          // `x = @env("A"` followed by `y = 1`: the bracket was left open; stop at this line.
          reportOpen(0);
          break;
        }
        // Blank lines after it were looked past already: once, not once per blank line.
        while (this.tokens.get(i + 1)?.tokenType === T.Newline) i++;
        afterNewline = true;
        i++;
        continue;
      }
      if (isCommentToken(t)) {
        // `C#`, `a//b`: a comment glued to the value's text is no comment to the reference parsers.
        const prev = tokens[tokens.length - 1];
        if (t.tokenType === T.Comment && prev && endOf(prev) === t.startOffset && !afterNewline) glued = true;
        comments.push(commentNode(t, start));
        if (t.tokenType === T.UnterminatedBlockComment) problems.push(unterminatedComment(t.startOffset - start, endOf(t) - start));
        last = endOf(t);
        i++;
        continue;
      }
      if (k === T.Unknown) {
        const next = this.tokens.get(i + 1);
        const adjacent = next && next.startOffset === endOf(t) ? next.image[0] : "";
        // NULs are told apart: a document says so once (validation/document-analyzer.ts), not once per NUL.
        const nul = t.image.includes("\u0000");
        problems.push(problem({ start: t.startOffset - start, end: endOf(t) - start }, nul ? NUL_MESSAGE : T.describeUnknown(t.image, adjacent), nul ? "nul-character" : "unknown-character"));
        skipParse = true;
      }
      // The first token always belongs to the value, so that every statement moves on.
      if (openers.length === 0 && i > from && (k === T.Semicolon || k === T.RBrace || (k === T.Comma && inBody && this.commaEndsMember(i)))) break;
      if (k === T.NumericWord && pending[openers.length] > 0 && t.image.includes(":")) {
        // `$e?1:2`: the ':' of a pending ternary, not a part of the word `1:2`.
        pending[openers.length]--;
        const parts = splitAtColon(t as LineToken);
        for (const part of parts) tokens.push(part);
        last = endOf(t);
        afterNewline = false;
        i++;
        continue;
      }
      if (k === T.Question) pending[openers.length]++;
      else if (k === T.Colon && pending[openers.length] > 0) pending[openers.length]--;
      if (k === T.LParen || k === T.LBracket || k === T.LBrace) {
        pending[openers.length + 1] = 0;
        openers.push(t);
        if (openers.length > MAX_EXPRESSION_DEPTH && !tooDeep) {
          tooDeep = skipParse = true;
          problems.push(problem({ start: t.startOffset - start, end: endOf(t) - start },
            `nesting is too deep: more than ${MAX_EXPRESSION_DEPTH} levels of brackets`, "too-deep"));
        }
      } else if (k === T.RParen || k === T.RBracket || k === T.RBrace) {
        const want = k === T.RParen ? T.LParen : k === T.RBracket ? T.LBracket : T.LBrace;
        const match = findLast(openers, (o) => o.tokenType === want);
        if (match < 0) {
          if (k === T.RBrace) { reportOpen(0); break; }
          problems.push(problem({ start: t.startOffset - start, end: endOf(t) - start }, `'${t.image}' closes nothing`, "unmatched-close"));
          i++;
          last = endOf(t);
          continue;
        }
        reportOpen(match + 1);
        openers.pop();
      } else if (k === T.Question && openers.length === 0) {
        questions++;
      } else if (k === T.Colon && openers.length === 0 && questions > 0) {
        questions--;
        ternaryColon = t;
      }
      const lt = t as LineToken;
      lt.afterNewline = afterNewline;
      afterNewline = false;
      tokens.push(lt);
      last = endOf(t);
      i++;
    }
    return { tokens, comments, problems, end: i, first: this.tokens.get(from).startOffset, last, skipParse, glued };
  }

  /**
   * After an operator at a line's end, whether the next line starts a statement of its own
   * (then the value ends with its line): `key = …`, `key: value`, `key {`, `key >`, `[section]`,
   * a directive, or the `}` or `<` that closes a body. `key:` with nothing after it on its line
   * does not count, nor a key that is a number, `true`, `false` or `null`: `cond ?⏎ a :⏎ b` and
   * `cond ?⏎ 30 : 10` go on.
   */
  private lineStartsStatement(i: number): boolean {
    while (this.tokens.get(i)?.tokenType === T.Newline) i++;
    const t = this.tokens.get(i);
    if (t === undefined) {
      if (!this.opts.complete) throw new NeedMoreText();
      return false;
    }
    const k = t.tokenType;
    if (k === T.Directive || k === T.RBrace || (k === T.Lt && this.endsStatement(i + 1))) return true;
    if (k === T.LBracket) return this.nextLineIsStatement(i);
    if (k !== T.Identifier && k !== T.Global && k !== T.QuotedString) return false;
    const key = this.readKey(i, 0);
    const next = this.tokens.get(key.next)?.tokenType;
    if (next === T.Equals || next === T.LBrace) return true;
    if (k === T.QuotedString) return false;
    if (next === T.Gt) return this.endsStatement(key.next + 1);
    if (next !== T.Colon) return false;
    // Something after the ':' on its line, a comment too (`color: #fff`): a key line.
    const after = this.tokens.get(key.next + 1);
    if (after === undefined && !this.opts.complete) throw new NeedMoreText();
    return after !== undefined && after.tokenType !== T.Newline && after.tokenType !== T.Colon;
  }

  /**
   * Whether the next line goes on with a chain of calls: it starts with `.name` after a value
   * that can have members, as in `@query("Users")⏎  .where("active", true)⏎  .find()`.
   */
  private lineContinuesChain(prev: IToken | undefined, i: number): boolean {
    const k = prev?.tokenType;
    if (k !== T.RParen && k !== T.RBracket && k !== T.Identifier && k !== T.AtName && k !== T.Global) return false;
    while (this.tokens.get(i)?.tokenType === T.Newline) i++;
    const dot = this.tokens.get(i);
    const name = this.tokens.get(i + 1);
    if ((dot === undefined || name === undefined) && !this.opts.complete) throw new NeedMoreText();
    return dot?.tokenType === T.Dot && name?.tokenType === T.Identifier && endOf(dot) === name.startOffset;
  }

  /**
   * In a body, whether the `,` at `i` ends a member: when what follows it on its line starts
   * another (`key =`, `key:`, `key {`), or nothing does. Otherwise it belongs to the value, and
   * `greeting: Hello, World` is the text the reference parsers read.
   */
  private commaEndsMember(i: number): boolean {
    let j = i + 1;
    while (this.tokens.get(j)?.tokenType === T.BlockComment) j++;
    if (this.endsStatement(j)) return true;
    const t = this.tokens.get(j);
    if (!isKeyStart(t)) return false;
    const key = this.readKey(j, 0);
    const next = this.tokens.get(key.next)?.tokenType;
    return next === T.Colon || next === T.Equals || next === T.LBrace || (next === T.Gt && this.endsStatement(key.next + 1));
  }

  /** Inside ( or [, a line that starts like `key =` or `key:` cannot belong to the value. */
  private nextLineIsStatement(i: number): boolean {
    while (this.tokens.get(i)?.tokenType === T.Newline) i++;
    const t = this.tokens.get(i);
    if (t === undefined) {
      if (!this.opts.complete) throw new NeedMoreText();
      return false;
    }
    if (t.tokenType === T.LBracket) {
      // `[section]` or `[a.b]` alone on its line (a comment may follow), at its very start:
      // an indented `[a]` is more likely a nested array, as in `rows = [\n  [a]\n  [b]\n]`.
      const prev = this.tokens.get(i - 1);
      if (prev && endOf(prev) !== t.startOffset) return false;
      if (!isKeyStart(this.tokens.get(i + 1))) return false;
      const key = this.readKey(i + 1, 0);
      return this.tokens.get(key.next)?.tokenType === T.RBracket && this.endsStatement(key.next + 1) &&
        this.tokens.get(key.next + 1)?.tokenType !== T.Comma;
    }
    if (!isKeyStart(t)) return false;
    const key = this.readKey(i, 0);
    const next = this.tokens.get(key.next)?.tokenType;
    // `key =`, `key:` and `name {` (a word followed by '{' is no value): a new statement.
    return next === T.Equals || next === T.LBrace || (next === T.Colon && this.tokens.get(key.next + 1)?.tokenType !== T.Colon);
  }
}

interface FirstLine {
  /** The tokens of the text (trailing comments left out). */
  tokens: IToken[];
  text: string;
  /** Window offsets where the text starts and ends. */
  first: number;
  textEnd: number;
  /** Comments after the text on its line. */
  comments: CommentNode[];
  /** Token index after the line's last token. */
  end: number;
}

interface ValueScan {
  tokens: LineToken[];
  comments: CommentNode[];
  problems: SyntaxProblem[];
  /** Token index after the value. */
  end: number;
  first: number;
  /** Window offset where the value's last token (or comment) ends. */
  last: number;
  skipParse: boolean;
  /** A `#` or `//` comment touches the value's last token (`C#`): the value can only be text. */
  glued: boolean;
}

type Separator = NonNullable<Container["separator"]>;

const LITERAL_KINDS = new Set<Expression["kind"]>(["string", "number", "boolean", "null", "range", "word", "global"]);

/** A literal, or an array of literals: a value that its text and offset alone decide. */
function isLiteralValue(e: Expression): boolean {
  if (e.kind === "array") return e.elements.every((x) => LITERAL_KINDS.has(x.kind));
  return LITERAL_KINDS.has(e.kind);
}

/** `a = 1,`: a value and a stray comma, a mistake to point out rather than the text `1,`. */
function strayComma(tokens: readonly IToken[]): boolean {
  return tokens.length === 2 && tokens[1].tokenType === T.Comma;
}

/** `1:2` as `1`, `:`, `2`, for the ternary `$e?1:2`. */
function splitAtColon(t: LineToken): LineToken[] {
  const at = t.image.indexOf(":");
  const out: LineToken[] = [];
  const add = (text: string, offset: number) => {
    for (const x of T.lex(text, false)) out.push(T.makeToken(x.tokenType, x.image, x.startOffset + offset) as LineToken);
  };
  add(t.image.slice(0, at), t.startOffset);
  out.push(T.makeToken(T.Colon, ":", t.startOffset + at) as LineToken);
  add(t.image.slice(at + 1), t.startOffset + at + 1);
  out[0].afterNewline = t.afterNewline;
  return out;
}

function segment(t: IToken, start: number): KeySegment {
  const rel = { start: t.startOffset - start, end: endOf(t) - start };
  if (t.tokenType === T.QuotedString) return { name: unquote(t.image).value, quoted: true, ...rel };
  if (t.tokenType === T.Global) return { name: t.image.slice(1), quoted: false, ...rel };
  return { name: t.image, quoted: false, ...rel };
}

function commentNode(t: IToken, start: number): CommentNode {
  return { text: t.image, block: t.tokenType !== T.Comment, start: t.startOffset - start, end: endOf(t) - start };
}

function unterminatedComment(start: number, end: number): SyntaxProblem {
  return problem({ start, end: Math.min(end, start + 2) }, "unterminated comment: '/*' is never closed by '*/'", "unterminated-comment");
}

export function problem(span: Span, message: string, code: string, severity: Severity = "error", anchor?: number): SyntaxProblem {
  const p: SyntaxProblem = { start: span.start, end: span.end, message, code, severity };
  if (anchor !== undefined) p.anchor = anchor;
  return p;
}

type ImportParts = { kind: "import"; directive: ImportDirective; path: string | null; pathSpan: Span | null; expression: Expression };

const IMPORT_DIRECTIVES = new Set<string>(["import", "include", "inherit"]);

function importOf(e: Expression): ImportParts | null {
  if (e.kind !== "call" || e.callee.kind !== "operator") return null;
  const name = e.callee.name;
  if (!IMPORT_DIRECTIVES.has(name)) return null;
  const arg = e.args[0];
  const path = arg?.kind === "string" ? arg.value : null;
  return { kind: "import", directive: name as ImportDirective, path, pathSpan: arg?.kind === "string" ? { start: arg.start, end: arg.end } : null, expression: e };
}

/** `@import "base.tsk"` (and `@include`, `@inherit`), the docs' form without parentheses. */
function bareImportOf(tokens: readonly IToken[], start: number): ImportParts | null {
  if (tokens.length !== 2 || tokens[0].tokenType !== T.AtName || tokens[1].tokenType !== T.QuotedString) return null;
  const name = tokens[0].image.slice(1);
  if (!IMPORT_DIRECTIVES.has(name)) return null;
  const at = tokens[1].startOffset - start;
  return {
    kind: "import", directive: name as ImportDirective, path: unquote(tokens[1].image).value,
    pathSpan: { start: at, end: at + tokens[1].image.length },
    expression: { kind: "operator", name, start: tokens[0].startOffset - start, end: endOf(tokens[0]) - start },
  };
}

function findLast<X>(items: X[], test: (x: X) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
