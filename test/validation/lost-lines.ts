// The lines of a file that nothing accounts for (no-line-lost.test.ts says what that means).
import { check } from "./check";
import { forEachStatement, type SyntaxTree } from "../../server/src/syntax/syntax-tree";
import { indexPaths } from "../../server/src/paths/definitions";
import * as T from "../../server/src/syntax/tokens";
import { lex } from "../../server/src/syntax/tokens";
import { findLineStarts, lineAt } from "../../server/src/syntax/line-index";

const LEFT_OPEN = new Set(["unclosed-bracket", "unterminated-string", "unterminated-comment"]);

/** Whether a line is one TuskLang's parsers read as a key: `key: value`, `$name = value`. */
const KEY_LINE = /^\s*\$?[A-Za-z_][\w-]*\s*[:=]\s*\S/;

export function unaccounted(text: string, tree: SyntaxTree): string[] {
  const starts = findLineStarts(text);
  const lineOf = (offset: number) => lineAt(starts, offset);
  const lines = text.split(/\r\n|\r|\n/);
  const accounted = new Array<boolean>(lines.length).fill(false);
  /** Lines taken into the value of a statement above them outside any bracket or string: they must not read as keys. */
  const taken = new Array<boolean>(lines.length).fill(false);
  const mark = (list: boolean[], from: number, to: number, as = true) => { for (let l = from; l <= to; l++) list[l] = as; };
  const diagnostics = check(text);
  for (const d of diagnostics) mark(accounted, lineOf(d.start), lineOf(Math.max(d.start, d.end - 1)));
  for (const d of indexPaths(tree).definitions) accounted[lineOf(d.keyStart)] = true;
  forEachStatement(tree.root, 0, (s, at) => {
    const first = lineOf(at);
    const last = lineOf(Math.max(at, at + s.width - 1));
    if (s.kind === "container") {
      accounted[first] = true;
      if (s.close) accounted[lineOf(at + s.close.start)] = true;
      return;
    }
    if (s.kind === "comment" || s.kind === "directive" || s.kind === "import" || s.kind === "section") {
      mark(accounted, first, last);
      return;
    }
    // A bare expression is the response of an endpoint file; elsewhere one with a diagnostic says so.
    if (s.kind === "expression" && (tree.api || diagnostics.some((d) => d.end > at && d.start < at + s.width))) accounted[first] = true;
    for (const c of s.comments) mark(accounted, lineOf(at + c.start), lineOf(at + c.end - 1));
    if (last === first) return;
    mark(accounted, first + 1, last);
    // A bracket, string or comment left open takes the lines after it, and says so where it opens.
    if (s.problems.some((p) => LEFT_OPEN.has(p.code))) return;
    // Read from its tokens (its value may be an error, with no tree to tell): a line that starts
    // inside a bracket or a token (a """ string) is enclosed; any other line after the first is taken.
    // As the parser matches them: a closer pops the nearest opener of its kind, or nothing.
    const open: string[] = [];
    let line = first;
    const atLineStart = /^[ \t]*$/.test(text.slice(starts[first], at));
    for (const t of lex(text.slice(at, at + s.width), false, atLineStart)) {
      const k = t.tokenType;
      if (k === T.Newline) {
        line++;
        taken[line] = open.length === 0;
        continue;
      }
      const inner = t.image.split(/\r\n|\r|\n/).length - 1;
      line += inner;
      if (k === T.LParen || k === T.LBracket || k === T.LBrace) open.push(t.image);
      else if (k === T.RParen || k === T.RBracket || k === T.RBrace) {
        const i = open.lastIndexOf({ ")": "(", "]": "[", "}": "{" }[t.image]!);
        if (i >= 0) open.length = i;
      }
    }
  });
  const lost: string[] = [];
  lines.forEach((line, l) => {
    // A `;` alone ends nothing and holds nothing.
    if (/^[\s;]*$/.test(line)) return;
    if (!accounted[l]) lost.push(`${l + 1}: ${line}`);
    else if (taken[l] && KEY_LINE.test(line)) lost.push(`${l + 1} (taken into the value above): ${line}`);
  });
  return lost;
}

