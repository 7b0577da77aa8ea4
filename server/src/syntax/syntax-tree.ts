// A parsed document: its text, the tree, and the ways to read the tree in absolute terms.
import { StatementParser } from "./statement-parser";
import { StatementList } from "./statement-list";
import { LineIndex, type Position } from "./line-index";
import { TextBuffer } from "./text-buffer";
import { indentationEnd } from "./indentation-ends";
import type { Body, Container, Severity, Span, Statement, SyntaxProblem } from "./nodes";

export interface Problem {
  /** Absolute offsets in the text (UTF-16 code units). */
  start: number;
  end: number;
  message: string;
  code: string;
  severity: Severity;
}

export class SyntaxTree {
  private lineIndex: LineIndex | null = null;

  constructor(
    public buffer: TextBuffer,
    public readonly root: Body,
    /** Whether the file starts with `#!api`: bare expressions are then statements. */
    public api: boolean,
  ) {}

  get lines(): LineIndex {
    return (this.lineIndex ??= LineIndex.of(this.text));
  }

  get text(): string { return this.buffer.toString(); }

  /** Called by the incremental parser when the text changes under the same tree: [start, end) became `inserted` characters. */
  textChanged(buffer: TextBuffer, edit: { start: number; end: number; inserted: number }): void {
    this.buffer = buffer;
    this.lineIndex = this.lineIndex && this.lineIndex.edited(edit.start, edit.end, edit.inserted, buffer);
  }

  positionAt(offset: number): Position { return this.lines.positionAt(offset); }
  offsetAt(position: Position): number { return this.lines.offsetAt(position); }

  /** Every problem the parser found, in text order, with absolute ranges. */
  problems(): Problem[] {
    return this.problemsIn(this.root, 0);
  }

  /** The problems of `body` (which starts at `bodyStart`) and of everything inside it, in text order. */
  problemsIn(body: Body, bodyStart: number): Problem[] {
    const out: Problem[] = [];
    // Statement by statement of `body`, each with everything inside it.
    body.statements.forEach((top, at) => {
      const own: Problem[] = [];
      const alone: Body = { start: 0, statements: new StatementList([{ ...top, gap: bodyStart + at }]) };
      forEachStatement(alone, 0, (s, start) => {
        for (const p of s.problems) own.push(this.absolute(p, start));
      });
      for (const p of this.placeUnclosed(own, alone)) out.push(p);
    });
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /**
   * A `}` left out of an inner block is reported where the indentation says it is missing,
   * once, instead of on the outer block whose `}` the inner one took (indentation-ends.ts).
   */
  private placeUnclosed(problems: Problem[], alone: Body): Problem[] {
    if (!problems.some((p) => p.code === "unclosed-block")) return problems;
    const end = indentationEnd(this, alone, 0);
    if (!end) return problems;
    const open = { start: end.at + end.container.open.start, end: end.at + end.container.open.end };
    const opener = end.container.style === "angle" ? "'>'" : "'{'";
    const out = problems.filter((p) => p.code !== "unclosed-block");
    out.push({
      ...open, severity: "error", code: "unclosed-block",
      message: `${opener} opened on line ${this.positionAt(open.start).line + 1} is never closed: line ${this.positionAt(end.statementAt).line + 1} is indented as after it`,
    });
    return out;
  }

  private absolute(p: SyntaxProblem, base: number): Problem {
    let message = p.message;
    if (p.anchor !== undefined) message = message.replace("{line}", String(this.positionAt(base + p.anchor).line + 1));
    return { start: base + p.start, end: base + p.end, message, code: p.code, severity: p.severity };
  }
}

export function isApiFile(text: string): boolean {
  return /^\ufeff?#!api(?![^\s])/.test(text);
}

/** Parses a whole text. Never throws. */
export function parse(text: string): SyntaxTree {
  const api = isApiFile(text);
  const result = new StatementParser(text, { api, complete: true }).parseBody("root", 0);
  const root: Body = { start: 0, statements: new StatementList(result.statements) };
  return new SyntaxTree(new TextBuffer(text), root, api);
}

/**
 * A tree that holds the text and no statement: for a text the editor will not parse (too
 * large), so that positions still convert and edits still apply.
 */
export function unparsed(text: string): SyntaxTree {
  return new SyntaxTree(new TextBuffer(text), { start: 0, statements: new StatementList([]) }, false);
}

/** Where a container's body ends, relative to the container: its closer, or its own end. */
export function bodyEnd(c: Container): number {
  return c.close ? c.close.start : c.width;
}

/**
 * Visits every statement, depth first in text order, with its absolute start. `bodyStart` is
 * the absolute offset where `body` starts. Iterative, so that deep nesting costs no stack.
 */
export function forEachStatement(
  body: Body, bodyStart: number,
  visit: (s: Statement, start: number, depth: number) => void | "skip",
): void {
  const stack: { items: Statement[]; starts: number[]; i: number; depth: number }[] = [];
  const enter = (b: Body, at: number, depth: number) => {
    const items: Statement[] = [];
    const starts: number[] = [];
    b.statements.forEach((s, st) => { items.push(s); starts.push(at + st); });
    stack.push({ items, starts, i: 0, depth });
  };
  enter(body, bodyStart, 0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.items.length) { stack.pop(); continue; }
    const s = top.items[top.i];
    const start = top.starts[top.i++];
    if (visit(s, start, top.depth) === "skip") continue;
    if (s.kind === "container") enter(s.body, start + s.body.start, top.depth + 1);
  }
}

/** The tree with absolute offsets everywhere: for tests, fixtures and debugging. */
export function toJSON(tree: SyntaxTree): unknown {
  return materializeBody(tree.root, 0);
}

function materializeBody(body: Body, at: number): unknown {
  const out: unknown[] = [];
  body.statements.forEach((s, st) => out.push(materialize(s, at + st)));
  return { start: at, statements: out };
}

function materialize(s: Statement, base: number): unknown {
  const shift = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => shift(x));
    if (v instanceof StatementList) return v;
    if (v && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = shift(x, k);
      return o;
    }
    if (typeof v === "number" && (key === "start" || key === "end" || key === "anchor")) return v + base;
    return v;
  };
  const { gap, width, ...rest } = s;
  const plain = shift(rest) as Record<string, unknown>;
  plain.start = base;
  plain.end = base + width;
  plain.gap = gap;
  if (s.kind === "container") plain.body = materializeBody(s.body, base + s.body.start);
  return plain;
}

export type { Span };
