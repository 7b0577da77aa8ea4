// Folding: blocks and objects in every spelling, sections up to the next header, arrays,
// inline objects and calls over several lines, `"""` strings, block comments and runs of line
// comments. The closing line stays visible, as editors show `}` under a folded `{`.
import { bodyEnd, forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import { bracketsOf, forEachExpression } from "../syntax/expression-walk";

export interface FoldingRange {
  /** 0-based lines. */
  startLine: number;
  endLine: number;
  kind?: "comment" | "region";
}

export function foldingRanges(tree: SyntaxTree): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lineOf = (offset: number) => tree.positionAt(offset).line;
  /** From the opener's line to the line before the closer's (the closer's own if text precedes it there). */
  const bracketed = (open: number, close: number) => {
    const start = lineOf(open);
    const closeLine = lineOf(close);
    const lineStart = tree.offsetAt({ line: closeLine, character: 0 });
    const closerFirst = /^[ \t]*$/.test(tree.text.slice(lineStart, close));
    const end = closerFirst ? closeLine - 1 : closeLine;
    if (end > start) out.push({ startLine: start, endLine: end });
  };
  let section: { line: number; last: number } | null = null;
  const endSection = () => {
    if (section && section.last > section.line) out.push({ startLine: section.line, endLine: section.last, kind: "region" });
  };
  let commentRun: { first: number; last: number } | null = null;
  const endRun = () => {
    if (commentRun && commentRun.last > commentRun.first) out.push({ startLine: commentRun.first, endLine: commentRun.last, kind: "comment" });
    commentRun = null;
  };
  forEachStatement(tree.root, 0, (s, at, depth) => {
    const first = lineOf(at);
    const last = lineOf(at + s.width);
    if (s.kind === "comment" && !s.comment.block) {
      if (commentRun && first === commentRun.last + 1) commentRun.last = first;
      else { endRun(); commentRun = { first, last: first }; }
    } else endRun();
    if (depth === 0) {
      if (s.kind === "section") { endSection(); section = { line: first, last: first }; }
      else if (section && s.kind !== "comment") section.last = last;
    }
    for (const c of s.comments) if (c.block && lineOf(at + c.end) > lineOf(at + c.start)) out.push({ startLine: lineOf(at + c.start), endLine: lineOf(at + c.end), kind: "comment" });
    if (s.kind === "comment" && s.comment.block && last > first) out.push({ startLine: first, endLine: last, kind: "comment" });
    if (s.kind === "container") bracketed(at + s.open.start, at + bodyEnd(s));
    const value = s.kind === "assignment" ? s.value : s.kind === "expression" ? s.expression : null;
    if (value) {
      forEachExpression(value, (e) => {
        const b = bracketsOf(e);
        if (b) bracketed(at + b.open, at + b.close);
        else if (e.kind === "string" && e.quote.length === 3 && lineOf(at + e.end) > lineOf(at + e.start)) {
          out.push({ startLine: lineOf(at + e.start), endLine: lineOf(at + e.end) - 1 });
        }
      });
    }
  });
  endRun();
  endSection();
  return out.filter((r) => r.endLine > r.startLine).sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
