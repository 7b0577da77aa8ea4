// Formatting: one canonical layout. Brackets laid out first (format-layout.ts: spaces after
// commas and inside braces on one line; over several lines one member a line, the closer on its
// own), then indentation by nesting, one space around `=` and after `:`, no trailing white
// space, at most one blank line in a row, one line break at the end. Only white space between
// tokens changes, never a token, a comment or a line inside a multi-line string or block
// comment; so the formatted text means the same and reads back to the same tree. A file with
// syntax errors is left alone: where its statements end is a guess, and indenting by a guess
// would move text the user is still writing.
import type { Container, Expression, Span, Statement } from "../syntax/nodes";
import { bodyEnd, forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import { bracketsOf, forEachExpression } from "../syntax/expression-walk";
import { findLineStarts, lineAt } from "../syntax/line-index";
import { parse } from "../syntax/syntax-tree";
import { layoutEdits } from "./format-layout";

export interface FormatOptions {
  /** Spaces per level; ignored with tabs. */
  tabSize: number;
  insertSpaces: boolean;
}

/** A replacement of `[start, end)` of the original text. */
export interface TextEdit { start: number; end: number; newText: string }

export type FormatResult = { edits: TextEdit[] } | { refused: string };

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { tabSize: 4, insertSpaces: true };

export function formatDocument(tree: SyntaxTree, options: FormatOptions = DEFAULT_FORMAT_OPTIONS): FormatResult {
  const errors = tree.problems().filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const line = tree.positionAt(errors[0].start).line + 1;
    return { refused: `not formatted: fix the syntax error${errors.length > 1 ? "s" : ""} first (line ${line}: ${errors[0].message})` };
  }
  const original = tree.text;
  // The layout may break lines, whose indentation the second pass sets: it runs on the laid-out text.
  const layout = layoutEdits(tree);
  const laidOut = layout.length > 0 ? parse(applyEdits(original, layout)) : tree;
  const formatter = new Formatter(laidOut, options);
  const edits = formatter.edits();
  if (formatter.maxDepth > MAX_DEPTH) {
    return { refused: `not formatted: nested ${formatter.maxDepth} levels deep; indenting that deep would make lines of thousands of spaces` };
  }
  if (layout.length === 0) return { edits };
  const diff = whitespaceDiff(original, applyEdits(laidOut.text, edits));
  return diff ? { edits: diff } : { refused: "not formatted: the formatter would have changed more than white space (a bug: please report it)" };
}

/**
 * Format Selection: the document's edits that lie on the lines `[start, end]` touches, so that
 * what is formatted is indented by the same nesting as the whole document would be.
 */
export function formatRange(tree: SyntaxTree, start: number, end: number, options: FormatOptions = DEFAULT_FORMAT_OPTIONS): FormatResult {
  const result = formatDocument(tree, options);
  if ("refused" in result) return result;
  const from = tree.offsetAt({ line: tree.positionAt(start).line, character: 0 });
  const lastLine = tree.positionAt(end).line;
  const to = tree.offsetAt({ line: lastLine + 1, character: 0 });
  const beyond = lastLine + 1 >= tree.lines.lineCount;
  return { edits: result.edits.filter((e) => e.start >= from && ((e.start < to && e.end <= to) || beyond)) };
}

/** Deeper than any real configuration; past it, indentation would outweigh the text. */
const MAX_DEPTH = 200;

/** The text with the edits applied (they do not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

class Formatter {
  private readonly text: string;
  /** Offset where each line starts; one more entry, the text's length, ends the last. */
  private readonly starts: number[];
  /** Indentation level of each line, from the containers and brackets it is in (differences until `edits` sums them). */
  private readonly depth: Int32Array;
  /** Lines whose indentation stays as written: inside a string or comment, or a continued statement. */
  private readonly keepIndent: Uint8Array;
  /** Spans (text, comments) whose inside no edit may touch. */
  private readonly verbatim: Span[] = [];
  private sorted = false;
  /** Separator edits: the white space around `=` and `:`. */
  private readonly separatorEdits: TextEdit[] = [];
  private readonly unit: string;
  /** The deepest indentation level of any line, known once `edits` ran. */
  maxDepth = 0;

  constructor(tree: SyntaxTree, options: FormatOptions) {
    this.text = tree.text;
    this.unit = options.insertSpaces ? " ".repeat(Math.max(1, options.tabSize)) : "\t";
    this.starts = findLineStarts(this.text);
    const lines = this.starts.length;
    this.starts.push(this.text.length);
    this.depth = new Int32Array(lines + 1);
    this.keepIndent = new Uint8Array(lines);
    this.collect(tree);
  }

  private lineOf(offset: number): number {
    // The sentinel at the end is no line of its own.
    return Math.min(lineAt(this.starts, offset), this.starts.length - 2);
  }

  /** The first character of a line that is not a space or tab (the line's end if none). */
  private firstChar(line: number): number {
    let i = this.starts[line];
    const end = this.lineEnd(line);
    while (i < end && (this.text[i] === " " || this.text[i] === "\t")) i++;
    return i;
  }

  /** Where a line's content ends: before its line break. */
  private lineEnd(line: number): number {
    let e = this.starts[line + 1];
    if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 10) e--;
    if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  /** Lines whose first character lies strictly between `open` and `close` go one level in. */
  private indentBetween(open: number, close: number): void {
    const first = this.lineOf(open) + 1;
    let last = this.lineOf(close);
    if (this.firstChar(last) >= close) last--;
    // Recorded as a difference and summed once: a thousand nested blocks cost no more than one.
    if (last < first) return;
    this.depth[first]++;
    this.depth[last + 1]--;
  }

  private markVerbatim(start: number, end: number): void {
    // Only what spans lines matters: a line that starts, or ends, inside it.
    if (end <= start || this.lineOf(start) === this.lineOf(end)) return;
    this.verbatim.push({ start, end });
    // A line that starts inside keeps its indentation: it is the string's or comment's text.
    for (let l = this.lineOf(start) + 1; l < this.starts.length - 1 && this.starts[l] < end; l++) this.keepIndent[l] = 1;
  }

  private collect(tree: SyntaxTree): void {
    forEachStatement(tree.root, 0, (s, at) => {
      for (const c of s.comments) this.markVerbatim(at + c.start, at + c.end);
      if (s.kind === "comment") this.markVerbatim(at + s.comment.start, at + s.comment.end);
      if (s.kind === "container") this.container(s, at);
      if (s.kind === "assignment") {
        if (s.value) this.expression(s.value, at);
        if (s.separator) this.separator(at + s.key.end, at + s.separator.start, at + s.separator.end, s.separator.text, s.value ? at + s.value.start : null);
      }
      if (s.kind === "expression") this.expression(s.expression, at);
      this.continuation(s, at);
    });
  }

  private container(c: Container, at: number): void {
    this.indentBetween(at + c.open.start, at + bodyEnd(c));
    if (c.separator) this.separator(at + c.key.end, at + c.separator.start, at + c.separator.end, c.separator.text, at + c.open.start);
    else if (c.style !== "object") this.space(at + c.key.end, at + c.open.start, " ");
  }

  /** `key = value`, `key: value`: one space before `=`, none before `:`, one after either. */
  private separator(keyEnd: number, sepStart: number, sepEnd: number, sep: string, next: number | null): void {
    this.space(keyEnd, sepStart, sep === ":" ? "" : " ");
    if (next !== null) this.space(sepEnd, next, " ");
  }

  /** Replaces the white space of `[from, to)` by `want`, if it is all on one line. */
  private space(from: number, to: number, want: string): void {
    const between = this.text.slice(from, to);
    if (!/^[ \t]*$/.test(between) || between === want) return;
    this.separatorEdits.push({ start: from, end: to, newText: want });
  }

  /** Lines of a statement that are not inside its brackets: continued expressions, kept as written. */
  private continuation(s: Statement, at: number): void {
    if (s.kind === "container") return;
    const first = this.lineOf(at);
    const last = this.lineOf(at + s.width);
    if (last === first) return;
    // Indentation inside brackets is set by `expression`; elsewhere the writer's stays.
    const inside = new Uint8Array(last - first + 1);
    const mark = (open: number, close: number) => {
      for (let l = this.lineOf(open) + 1; l <= this.lineOf(close) && l <= last; l++) inside[l - first] = 1;
    };
    const value = s.kind === "assignment" ? s.value : s.kind === "expression" ? s.expression : null;
    if (value) forEachExpression(value, (e) => { const b = bracketsOf(e); if (b) mark(at + b.open, at + b.close); });
    for (let l = first + 1; l <= last; l++) if (!inside[l - first]) this.keepIndent[l] = 1;
  }

  private expression(root: Expression, at: number): void {
    forEachExpression(root, (e) => {
      if (e.kind === "string" && this.lineOf(at + e.start) !== this.lineOf(at + e.end)) this.markVerbatim(at + e.start, at + e.end);
      const b = bracketsOf(e);
      if (b) this.indentBetween(at + b.open, at + b.close);
    });
  }

  private insideVerbatim(offset: number): boolean {
    if (!this.sorted) {
      this.verbatim.sort((a, b) => a.start - b.start);
      this.sorted = true;
    }
    // Spans do not overlap: the last one starting before `offset` is the only candidate.
    let lo = 0;
    let hi = this.verbatim.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.verbatim[mid].start < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && offset < this.verbatim[found].end;
  }

  edits(): TextEdit[] {
    const out: TextEdit[] = [];
    const lines = this.starts.length - 1;
    // Line breaks as the file writes them.
    const eol = /\r\n|\r|\n/.exec(this.text)?.[0] ?? "\n";
    for (let l = 1; l <= lines; l++) this.depth[l] += this.depth[l - 1];
    for (let l = 0; l < lines; l++) if (this.depth[l] > this.maxDepth) this.maxDepth = this.depth[l];
    if (this.maxDepth > MAX_DEPTH) return [];
    let blankRun = 0;
    let seenContent = false;
    for (let l = 0; l < lines; l++) {
      const start = this.starts[l];
      const end = this.lineEnd(l);
      const first = this.firstChar(l);
      const blank = first === end && !this.keepIndent[l];
      if (blank) {
        blankRun++;
        // A second blank line in a row, or one before any content, goes.
        if (blankRun > 1 || !seenContent) out.push({ start, end: this.starts[l + 1], newText: "" });
        else if (end > start) out.push({ start, end, newText: "" });
        continue;
      }
      blankRun = 0;
      seenContent = true;
      if (!this.keepIndent[l]) {
        const want = this.unit.repeat(this.depth[l]);
        if (this.text.slice(start, first) !== want) out.push({ start, end: first, newText: want });
      }
      // Trailing white space, unless the line ends inside a string or block comment.
      let trail = end;
      while (trail > first && (this.text[trail - 1] === " " || this.text[trail - 1] === "\t")) trail--;
      if (trail < end && !this.insideVerbatim(end)) out.push({ start: trail, end, newText: "" });
    }
    // Blank lines at the end go too, and the text ends with one line break.
    const contentEnd = this.contentEnd();
    const kept = out.filter((e) => e.start < contentEnd);
    if (contentEnd > 0 && this.text.slice(contentEnd) !== eol) kept.push({ start: contentEnd, end: this.text.length, newText: eol });
    const all = kept.concat(this.separatorEdits.filter((e) => !this.insideVerbatim(e.start)));
    return all.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The end of the last line with content (or of what a string or comment keeps). */
  private contentEnd(): number {
    let e = this.text.length;
    while (e > 0 && /\s/.test(this.text[e - 1]) && !this.insideVerbatim(e - 1)) e--;
    return e;
  }
}

/**
 * The edits from `before` to `after` when they differ only in white space: each run of white
 * space between the same two characters that changed. Null when anything else differs.
 */
export function whitespaceDiff(before: string, after: string): TextEdit[] | null {
  const out: TextEdit[] = [];
  const ws = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  let i = 0;
  let j = 0;
  for (;;) {
    let i2 = i;
    let j2 = j;
    while (i2 < before.length && ws(before.charCodeAt(i2))) i2++;
    while (j2 < after.length && ws(after.charCodeAt(j2))) j2++;
    if (i2 - i !== j2 - j || before.slice(i, i2) !== after.slice(j, j2)) out.push({ start: i, end: i2, newText: after.slice(j, j2) });
    if (i2 >= before.length || j2 >= after.length) return i2 >= before.length && j2 >= after.length ? out : null;
    if (before.charCodeAt(i2) !== after.charCodeAt(j2)) return null;
    i = i2 + 1;
    j = j2 + 1;
  }
}
