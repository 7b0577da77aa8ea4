// Shared helpers for the parser tests: reading the tree in the terms a user thinks in.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { forEachStatement, parse, toJSON, type Problem, type SyntaxTree } from "../../server/src/syntax/syntax-tree";
import { applyEdit, type TextEdit } from "../../server/src/syntax/incremental";
import type { Expression, KeyPath, Statement } from "../../server/src/syntax/nodes";

/** The repository's root, from out/test/syntax/ (compiled) or test/syntax/ (source). */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? "../../.." : "../..");
export const corpusDir = path.resolve(repoRoot, "test/fixtures/corpus");

export function corpusFiles(): { name: string; text: string }[] {
  return fs.readdirSync(corpusDir)
    .filter((f) => f.endsWith(".tsk"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(corpusDir, name), "utf8") }));
}

/** test/fixtures/doc-examples: one file per construct class, as the reference docs write TSK. */
export function docExampleFiles(): { name: string; text: string }[] {
  const dir = path.resolve(repoRoot, "test/fixtures/doc-examples");
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith(".tsk"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") }));
}

export function corpusFile(prefix: string): { name: string; text: string } {
  const found = corpusFiles().find((f) => f.name.startsWith(prefix + "__"));
  if (!found) throw new Error(`no corpus file ${prefix}`);
  return found;
}

// ---- the tree as plain data (toJSON's shape) ----------------------------------------

export interface J { [key: string]: any }

export function json(tree: SyntaxTree): { start: number; statements: J[] } {
  return toJSON(tree) as { start: number; statements: J[] };
}

/** Parses text that must be valid: asserts it has no problem at all. */
export function parseClean(text: string): { tree: SyntaxTree; root: J[] } {
  const tree = parse(text);
  assert.deepEqual(tree.problems().map((p) => describe(tree, p)), [], `expected no problems in:\n${text}`);
  return { tree, root: json(tree).statements };
}

/** A key as written, dotted: `a.b.c`, `$app`. */
export function keyName(key: KeyPath | J | null | undefined): string {
  if (!key) return "";
  return (key.global ? "$" : "") + key.segments.map((s: J) => s.name).join(".");
}

/** The text a node's range covers. */
export function slice(text: string, node: { start: number; end: number } | J): string {
  return text.slice(node.start, node.end);
}

/**
 * Every value of the tree under its full path, as the language's "one model" sees it:
 * sections, blocks, objects and dotted keys all give `a.b.c`. Comments and such are left out.
 */
export function paths(root: J[]): [string, J][] {
  const out: [string, J][] = [];
  let section: string[] = [];
  const walk = (statements: J[], prefix: string[], top: boolean) => {
    for (const s of statements) {
      const base = top ? section : prefix;
      if (s.kind === "section") {
        if (top) section = s.key ? s.key.segments.map((x: J) => x.name) : [];
      } else if (s.kind === "assignment") {
        const name = s.key.global ? ["$" + s.key.segments[0].name] : [...base, ...s.key.segments.map((x: J) => x.name)];
        out.push([name.join("."), s.value]);
      } else if (s.kind === "container") {
        walk(s.body.statements, [...base, ...s.key.segments.map((x: J) => x.name)], false);
      }
    }
  };
  walk(root, [], true);
  return out;
}

/** The value at a full path (the last one assigned, as the reference parsers do). */
export function valueAt(root: J[], p: string): J {
  const found = paths(root).filter(([name]) => name === p);
  assert.ok(found.length > 0, `no value at ${p}; paths: ${paths(root).map(([n]) => n).join(", ")}`);
  return found[found.length - 1][1];
}

/** An expression in a compact, readable form, for asserting how it groups. */
export function show(e: Expression | J | null | undefined): string {
  if (!e) return "∅";
  switch (e.kind) {
    case "binary": return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "unary": return `(${e.op}${show(e.operand)})`;
    case "ternary": return `(${show(e.test)} ? ${show(e.then)} : ${show(e.else)})`;
    case "paren": return `(${show(e.expression)})`;
    case "call": return `${show(e.callee)}(${e.args.map((a: J, i: number) => (e.names?.[i] ? `${e.names[i].name}: ` : "") + show(a)).join(", ")})`;
    case "member": return `${show(e.object)}.${e.name}`;
    case "index": return `${show(e.object)}[${show(e.index)}]`;
    case "operator": return "@" + e.name;
    case "global": return "$" + e.name;
    case "word": return e.text;
    case "text": return `«${e.text}»`;
    case "string": return JSON.stringify(e.value);
    case "number": return String(e.value);
    case "range": return `${e.from}-${e.to}`;
    case "boolean": return String(e.value);
    case "null": return "null";
    case "array": return `[${e.elements.map(show).join(", ")}]`;
    case "object": return `{${e.members.map((m: J) => `${keyName(m.key)}${m.separator} ${show(m.value)}`).join(", ")}}`;
    default: return `<${e.kind}>`;
  }
}

// ---- problems in line/character terms -------------------------------------------------

export interface Where { line: number; character: number; endLine: number; endCharacter: number; code: string; message: string }

/** A problem as a person reads it: 0-based line and character, code and message. */
export function describe(tree: SyntaxTree, p: Problem): Where {
  const a = tree.positionAt(p.start);
  const b = tree.positionAt(p.end);
  return { line: a.line, character: a.character, endLine: b.line, endCharacter: b.character, code: p.code, message: p.message };
}

export function problemsOf(text: string): Where[] {
  const tree = parse(text);
  return tree.problems().map((p) => describe(tree, p));
}

// ---- incremental == full --------------------------------------------------------------

/** The new text after replacing [start, end) of `text`, with the edit clamped as applyEdit does. */
export function applyToText(text: string, edit: TextEdit): string {
  const start = Math.max(0, Math.min(edit.start, text.length));
  const end = Math.max(start, Math.min(edit.end, text.length));
  return text.slice(0, start) + edit.text + text.slice(end);
}

/** Asserts that `tree` is what a full parse of its text gives: same tree, same problems. */
export function assertSameAsFullParse(tree: SyntaxTree, expectedText: string, context = ""): void {
  assert.equal(tree.text, expectedText, `text after edits differs ${context}`);
  const full = parse(expectedText);
  assert.deepEqual(tree.problems(), full.problems(), `problems differ from a full parse ${context}`);
  assert.deepEqual(toJSON(tree), toJSON(full), `tree differs from a full parse ${context}`);
}

/**
 * Like assertSameAsFullParse for trees too deep for toJSON: compares every statement, each
 * without its body, in text order, with its absolute start and depth (iterative).
 */
export function assertSameAsFullParseFlat(tree: SyntaxTree, expectedText: string): void {
  assert.equal(tree.text.length, expectedText.length);
  const full = parse(expectedText);
  assert.deepEqual(tree.problems(), full.problems(), "problems differ from a full parse");
  const a = flatten(tree);
  const b = flatten(full);
  assert.equal(a.length, b.length, "statement count differs from a full parse");
  for (let i = 0; i < a.length; i++) assert.deepEqual(a[i], b[i], `statement ${i} differs from a full parse`);
}

/** Every statement, depth first, as [depth, absolute start, its own fields without the body]. */
export function flatten(tree: SyntaxTree): unknown[] {
  const out: unknown[] = [];
  forEachStatement(tree.root, 0, (s: Statement, start: number, depth: number) => {
    const { body: _body, ...rest } = s as Statement & { body?: unknown };
    out.push([depth, start, JSON.stringify(rest)]);
  });
  return out;
}

export function edit(tree: SyntaxTree, e: TextEdit): SyntaxTree {
  return applyEdit(tree, e);
}
