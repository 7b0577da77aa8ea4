// The outline: sections, blocks, objects and keys as the file writes them. It follows the text,
// not the path model: `[a.b]` is one symbol `a.b` holding the keys up to the next header, and
// `a.b.c = 1` one symbol `a.b.c`, because the outline is for finding a place in this file; the
// merged tree is what workspace symbols and hover show.
import type { Expression, KeyPath, Statement } from "../syntax/nodes";
import { formatPath } from "../paths/path";
import type { SyntaxTree } from "../syntax/syntax-tree";

export type OutlineKind = "section" | "block" | "object" | "array" | "string" | "number" | "boolean" | "null" | "global" | "value";

export interface OutlineSymbol {
  name: string;
  kind: OutlineKind;
  /** The value as written, shortened: what the outline shows beside the name. */
  detail?: string;
  /** The whole statement (a section: up to the next header). */
  start: number;
  end: number;
  /** The key. */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

const DETAIL_LENGTH = 60;
/** No one reads an outline 200 levels deep, and editors walk it recursively. */
const MAX_OUTLINE_DEPTH = 200;

export function documentSymbols(tree: SyntaxTree): OutlineSymbol[] {
  const text = tree.text;
  const top: OutlineSymbol[] = [];
  let section: OutlineSymbol | null = null;
  // Bodies to read, with where they start and the list their symbols go to; iterative for deep nesting.
  const work: { statements: { s: Statement; at: number }[]; out: OutlineSymbol[]; root: boolean; depth: number }[] = [];
  const statementsOf = (body: { statements: { forEach(f: (s: Statement, at: number) => void): void } }, at: number) => {
    const list: { s: Statement; at: number }[] = [];
    body.statements.forEach((s, st) => list.push({ s, at: at + st }));
    return list;
  };
  work.push({ statements: statementsOf(tree.root, 0), out: top, root: true, depth: 0 });
  while (work.length > 0) {
    const { statements, out, root, depth } = work.pop()!;
    for (const { s, at } of statements) {
      if (s.kind === "section") {
        if (!s.key || !root) continue;
        section = symbol(keyName(s.key), "section", at, at + s.width, at + s.key.start, at + s.key.end);
        top.push(section);
        continue;
      }
      const target = root && section ? section.children : out;
      if (s.kind === "container") {
        const sym = symbol(keyName(s.key), s.key.global ? "global" : s.style === "object" ? "object" : "block", at, at + s.width, at + s.key.start, at + s.key.end);
        target.push(sym);
        if (depth < MAX_OUTLINE_DEPTH) work.push({ statements: statementsOf(s.body, at + s.body.start), out: sym.children, root: false, depth: depth + 1 });
      } else if (s.kind === "assignment") {
        const sym = symbol(keyName(s.key), s.key.global ? "global" : kindOf(s.value), at, at + s.width, at + s.key.start, at + s.key.end);
        if (s.value) {
          sym.detail = shorten(text.slice(at + s.value.start, at + s.value.end));
          members(s.value, at, sym.children, text);
        }
        target.push(sym);
      }
      if (root && section) section.end = Math.max(section.end, at + s.width);
    }
  }
  return top;
}

function symbol(name: string, kind: OutlineKind, start: number, end: number, selectionStart: number, selectionEnd: number): OutlineSymbol {
  return { name, kind, start, end, selectionStart, selectionEnd, children: [] };
}

function keyName(key: KeyPath): string {
  return key.global ? `$${key.segments[0]?.name ?? ""}` : formatPath(key.segments.map((s) => s.name));
}

function kindOf(value: Expression | null): OutlineKind {
  switch (value?.kind) {
    case "object": return "object";
    case "array": return "array";
    case "string": case "word": case "text": return "string";
    case "number": case "range": return "number";
    case "boolean": return "boolean";
    case "null": return "null";
    default: return "value";
  }
}

/** The keys of an inline object (`{ a: 1, b: { c: 2 } }`), as children; objects in arrays are not named, so not listed. */
function members(value: Expression, at: number, out: OutlineSymbol[], text: string): void {
  const work: { e: Expression; out: OutlineSymbol[] }[] = [{ e: value, out }];
  while (work.length > 0) {
    const { e, out: into } = work.pop()!;
    if (e.kind !== "object") continue;
    for (const m of e.members) {
      const sym = symbol(keyName(m.key), kindOf(m.value), at + m.start, at + m.end, at + m.key.start, at + m.key.end);
      sym.detail = shorten(text.slice(at + m.value.start, at + m.value.end));
      into.push(sym);
      work.push({ e: m.value, out: sym.children });
    }
  }
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > DETAIL_LENGTH ? one.slice(0, DETAIL_LENGTH - 1) + "…" : one;
}
