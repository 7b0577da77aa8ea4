// The value another file gives a path, as written, when it is a literal: what an inlay hint at
// `@config.tsk.get("db.port")` shows. The index keeps no values (summaries, never trees), so
// the file is read and parsed when asked, and the last few kept while they do not change.
import type { SyntaxTree } from "../syntax/syntax-tree";
import { parse } from "../syntax/syntax-tree";
import { definitionsOf, indexPaths, type PathIndex } from "../paths/definitions";
import type { Path } from "../paths/path";
import type { WorkspaceFiles } from "./workspace-files";

const KEPT = 8;
const LITERALS = new Set(["string", "number", "boolean", "null", "range"]);

export class LiteralValues {
  private readonly parsed = new Map<string, { stamp: string; tree: SyntaxTree; index: PathIndex }>();

  constructor(private readonly files: WorkspaceFiles) {}

  /** The literal `file` gives `path`, as written; null when it gives none (or an expression). `open`: the open document's. */
  valueOf(file: string, path: Path, open?: { tree: SyntaxTree; index: PathIndex }): string | null {
    const got = open ?? this.read(file);
    if (!got) return null;
    const defs = definitionsOf(got.index, path);
    const d = defs[defs.length - 1];
    if (!d || d.kind !== "value" || !d.value || !LITERALS.has(d.value.kind)) return null;
    return got.tree.buffer.slice(d.valueBase + d.value.start, d.valueBase + d.value.end);
  }

  private read(file: string): { tree: SyntaxTree; index: PathIndex } | null {
    const stat = this.files.stat(file);
    if (!stat) return null;
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const kept = this.parsed.get(file);
    if (kept?.stamp === stamp) {
      // Most recently used last.
      this.parsed.delete(file);
      this.parsed.set(file, kept);
      return kept;
    }
    let text: string;
    try {
      text = this.files.read(file);
    } catch {
      return null;
    }
    const tree = parse(text);
    const entry = { stamp, tree, index: indexPaths(tree) };
    this.parsed.set(file, entry);
    if (this.parsed.size > KEPT) this.parsed.delete(this.parsed.keys().next().value!);
    return entry;
  }
}
