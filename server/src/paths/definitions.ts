// From a tree to every place that defines a path: sections, blocks, objects and dotted keys
// are four spellings of one tree, and here they become one list of definitions.
import type { Body, Expression, KeyPath, Statement } from "../syntax/nodes";
import { StatementList } from "../syntax/statement-list";
import { indentationEnd } from "../syntax/indentation-ends";
import type { SyntaxTree } from "../syntax/syntax-tree";
import { appendSegment, childPath, formatPath, type Path } from "./path";

export type DefinitionKind =
  /** `key = value` with a value that is not an object. */
  | "value"
  /** A body or object: `a { }`, `a > <`, `a = { }`, `{ a: … }` inside a value. */
  | "object"
  /** `[a.b]`. */
  | "section"
  /** `a` and `a.b` in `a.b.c = 1`: objects that only a dotted key creates. */
  | "implied";

export interface Definition {
  path: Path;
  /** The path formatted (`a.b."/c"`), or `$name` for a global: its key in PathIndex.byPath. */
  key: string;
  kind: DefinitionKind;
  /** Absolute range of the key segment that names this path. */
  keyStart: number;
  keyEnd: number;
  /** The value (for "value"), with the absolute offset its relative ranges count from. */
  value: Expression | null;
  valueBase: number;
  /** A `$global`: its path is `[name]` in the globals' own namespace. */
  global: boolean;
  /** Made by an object or array inside a value (`a = [{ b: 1 }]` makes `a[0].b`), not by a statement. */
  nested: boolean;
}

export interface PathIndex {
  definitions: Definition[];
  /** Definitions by formatted path; globals are under `$name`. */
  byPath: Map<string, Definition[]>;
  /** The keys of byPath with more than one definition, when kept: duplicates are among them. */
  repeated?: ReadonlySet<string>;
}

export function indexPaths(tree: SyntaxTree): PathIndex {
  const definitions: Definition[] = [];
  walkDefinitions(tree.root, 0, (d) => definitions.push(d), [], () => {}, indentationEnds(tree));
  return { definitions, byPath: byPathOf(definitions) };
}

/**
 * Of each top-level statement, the block that lacks its closer by its indentation (container
 * start → the index of its first statement after it), as the analysis finds them one statement
 * at a time. Null when every block is closed.
 */
export function indentationEnds(tree: SyntaxTree): Map<number, number> | null {
  let out: Map<number, number> | null = null;
  tree.root.statements.forEach((s, at) => {
    if (s.kind !== "container") return;
    const end = indentationEnd(tree, { start: 0, statements: new StatementList([{ ...s, gap: at }]) }, 0);
    if (end) (out ??= new Map()).set(end.at, end.index);
  });
  return out;
}

/** The definitions grouped by their key, each group in text order. */
export function byPathOf(definitions: readonly Definition[]): Map<string, Definition[]> {
  const byPath = new Map<string, Definition[]>();
  for (const d of definitions) {
    const list = byPath.get(d.key);
    if (list) list.push(d);
    else byPath.set(d.key, [d]);
  }
  return byPath;
}

/** Where `path` is defined in this file, in text order. */
export function definitionsOf(index: PathIndex, path: Path): Definition[] {
  return index.byPath.get(formatPath(path)) ?? [];
}

/**
 * Places that assign a path that an earlier place already gave a value to (the later one
 * wins). Objects of the same path merge and are no duplicates.
 */
export function duplicateDefinitions(index: PathIndex): { first: Definition; again: Definition }[] {
  const out: { first: Definition; again: Definition }[] = [];
  const lists = index.repeated ? [...index.repeated].map((k) => index.byPath.get(k) ?? []) : index.byPath.values();
  for (const list of lists) {
    let value: Definition | null = null;
    let object: Definition | null = null;
    for (const d of list) {
      if (d.kind === "value") {
        const earlier = value ?? object;
        if (earlier) out.push({ first: earlier, again: d });
        value = d;
      } else {
        if (value) out.push({ first: value, again: d });
        object ??= d;
      }
    }
  }
  return out.sort((a, b) => a.again.keyStart - b.again.keyStart);
}

/**
 * The most segments a path may have. Every definition keeps its whole path, and a dotted key
 * of N segments defines N paths (its prefixes), so a path model without a limit costs the
 * square of a key's length: one key of 30,000 segments (60 KB) took 4 GB. Past this depth a
 * key defines nothing (and nothing under it does): it is reported once, where it crosses it.
 * No configuration comes near it; the built-in schemas are 7 deep. Measured (1 MB of keys of
 * N one-letter segments, heap after analysis): 166 bytes per byte at 8, 264 at 32, 353 at 64;
 * an ordinary configuration, 56 (docs/language-reference.md, "Limits").
 */
export const MAX_PATH_SEGMENTS = 32;

/** Told of a key whose path would cross MAX_PATH_SEGMENTS: the absolute range of its first segment past it. */
export type TooDeep = (start: number, end: number) => void;

interface Frame {
  statements: Statement[]; starts: number[]; i: number; base: Path; baseKey: string;
  /** From this statement on, the frame's statements belong to the body around it (a block that lacks its closer, by its indentation). */
  endsAt: number; outerBase: Path; outerKey: string;
}

/**
 * Walks every definition in text order; iterative over bodies, so deep nesting is fine.
 * `section` is the `[section]` in force where `root` starts (a top-level statement walked alone).
 */
export function walkDefinitions(
  root: Body, rootStart: number, emit: (d: Definition) => void, section: Path = [], tooDeep: TooDeep = () => {},
  ends: ReadonlyMap<number, number> | null = null,
): void {
  const frames: Frame[] = [];
  const enter = (body: Body, at: number, base: Path, baseKey: string, containerAt: number, outerBase: Path, outerKey: string) => {
    const statements: Statement[] = [];
    const starts: number[] = [];
    body.statements.forEach((s, st) => { statements.push(s); starts.push(at + st); });
    const endsAt = ends?.get(containerAt) ?? statements.length;
    frames.push({ statements, starts, i: 0, base, baseKey, endsAt, outerBase, outerKey });
  };
  enter(root, rootStart, [], "", -1, [], "");
  // A section past the limit was reported on its header: nothing under it defines a path.
  let sectionKey = section.length > MAX_PATH_SEGMENTS ? "" : formatPath(section);
  while (frames.length > 0) {
    const f = frames[frames.length - 1];
    if (f.i >= f.statements.length) { frames.pop(); continue; }
    const past = f.i >= f.endsAt;
    const s = f.statements[f.i];
    const at = f.starts[f.i++];
    const atRoot = frames.length === 1;
    const outerIsRoot = frames.length === 2;
    const base = atRoot ? section : past ? (outerIsRoot ? section : f.outerBase) : f.base;
    const baseKey = atRoot ? sectionKey : past ? (outerIsRoot ? sectionKey : f.outerKey) : f.baseKey;
    if (s.kind === "section") {
      if (atRoot) {
        section = s.key && !s.key.global ? s.key.segments.map((x) => x.name) : [];
        sectionKey = section.length > MAX_PATH_SEGMENTS ? "" : formatPath(section);
      }
      if (s.key && atRoot) emitKey(s.key, at, [], "", "section", null, emit, tooDeep);
    } else if (s.kind === "assignment") {
      const isObject = s.value?.kind === "object";
      const path = emitKey(s.key, at, base, baseKey, isObject ? "object" : "value", s.value, emit, tooDeep);
      if (s.value && path) emitValue(s.value, at, path.path, path.key, emit, tooDeep);
    } else if (s.kind === "container") {
      const path = emitKey(s.key, at, base, baseKey, "object", null, emit, tooDeep);
      if (path) enter(s.body, at + s.body.start, path.path, path.key, at, base, baseKey);
    }
  }
}

/**
 * Emits the definitions a key makes; returns the full path and its key, or null for a global
 * or a path past MAX_PATH_SEGMENTS (its segments up to the limit are emitted, as objects).
 */
function emitKey(
  key: KeyPath, at: number, base: Path, baseKey: string, kind: DefinitionKind, value: Expression | null,
  emit: (d: Definition) => void, tooDeep: TooDeep, nested = false,
): { path: Path; key: string } | null {
  if (key.global) {
    const seg = key.segments[0];
    emit({ path: [seg.name], key: `$${seg.name}`, kind, keyStart: at + seg.start, keyEnd: at + seg.end, value, valueBase: at, global: true, nested });
    return null;
  }
  if (base.length >= MAX_PATH_SEGMENTS) {
    // Only where the limit is crossed is it reported; below that, every key is past it.
    if (base.length === MAX_PATH_SEGMENTS) tooDeep(at + key.segments[0].start, at + key.segments[0].end);
    return null;
  }
  const room = MAX_PATH_SEGMENTS - base.length;
  const cut = key.segments.length > room;
  let path: Path = base;
  let formatted = baseKey;
  const segments = cut ? key.segments.slice(0, room) : key.segments;
  segments.forEach((seg, i) => {
    const last = !cut && i === segments.length - 1;
    path = childPath(path, seg.name);
    formatted = appendSegment(formatted, seg.name);
    emit({
      path,
      key: formatted,
      kind: last ? kind : "implied",
      keyStart: at + seg.start,
      keyEnd: at + seg.end,
      value: last ? value : null,
      valueBase: at,
      global: false,
      nested,
    });
  });
  if (cut) {
    tooDeep(at + key.segments[room].start, at + key.segments[room].end);
    return null;
  }
  return { path, key: formatted };
}

/**
 * Objects and arrays inside a value define paths too: `a = [{ b: 1 }]` defines `a[0].b`.
 * Recursive: as deep as the value's brackets, which the parser limits (MAX_EXPRESSION_DEPTH).
 */
function emitValue(e: Expression, at: number, path: Path, key: string, emit: (d: Definition) => void, tooDeep: TooDeep): void {
  if (e.kind === "object") {
    for (const m of e.members) {
      const isObject = m.value.kind === "object";
      const inner = emitKey(m.key, at, path, key, isObject ? "object" : "value", m.value, emit, tooDeep, true);
      if (inner) emitValue(m.value, at, inner.path, inner.key, emit, tooDeep);
    }
  } else if (e.kind === "array") {
    if (path.length >= MAX_PATH_SEGMENTS) return;
    e.elements.forEach((el, i) => {
      if (el.kind === "object" || el.kind === "array") emitValue(el, at, childPath(path, i), appendSegment(key, i), emit, tooDeep);
    });
  }
}
