// Where a block ends by its indentation, when its `}` is missing. The parser pairs braces, so a
// `}` left out of an inner block closes it at the outer block's `}`, and the outer block is
// reported as never closed; the indentation says which block lacks it. Used only where braces
// do not balance, to put the error on that block and to read the lines after it as the
// indentation places them (no knock-on "unknown key" for each).
import type { Body, Container } from "./nodes";
import type { SyntaxTree } from "./syntax-tree";

export interface IndentationEnd {
  /** The block that lacks its closer, and where it starts (absolute). */
  container: Container;
  at: number;
  /** The first statement of its body that the indentation places after it, and where that starts. */
  index: number;
  statementAt: number;
}

/** In `body` (starting at `bodyStart`), the first block whose body holds a line indented as outside it; null when every block is closed. */
export function indentationEnd(tree: SyntaxTree, body: Body, bodyStart: number): IndentationEnd | null {
  if (!hasUnclosed(body)) return null;
  const text = tree.buffer;
  // The indentation of the line `offset` is on, and whether `offset` is its first non-blank character.
  const indentAt = (offset: number): { width: number; first: boolean } => {
    // From the line's start (the line index finds it, not a walk back: blocks on one line are many).
    const i = offset - tree.positionAt(offset).character;
    let width = 0;
    let j = i;
    for (; j < offset; j++) {
      const c = text.charCodeAt(j);
      if (c === 32) width++;
      else if (c === 9) width += 4;
      else break;
    }
    return { width, first: j === offset };
  };
  // Blocks in text order (parents first), without recursion.
  const stack: { body: Body; start: number }[] = [{ body, start: bodyStart }];
  const blocks: { c: Container; at: number }[] = [];
  while (stack.length > 0) {
    const { body: b, start } = stack.pop()!;
    const found: { c: Container; at: number }[] = [];
    b.statements.forEach((s, st) => {
      if (s.kind === "container") found.push({ c: s, at: start + st });
    });
    for (let k = found.length - 1; k >= 0; k--) stack.push({ body: found[k].c.body, start: found[k].at + found[k].c.body.start });
    for (const f of found) blocks.push(f);
  }
  blocks.sort((a, b) => a.at - b.at);
  for (const { c, at } of blocks) {
    const own = indentAt(at);
    if (!own.first) continue;
    // A block closed where its own indentation says: not the one that lacks a closer. One closed
    // by a closer indented less than itself took its parent's.
    if (c.close) {
      const closer = indentAt(at + c.close.start);
      if (!closer.first || closer.width >= own.width) continue;
    }
    let indented = false;
    let result: IndentationEnd | null = null;
    let index = 0;
    c.body.statements.forEach((s, st) => {
      const i = index++;
      if (result || s.kind === "comment") return;
      const sAt = at + c.body.start + st;
      const line = indentAt(sAt);
      if (!line.first) return;
      if (line.width > own.width) indented = true;
      // Only a file that indents its blocks says anything by its indentation.
      else if (indented) result = { container: c, at, index: i, statementAt: sAt };
    });
    if (result) return result;
  }
  return null;
}

function hasUnclosed(body: Body): boolean {
  const stack: Body[] = [body];
  while (stack.length > 0) {
    const b = stack.pop()!;
    let found = false;
    b.statements.forEach((s) => {
      if (s.kind !== "container") return;
      if (!s.close) found = true;
      stack.push(s.body);
    });
    if (found) return true;
  }
  return false;
}
