// `# tsk-disable-next-line rule-a, rule-b` silences those checks on the next line; with no
// names it silences every check that can be silenced there.
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";

const DIRECTIVE = /^(?:#|\/\/)\s*tsk-disable-next-line\b(.*)$/;

/** Line (0-based) → the codes silenced on it; an empty set silences all. */
export function suppressedLines(tree: SyntaxTree): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  forEachStatement(tree.root, 0, (s, start) => {
    const comments = s.kind === "comment" ? [{ ...s.comment, start: 0, end: s.width }] : s.comments;
    for (const c of comments) {
      const m = DIRECTIVE.exec(c.text.trim());
      if (!m) continue;
      const line = tree.positionAt(start + c.start).line + 1;
      const names = m[1].split(/[\s,]+/).filter((x) => x !== "" && !x.startsWith("--"));
      const set = out.get(line) ?? new Set<string>();
      for (const n of names) set.add(n);
      if (names.length === 0) set.clear();
      out.set(line, names.length === 0 ? new Set() : set);
    }
  });
  return out;
}
