// From a position to its path: what completion, hover and navigation ask first.
import type { Body, Expression, KeyPath, Statement } from "../syntax/nodes";
import type { SyntaxTree } from "../syntax/syntax-tree";
import { MAX_PATH_DEPTH, type Path } from "./path";
import { MAX_PATH_SEGMENTS } from "./definitions";

export interface PathAt {
  /**
   * For "key": the path the key under the cursor names (up to the segment under it).
   * For "value": the path whose value the cursor is in. For "body": the object the cursor
   * stands in, between keys (where a new key would go). For "comment": the cursor is inside a
   * comment. For "too-deep": inside blocks nested deeper than MAX_PATH_DEPTH, where paths are
   * not followed (they would cost the square of the depth).
   */
  path: Path;
  target: "key" | "value" | "body" | "comment" | "too-deep";
  /** The statement the cursor is in, if any, with its absolute start. */
  statement: Statement | null;
  statementStart: number;
  /** For "value": the innermost expression at the cursor, with the offset its ranges count from. */
  expression: Expression | null;
  /**
   * For "value": whether that expression is the value itself (or an element or member of it), as
   * opposed to part of a larger expression (an argument, an operand), whose schema is not the path's.
   */
  whole: boolean;
  /** For "key": the key and the index of the segment under the cursor. */
  key: KeyPath | null;
  segment: number;
  /** Whether the cursor is inside a `$global` key or value (paths are then in the globals' namespace). */
  global: boolean;
}

/** The path at `offset` (UTF-16 offset in the tree's text). */
export function pathAt(tree: SyntaxTree, offset: number): PathAt {
  const root = tree.root.statements;
  const { index, slotStart } = root.slotAt(offset);
  if (index < 0) return body([], null, 0);
  // `key = |` : the statement ends at `=`, but a cursor after it on the same line is in its value.
  const sameLine = (from: number, to: number) => to - from < 256 && !/[\r\n]/.test(tree.buffer.slice(from, to));
  return inStatement(tree.root, index, slotStart, offset, sectionBefore(tree.root, index, offset, slotStart), true, sameLine);
}

/** The path of the `[section]` in force at root statement `index`. */
function sectionBefore(root: Body, index: number, offset: number, slotStart: number): Path {
  for (let i = index; i >= 0; i--) {
    const s = root.statements.get(i);
    if (s.kind !== "section") continue;
    // A header is in force only after it: on the header itself, its own path is the key's.
    if (i === index && offset <= slotStart + s.gap + s.width) continue;
    return s.key && !s.key.global ? s.key.segments.map((x) => x.name) : [];
  }
  return [];
}

function body(path: Path, statement: Statement | null, statementStart: number): PathAt {
  return { path, target: "body", statement, statementStart, expression: null, whole: true, key: null, segment: -1, global: false };
}

/** Whether the cursor, at `rel` in statement `s`, stands inside one of its comments. */
function inComment(s: Statement, rel: number): boolean {
  if (s.kind === "comment") return rel > 0 && (!s.comment.block || rel < s.width || !s.comment.text.endsWith("*/"));
  for (const c of s.comments) {
    // After `*/` is outside a block comment; at the end of a line comment is inside it.
    if (rel > c.start && (c.block ? rel < c.end : rel <= c.end)) return true;
  }
  return false;
}

function inStatement(
  list: Body, index: number, slotStart: number, offset: number, base: Path, atRoot: boolean,
  sameLine: (from: number, to: number) => boolean,
): PathAt {
  // Each level of nesting is one more trip round this loop, not one more call.
  for (let depth = 0; ; depth++) {
    if (depth > MAX_PATH_DEPTH) return { ...body([], null, 0), target: "too-deep" };
    const s = list.statements.get(index);
    const at = slotStart + s.gap;
    if (offset < at) {
      // In the gap before this statement, which may follow the `=` of the one before it.
      const prev = index > 0 ? list.statements.get(index - 1) : null;
      if (prev && offset === slotStart) {
        // Right at the end of the one before (`x = @en|`): in it.
        index--;
        slotStart -= prev.gap + prev.width;
        depth--;
        continue;
      }
      if (prev && sameLine(slotStart, offset)) return emptyValue(prev, slotStart - prev.width, base) ?? body(base, null, 0);
      return body(base, null, 0);
    }
    const rel = offset - at;
    if (rel > s.width) return (sameLine(at + s.width, offset) ? emptyValue(s, at, base) : null) ?? body(base, null, 0);
    if (inComment(s, rel)) return { ...body(base, s, at), target: "comment" };
    if (s.kind === "section") {
      if (!atRoot || !s.key) return body(base, s, at);
      return onKey(s.key, rel, [], s, at) ?? body([], s, at);
    }
    if (s.kind !== "assignment" && s.kind !== "container") return body(base, s, at);
    const key = onKey(s.key, rel, base, s, at);
    if (key) return key;
    const path = [...base, ...s.key.segments.map((x) => x.name)];
    if (s.kind === "assignment") {
      const sepEnd = s.separator ? s.separator.end : s.key.end;
      if (rel < sepEnd || !s.value) return { ...body(base, s, at), target: rel >= sepEnd ? "value" : "body", path: rel >= sepEnd ? path : base, global: s.key.global };
      return inValue(s.value, rel, path, s, at, s.key.global);
    }
    const bodyEnd = s.close ? s.close.start : s.width;
    if (rel < s.body.start || rel > bodyEnd) return body(base, s, at);
    const inner = s.body.statements.slotAt(rel - s.body.start);
    // Past the path model's depth the answer is where it stops: each level copies the path,
    // and 100,000 nested blocks cost 38 s per hover.
    if (inner.index < 0 || path.length >= MAX_PATH_SEGMENTS) return body(path, s, at);
    list = s.body;
    index = inner.index;
    slotStart = at + s.body.start + inner.slotStart;
    base = path;
    atRoot = false;
  }
}

/** `key = |`, the cursor on the line after an assignment with no value: in that value. */
function emptyValue(s: Statement, at: number, base: Path): PathAt | null {
  if (s.kind !== "assignment" || !s.separator || s.value) return null;
  return { ...body(base, s, at), target: "value", path: [...base, ...s.key.segments.map((x) => x.name)], global: s.key.global };
}

function onKey(key: KeyPath, rel: number, base: Path, s: Statement, at: number): PathAt | null {
  if (rel < key.start || rel > key.end) return null;
  const i = key.segments.findIndex((seg) => rel >= seg.start && rel <= seg.end);
  const segment = i < 0 ? key.segments.length - 1 : i;
  const names = key.segments.slice(0, segment + 1).map((x) => x.name);
  return {
    path: key.global ? names : [...base, ...names],
    target: "key", statement: s, statementStart: at, expression: null, whole: true, key, segment, global: key.global,
  };
}

function inValue(e: Expression, rel: number, path: Path, s: Statement, at: number, global: boolean): PathAt {
  let whole = true;
  for (;;) {
    const value = (): PathAt => ({ path, target: "value", statement: s, statementStart: at, expression: e, whole, key: null, segment: -1, global });
    if ((e.kind === "object" || e.kind === "array") && path.length >= MAX_PATH_SEGMENTS) return value();
    if (e.kind === "object") {
      if (rel <= e.start || rel >= e.end) return value();
      const m = e.members.find((x) => rel >= x.start && rel <= x.end);
      if (!m) return { ...body(path, s, at), global };
      const key = onKey(m.key, rel, path, s, at);
      if (key) return { ...key, global };
      path = [...path, ...m.key.segments.map((x) => x.name)];
      e = m.value;
      continue;
    }
    if (e.kind === "array") {
      const i = e.elements.findIndex((x) => rel >= x.start && rel <= x.end);
      if (i < 0) return value();
      path = [...path, i];
      e = e.elements[i];
      continue;
    }
    const child = innermost(e, rel);
    if (child === e) return value();
    // Inside an operand or an argument: the schema of the path says nothing of it.
    if (e.kind !== "paren") whole = false;
    e = child;
  }
}

/** The direct sub-expression containing `rel`, or `e` itself. */
function innermost(e: Expression, rel: number): Expression {
  const within = (x: Expression | undefined) => x !== undefined && rel >= x.start && rel <= x.end;
  switch (e.kind) {
    case "call": return [e.callee, ...e.args].find(within) ?? e;
    case "member": return within(e.object) ? e.object : e;
    case "index": return [e.object, e.index].find(within) ?? e;
    case "unary": return within(e.operand) ? e.operand : e;
    case "binary": return [e.left, e.right].find(within) ?? e;
    case "ternary": return [e.test, e.then, e.else].find(within) ?? e;
    case "paren": return within(e.expression) ? e.expression : e;
    default: return e;
  }
}
