// Incremental re-parse: an edit re-lexes and re-parses the statements it touched, in the
// innermost body that holds it, and keeps every other statement as it was.
//
// Why this gives the same tree as a full parse: a statement's parse depends only on its own
// tokens and the tokens just before and after it (or, recorded by reachOf, as far as it
// looked on the next line), and lexing has no state (a string in brackets is read over lines
// by the statement layer, token-stream.ts), so lexing from a statement boundary gives what
// lexing the whole text gives there. So we re-parse from the statement before the edit until
// we stand, after a newline, at the start of an old statement that lies wholly after the
// edit; from there on the old statements are what a full parse gives. A statement that runs
// into the window's end (a string in brackets never closed runs to the end of the text) asks
// for more text, up to the whole text. Statements keep relative offsets (nodes.ts), so the
// reused ones need no change at all.
import { NeedMoreText, reachOf, StatementParser, type BodyStyle, type BodyParseResult } from "./statement-parser";
import { bodyEnd, isApiFile, parse, SyntaxTree } from "./syntax-tree";
import type { Body, Container, Statement } from "./nodes";
import type { Position } from "./line-index";
import type { TextBuffer } from "./text-buffer";

/**
 * How many times an edit changed a statement in place. Only containers around an edit are
 * changed in place (their width, closer and body); every other statement an edit touches is
 * replaced by a new one. So a statement that is the same object with the same revision holds
 * the same text as before, and whatever was computed from it still holds (with its offsets
 * moved): this is what lets the analysis of a document be incremental too.
 */
const revisions = new WeakMap<Statement, number>();

export function revisionOf(s: Statement): number {
  return revisions.get(s) ?? 0;
}

/** An edit in offsets of the old text: replace [start, end) with `text`. */
export interface TextEdit { start: number; end: number; text: string }

/** A change as an editor sends it: a range in line/character terms, or the whole text. */
export interface ContentChange { range?: { start: Position; end: Position }; text: string }

export function applyContentChange(tree: SyntaxTree, change: ContentChange): SyntaxTree {
  if (!change.range) return parse(change.text);
  // A range given backwards is read with its ends swapped, as the reference text document does.
  const a = tree.offsetAt(change.range.start);
  const b = tree.offsetAt(change.range.end);
  return applyEdit(tree, { start: Math.min(a, b), end: Math.max(a, b), text: change.text });
}

/** One level of the path from the root to the body the edit is in. */
interface Level {
  body: Body;
  style: BodyStyle;
  /** Absolute offset of the body's start, in the old text. */
  start: number;
  /** Absolute offset where the body's content ends (its closer, or the text's end). */
  end: number;
  /** The container that owns the body (null for the root), with its index in the parent body. */
  container: Container | null;
  index: number;
}

/**
 * Applies `edit` to `tree` in place and returns it (or a new tree when only a full parse will
 * do, as when the first line changes whether the file is an `#!api` file).
 */
export function applyEdit(tree: SyntaxTree, edit: TextEdit): SyntaxTree {
  const old = tree.buffer;
  const start = Math.max(0, Math.min(edit.start, old.length));
  const end = Math.max(start, Math.min(edit.end, old.length));
  const text = old.edit(start, end, edit.text);
  if (start < FIRST_LINE_REACH && isApiFile(text.slice(0, FIRST_LINE_REACH)) !== tree.api) return parse(text.toString());
  const delta = edit.text.length - (end - start);

  const levels = descend(tree, start, end);
  let from = start;
  let to = end;
  let step = 1;
  for (let i = levels.length - 1; i >= 0;) {
    const level = levels[i];
    if (reparseBody(level, text, old, delta, from, to, tree.api)) {
      // Every container around the edited body grows or shrinks by delta.
      for (let j = i; j >= 1; j--) resize(levels[j], levels[j - 1], delta);
      tree.textChanged(text, { start, end, inserted: edit.text.length });
      return tree;
    }
    if (i === 0) break;
    // The edit changed where this body ends: re-parse an enclosing container in its parent
    // instead. Each failure goes up twice as many levels as the one before, so that an edit
    // that unbalances 100,000 nested blocks re-parses O(n log n) text, not O(n²).
    const k = Math.max(1, i - step + 1);
    const c = levels[k].container!;
    from = Math.min(from, containerStart(levels, k));
    to = Math.max(to, levels[k].end + (c.width - bodyEnd(c)));
    i = k - 1;
    step *= 2;
  }
  return parse(text.toString());
}


function containerStart(levels: Level[], i: number): number {
  return levels[i].start - levels[i].container!.body.start;
}

/** The bodies from the root down to the innermost one whose content strictly contains the edit. */
function descend(tree: SyntaxTree, start: number, end: number): Level[] {
  const levels: Level[] = [{ body: tree.root, style: "root", start: 0, end: tree.buffer.length, container: null, index: -1 }];
  for (;;) {
    const level = levels[levels.length - 1];
    const list = level.body.statements;
    const { index, slotStart } = list.slotAt(start - level.start);
    if (index < 0) break;
    const s = list.get(index);
    if (s.kind !== "container" || !s.close) break;
    const at = level.start + slotStart + s.gap;
    const bodyStart = at + s.body.start;
    const bodyEnd = at + s.close.start;
    if (!(start > bodyStart && end < bodyEnd)) break;
    levels.push({ body: s.body, style: s.style, start: bodyStart, end: bodyEnd, container: s, index });
  }
  return levels;
}

/**
 * Re-parses the statements of `level` that [from, to) touches. False when the result would
 * not fit: the body's closer moved, or a statement now runs past it.
 */
function reparseBody(
  level: Level, text: TextBuffer, old: TextBuffer, delta: number, from: number, to: number, api: boolean,
): boolean {
  const list = level.body.statements;
  const size = list.size;
  // One statement back: its end may depend on the first token of the next one.
  let first = Math.max(0, list.slotAt(from - level.start).index - 1);
  // Further back while a statement looked as far as the edit: one left inside ( or [ reads the
  // next line, and the token after it, to see whether that line starts a statement. (It is
  // `+ 2`: a token can depend on two characters after it, as `1e+` becomes `1e+5`.)
  while (first > 0) {
    const reach = reachOf(list.get(first - 1));
    if (reach === undefined || level.start + list.startOf(first - 1) + reach + 2 < from) break;
    first--;
  }
  const lastTouched = Math.max(first, list.slotAt(to - level.start).index);
  const regionStart = level.start + (size === 0 ? 0 : slotStartOf(level.body, first));
  const isRoot = level.container === null;
  const newBodyEnd = level.end + delta;
  // The window covers the body's closer, so that "closed here" can be seen and checked.
  const limit = isRoot ? text.length : newBodyEnd + closerLength(level.container!);

  /** A boundary where old statements can be taken as they are: index of that statement, or -1. */
  const reusableAt = (newOffset: number): number => {
    const oldOffset = newOffset - delta;
    if (oldOffset <= to) return -1;
    const rel = oldOffset - level.start;
    const { index } = list.slotAt(rel);
    if (index <= lastTouched || index < 0) return -1;
    return list.startOf(index) === rel ? index : -1;
  };

  let reach = 3;
  for (;;) {
    const w = lastTouched + reach;
    const windowEnd = w < size ? level.start + list.startOf(w) + delta : limit;
    const complete = isRoot && windowEnd >= text.length;
    const window = text.slice(regionStart, windowEnd);
    // regionStart lies before the edit, so the old text and tree tell what precedes it.
    const before = old.charAt(regionStart - 1);
    const atLineStart = regionStart === 0 || before === "\n" || before === "\r";
    const afterComment = first > 0 && endsWithComment(list.get(first - 1));
    let result: BodyParseResult;
    try {
      const parser = new StatementParser(window, {
        api,
        complete,
        atLineStart,
        afterComment,
        stopAt: (o) => reusableAt(regionStart + o) >= 0,
      });
      result = parser.parseBody(isRoot ? "root" : level.style, 0);
    } catch (e) {
      if (!(e instanceof NeedMoreText)) throw e;
      if (windowEnd >= limit) return false;
      reach *= 4;
      continue;
    }
    const fresh = result.statements;
    if (result.reason === "stopped") {
      const keep = reusableAt(regionStart + result.end);
      const kept = list.get(keep);
      const lastEnd = fresh.length > 0 ? endOfLast(fresh) : 0;
      kept.gap = result.end - lastEnd;
      list.splice(first, keep - first, fresh);
      list.refresh(first + fresh.length);
      return true;
    }
    if (result.reason === "closed") {
      if (isRoot || regionStart + result.end !== newBodyEnd) return false;
      list.splice(first, size - first, fresh);
      return true;
    }
    // "eof": only the root reaches the end of the text.
    if (!isRoot) return false;
    list.splice(first, size - first, fresh);
    return true;
  }
}

/** Whether the last token of `s` is a comment (its own, or one trailing after it). */
function endsWithComment(s: Statement): boolean {
  return s.kind === "comment" || s.comments.some((c) => c.end === s.width);
}

/** `#!api` can only appear this close to the start of the text. */
const FIRST_LINE_REACH = 8;

/** Start of statement `i`'s slot (its gap included), relative to the body. */
function slotStartOf(body: Body, i: number): number {
  const s = body.statements.get(i);
  return body.statements.startOf(i) - s.gap;
}

function endOfLast(statements: Statement[]): number {
  let at = 0;
  for (const s of statements) at += s.gap + s.width;
  return at;
}

function closerLength(c: Container): number {
  return c.close ? c.close.end - c.close.start : 0;
}

/** `level`'s container changed size by `delta`: move what follows its body, and tell the parent list. */
function resize(level: Level, parent: Level, delta: number): void {
  const c = level.container!;
  const oldBodyEnd = bodyEnd(c);
  revisions.set(c, revisionOf(c) + 1);
  c.width += delta;
  if (c.close) c.close = { start: c.close.start + delta, end: c.close.end + delta };
  for (const comment of c.comments) {
    if (comment.start >= oldBodyEnd) { comment.start += delta; comment.end += delta; }
  }
  for (const p of c.problems) {
    if (p.start >= oldBodyEnd) { p.start += delta; p.end += delta; }
  }
  parent.body.statements.refresh(level.index);
}
