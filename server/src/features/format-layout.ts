// The canonical layout of brackets, which Format Document gives before it indents: on one line,
// one space after each comma and inside braces (`{ a = 1, b = 2 }`, `[1, 2]`, `f(a, b)`); over
// several lines, one member per line and the closer on a line of its own. Only white space
// changes, and never where a comment stands: a comment stays where it was written.
import type { SyntaxTree } from "../syntax/syntax-tree";
import { forEachStatement } from "../syntax/syntax-tree";
import { forEachExpression } from "../syntax/expression-walk";
import type { Expression } from "../syntax/nodes";
import type { TextEdit } from "./format";

interface Member { start: number; end: number }

export function layoutEdits(tree: SyntaxTree): TextEdit[] {
  const text = tree.text;
  const out: TextEdit[] = [];
  const layout = new Layout(tree, text, out);
  forEachStatement(tree.root, 0, (s, at) => {
    if (s.kind === "container" && s.close && s.style !== "angle") {
      const members: Member[] = [];
      const bodyAt = at + s.body.start;
      s.body.statements.forEach((m, st) => members.push({ start: bodyAt + st, end: bodyAt + st + m.width }));
      layout.bracket(at + s.open.end, at + s.close.start, members, true, true);
    }
    const value = s.kind === "assignment" ? s.value : s.kind === "expression" || s.kind === "import" ? s.expression : null;
    if (value) forEachExpression(value, (e) => layout.expression(e, at));
  });
  return out;
}

class Layout {
  constructor(private readonly tree: SyntaxTree, private readonly text: string, private readonly out: TextEdit[]) {}

  private line(offset: number): number {
    return this.tree.positionAt(offset).line;
  }

  expression(e: Expression, at: number): void {
    const span = (x: { start: number; end: number }): Member => ({ start: at + x.start, end: at + x.end });
    if (e.kind === "array") this.bracket(at + e.start + 1, at + e.end - 1, e.elements.map(span), false, true);
    else if (e.kind === "object") this.bracket(at + e.start + 1, at + e.end - 1, e.members.map(span), true, true);
    // A call spread over lines keeps its lines (a query, a long argument): only its spacing on one line.
    else if (e.kind === "call") this.bracket(at + e.callee.end + 1, at + e.end - 1, e.args.map(span), false, false);
  }

  /**
   * The members of a bracket whose content runs from `inside` (after the opener) to `close`
   * (the closer). `braces`: one space inside on one line. `spread`: over several lines, one member a line.
   */
  bracket(inside: number, close: number, members: Member[], braces: boolean, spread: boolean): void {
    if (this.text[close] === undefined || members.length === 0) return;
    const oneLine = this.line(inside) === this.line(close);
    const pad = braces ? " " : "";
    if (oneLine) {
      this.gap(inside, members[0].start, () => pad);
      for (let i = 1; i < members.length; i++) this.gap(members[i - 1].end, members[i].start, (sep) => `${sep} `);
      this.gap(members[members.length - 1].end, close, (sep) => `${sep}${pad}`);
      return;
    }
    if (!spread) {
      for (let i = 1; i < members.length; i++) this.gap(members[i - 1].end, members[i].start, (sep) => `${sep} `, true);
      return;
    }
    this.gap(inside, members[0].start, () => "\n", true);
    for (let i = 1; i < members.length; i++) this.gap(members[i - 1].end, members[i].start, (sep) => `${sep}\n`, true);
    this.gap(members[members.length - 1].end, close, (sep) => `${sep}\n`, true);
  }

  /**
   * `[from, to)` when it holds only white space and at most one separator (`,` or `;`), on one
   * line: written as `want(separator)`. Anything else (a comment, a line break) stays.
   */
  private gap(from: number, to: number, want: (separator: string) => string, sameLineOnly = false): void {
    if (to < from) return;
    const between = this.text.slice(from, to);
    const m = /^[ \t]*([,;]?)[ \t]*$/.exec(between);
    if (!m) return;
    if (sameLineOnly && between.includes("\n")) return;
    const wanted = want(m[1]);
    if (wanted !== between) this.out.push({ start: from, end: to, newText: wanted });
  }
}
