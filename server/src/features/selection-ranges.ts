// Selection ranges ("expand selection"): from what is under the cursor outwards along the tree:
// a key's segment, the key, an expression and the ones around it, the value, the statement,
// the inside of its block, the block, … the whole file.
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Body, Expression, KeyPath } from "../syntax/nodes";
import { MAX_PATH_DEPTH } from "../paths/path";

export interface Span { start: number; end: number }

/** The ranges around `offset`, innermost first; each holds the one before it. */
export function selectionRanges(tree: SyntaxTree, offset: number): Span[] {
  const outer: Span[] = [{ start: 0, end: tree.buffer.length }];
  let body: Body = tree.root;
  let base = 0;
  for (let depth = 0; depth <= MAX_PATH_DEPTH; depth++) {
    const { index, slotStart } = body.statements.slotAt(offset - base);
    if (index < 0) break;
    const s = body.statements.get(index);
    const at = base + slotStart + s.gap;
    if (offset < at || offset > at + s.width) break;
    outer.push({ start: at, end: at + s.width });
    if (s.kind === "assignment" || s.kind === "container" || s.kind === "section") {
      if (s.key && within(s.key, offset - at)) {
        pushKey(outer, s.key, at, offset);
        break;
      }
    }
    if (s.kind === "assignment" && s.value && within(s.value, offset - at)) {
      pushExpressions(outer, s.value, at, offset);
      break;
    }
    if ((s.kind === "expression" || s.kind === "import") && within(s.expression, offset - at)) {
      pushExpressions(outer, s.expression, at, offset);
      break;
    }
    if (s.kind !== "container") break;
    const bodyStart = at + s.body.start;
    const bodyEnd = at + (s.close ? s.close.start : s.width);
    if (offset < bodyStart || offset > bodyEnd) break;
    outer.push(trimmed(tree, bodyStart, bodyEnd));
    body = s.body;
    base = bodyStart;
  }
  return dedupe(outer).reverse();
}

function within(span: Span, rel: number): boolean {
  return rel >= span.start && rel <= span.end;
}

function pushKey(out: Span[], key: KeyPath, at: number, offset: number): void {
  out.push({ start: at + key.start, end: at + key.end });
  const seg = key.segments.find((x) => offset - at >= x.start && offset - at <= x.end);
  if (seg) out.push({ start: at + seg.start, end: at + seg.end });
}

function pushExpressions(out: Span[], e: Expression, at: number, offset: number): void {
  const rel = offset - at;
  // Down the expressions holding the cursor; iterative, as nesting may be deep.
  for (let next: Expression | null = e; next; ) {
    const cur: Expression = next;
    out.push({ start: at + cur.start, end: at + cur.end });
    next = null;
    const children = childrenOf(cur);
    for (const c of children) {
      if (within(c, rel)) {
        next = c;
        break;
      }
    }
    if (cur.kind === "object") {
      const m = cur.members.find((x) => within(x, rel));
      if (m) {
        out.push({ start: at + m.start, end: at + m.end });
        if (within(m.key, rel)) {
          pushKey(out, m.key, at, offset);
          return;
        }
        next = within(m.value, rel) ? m.value : null;
      }
    }
  }
}

function childrenOf(e: Expression): Expression[] {
  switch (e.kind) {
    case "array": return e.elements;
    case "call": return [e.callee, ...e.args];
    case "member": return [e.object];
    case "index": return [e.object, e.index];
    case "unary": return [e.operand];
    case "binary": return [e.left, e.right];
    case "ternary": return [e.test, e.then, e.else];
    case "paren": return [e.expression];
    default: return [];
  }
}

/** A body's content without the white space around it: what a user means by "inside the braces". */
function trimmed(tree: SyntaxTree, start: number, end: number): Span {
  const text = tree.buffer.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  return lead + trail >= text.length ? { start, end } : { start: start + lead, end: end - trail };
}

/** Outermost first, each inside the one before; equal neighbours once. */
function dedupe(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.start === s.start && last.end === s.end) continue;
    if (last && (s.start < last.start || s.end > last.end)) continue;
    out.push(s);
  }
  return out;
}
