// Quick fixes for the diagnostics at the cursor: take the "did you mean" suggestion, or
// silence the rule on this line with `# tsk-disable-next-line <code>` above it (the comment
// suppressions.ts reads).
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { TextEdit } from "./format";
import { addMissingKey, listToArray, yamlBlockToString } from "./structural-fixes";

export interface QuickFix {
  title: string;
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  edits: TextEdit[];
  /** The fix an editor applies on "auto fix": the suggestion, not the silencing. */
  preferred: boolean;
}

/** Syntax errors are not rules: they cannot be silenced, only fixed. */
export function quickFixes(tree: SyntaxTree, diagnostics: readonly Diagnostic[], silenceable: (code: string) => boolean): QuickFix[] {
  const out: QuickFix[] = [];
  const text = tree.text;
  const silenced = new Set<string>();
  for (const d of diagnostics) {
    const replacement = d.data?.replacement;
    if (replacement !== undefined) {
      const newText = spelled(text.slice(d.start, d.end), replacement);
      out.push({ title: `Change to ${newText}`, diagnostic: d, edits: [{ start: d.start, end: d.end, newText }], preferred: true });
    }
    if (d.data?.text !== undefined) {
      out.push({ title: `Change to ${d.data.text}`, diagnostic: d, edits: [{ start: d.start, end: d.end, newText: d.data.text }], preferred: true });
    }
    const structural = structuralFix(tree, text, d);
    if (structural) out.push(structural);
    const line = tree.positionAt(d.start).line;
    const key = `${line}:${d.code}`;
    if (!silenceable(d.code) || silenced.has(key)) continue;
    silenced.add(key);
    const lineStart = tree.offsetAt({ line, character: 0 });
    const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? "\n";
    out.push({
      title: `Disable ${d.code} for this line`,
      diagnostic: d,
      edits: [{ start: lineStart, end: lineStart, newText: `${indent}# tsk-disable-next-line ${d.code}${eol}` }],
      preferred: false,
    });
  }
  return out;
}

/** Fixes that rewrite what TSK does not read (YAML lists and block text) or add what a schema requires. */
function structuralFix(tree: SyntaxTree, text: string, d: Diagnostic): QuickFix | null {
  const edit = d.code === "yaml-list" || d.code === "expected-value" ? listToArray(text, d.start)
    : d.code === "yaml-block" ? yamlBlockToString(text, d.start)
      : d.code === "missing-key" && d.data?.missing ? addMissingKey(tree, d.start, d.data.missing)
        : null;
  return edit ? { title: edit.title, diagnostic: d, edits: [edit.edit], preferred: true } : null;
}

/** The suggestion written as the original was: quoted if it was quoted, bare if it can be. */
function spelled(original: string, suggestion: string): string {
  const q = original[0];
  if (suggestion.startsWith('"') || suggestion.startsWith("'")) return suggestion;
  if (q === '"' || q === "'") return q + suggestion.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), `\\${q}`) + q;
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(suggestion) ? suggestion : JSON.stringify(suggestion);
}

/**
 * Every preferred fix of the file at once (`source.fixAll`), for fix-on-save: only sure fixes
 * (a suggestion taken), never a silencing; where two would touch the same text, the first.
 */
export function fixAll(tree: SyntaxTree, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits = quickFixes(tree, diagnostics, () => false).filter((f) => f.preferred).flatMap((f) => f.edits);
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.start < end || (e.start === end && e.end === e.start && out.length > 0 && out[out.length - 1].start === e.start)) continue;
    out.push(e);
    end = e.end;
  }
  return out;
}
