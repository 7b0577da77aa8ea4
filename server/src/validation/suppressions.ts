// `# tsk-disable-next-line rule-a, rule-b` silences those checks on the next line; with no
// names it silences every check that can be silenced there.
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import type { Body } from "../syntax/nodes";

const DIRECTIVE = /^(?:#|\/\/)\s*tsk-disable-next-line\b([\s\S]*)$/;

/** A suppression comment: where it stands, and the codes it names (none: every code). */
export interface Suppression { offset: number; names: string[] }

/** The suppression comments of `body` (starting at `bodyStart`) and everything inside it. */
export function suppressionsIn(body: Body, bodyStart: number): Suppression[] {
  const out: Suppression[] = [];
  forEachStatement(body, bodyStart, (s, start) => {
    const comments = s.kind === "comment" ? [{ ...s.comment, start: 0, end: s.width }] : s.comments;
    for (const c of comments) {
      const m = DIRECTIVE.exec(c.text.trim());
      if (!m) continue;
      out.push({ offset: start + c.start, names: m[1].split(/[\s,]+/).filter((x) => x !== "" && !x.startsWith("--")) });
    }
  });
  return out;
}

/** Line (0-based) → the codes that `suppressions`, in text order, silence on it; an empty set silences all. */
export function suppressedLinesOf(tree: SyntaxTree, suppressions: readonly Suppression[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const { offset, names } of suppressions) {
    const line = tree.positionAt(offset).line + 1;
    const set = out.get(line) ?? new Set<string>();
    for (const n of names) set.add(n);
    out.set(line, names.length === 0 ? new Set() : set);
  }
  return out;
}
