// What one top-level statement contributes to its document's analysis, in absolute offsets as
// of where it stood when last used; and moving it when an edit before it moved it.
import { indentationEnd } from "../syntax/indentation-ends";
import { createHash } from "node:crypto";
import type { Body, Statement } from "../syntax/nodes";
import { StatementList } from "../syntax/statement-list";
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import { revisionOf } from "../syntax/incremental";
import { MAX_PATH_SEGMENTS, walkDefinitions, type Definition } from "../paths/definitions";
import type { Path } from "../paths/path";
import { namesIn, wordsOf, type ValueNames } from "../paths/value-names";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { statementChecks } from "../diagnostics/document-checks";
import { unknownOperators } from "../operators/unknown-operators";
import type { ServiceReference } from "../rules/service-references";
import { suppressionsIn, type Suppression } from "./suppressions";

export interface Part {
  /** The statement's revision (`revisionOf`) when this was computed. */
  revision: number;
  /** Where the statement starts: every offset below is absolute for this start. */
  at: number;
  /** The `[section]` in force where it starts, and formatted. */
  section: Path;
  sectionKey: string;
  /** How deep statements nest inside it (0: no container). */
  depth: number;
  /** For a `[header]`: the section it opens, and its key (made when first needed). */
  opens: { section: Path; key: string } | null;
  /** Computed only when the document is not too deep to check. */
  content: PartContent | null;
}

export interface PartContent {
  definitions: Definition[];
  /** A digest of the keys it defines, in order (globals aside): what other files can see of it. */
  keysDigest: string;
  /** Its `$global` definitions. */
  globals: Definition[];
  /** The definitions whose values are bare words, which may name other keys. */
  withWords: Definition[];
  names: ValueNames;
  /** Directives, escapes and unknown operators. */
  checks: Diagnostic[];
  hasProblems: boolean;
  suppressions: Suppression[];
  /** Its share of the instance, and the literal globals it used (null: none), as DocumentAnalyzer keys them. */
  instance: PartInstance | null;
  /** The last analysis that had this part (DocumentAnalyzer's count). */
  stamp: number;
  /**
   * Its service references, for the schemas keyed by `roots`, each with the definition whose
   * value holds it: a reference counts while that definition wins its path.
   */
  references: { value: ServiceReference[]; owners: (Definition | null)[]; roots: string } | null;
}

/**
 * A part's share of the instance: its value. The source of each value is not kept (a map of
 * them would cost more than all the rest): WinningSources finds it again when asked.
 */
export interface PartInstance {
  value: Record<string, unknown>;
  globals: string | null;
}

/** Whether `part`, computed for `s`, still holds for it under the section `sectionKey`. */
export function stillHolds(part: Part, s: Statement, sectionKey: string): boolean {
  return part.revision === revisionOf(s) && part.sectionKey === sectionKey;
}

export function newPart(s: Statement, start: number, section: Path, sectionKey: string): Part {
  let depth = 0;
  if (s.kind === "container") forEachStatement(alone(s, start), 0, (_x, _at, d) => { if (d > depth) depth = d; });
  return { revision: revisionOf(s), at: start, section, sectionKey, depth, opens: null, content: null };
}

export function contentOf(tree: SyntaxTree, s: Statement, part: Part): PartContent {
  if (part.content) return part.content;
  const body = alone(s, part.at);
  const definitions: Definition[] = [];
  const tooDeep: Diagnostic[] = [];
  let hasProblems = false;
  forEachStatement(body, 0, (x) => { if (x.problems.length > 0) hasProblems = true; });
  // Where braces do not balance, the lines after a block that lacks its closer are read as its
  // indentation places them (indentation-ends.ts).
  const end = hasProblems ? indentationEnd(tree, body, 0) : null;
  walkDefinitions(body, 0, (d) => definitions.push(d), part.section, (start, at) => tooDeep.push(pathTooDeep(start, at)), end ? new Map([[end.at, end.index]]) : null);
  const names = namesIn(body, 0);
  part.content = {
    definitions,
    keysDigest: digest(definitions.filter((d) => !d.global).map((d) => d.key).join("\n")),
    globals: shared(definitions.filter((d) => d.global)),
    withWords: shared(definitions.filter((d) => wordsOf(d).length > 0)),
    names: {
      globalUses: shared(names.globalUses), reads: shared(names.reads), imports: shared(names.imports), words: shared(names.words),
      globalsInStrings: shared(names.globalsInStrings), expressionStrings: shared(names.expressionStrings),
    },
    checks: shared(tooDeep.concat(statementChecks(tree, body, 0), unknownOperators(body, 0))),
    hasProblems,
    suppressions: shared(suppressionsIn(body, 0)),
    instance: null,
    stamp: 0,
    references: null,
  };
  return part.content;
}

function pathTooDeep(start: number, end: number): Diagnostic {
  return {
    start, end, severity: "warning", code: "path-too-deep",
    message: `this key's path is more than ${MAX_PATH_SEGMENTS} segments deep: it and the keys under it are not checked`,
  };
}

/** Most parts have none of most things: they all share one empty list (a document has thousands of parts). */
const NONE: never[] = [];

function shared<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list;
}

export function digest(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}

/** A body that holds `s` alone, at `start`: the whole-file walks, run on one statement. */
export function alone(s: Statement, start: number): Body {
  return { start: 0, statements: new StatementList([{ ...s, gap: start }]) };
}

// ---- moving a part: every offset it holds, by delta ------------------------------------
// In place: the part's objects belong to one DocumentAnalyzer, and the analysis of the version
// before, which also holds them, is replaced by the one being assembled. Indexed loops, not
// `for…of`: these lists differ in element kind (the shared empty list among them), and over
// them V8 left the iterator unoptimized, a result object per element: ~1 MB per keystroke at
// 10k lines, all of it garbage that a small young generation promotes.

export function movePart(part: Part, to: number): void {
  const delta = to - part.at;
  part.at = to;
  const c = part.content;
  if (!c || delta === 0) return;
  const definitions = c.definitions;
  for (let i = 0; i < definitions.length; i++) {
    const d = definitions[i];
    d.keyStart += delta;
    d.keyEnd += delta;
    d.valueBase += delta;
  }
  moveNames(c.names, delta);
  const checks = c.checks;
  for (let i = 0; i < checks.length; i++) {
    const d = checks[i];
    d.start += delta;
    d.end += delta;
    if (d.related) moveSpans(d.related, delta);
  }
  const suppressions = c.suppressions;
  for (let i = 0; i < suppressions.length; i++) suppressions[i].offset += delta;
  if (c.references) moveSpans(c.references.value, delta);
}

function moveSpans(spans: readonly { start: number; end: number }[], delta: number): void {
  for (let i = 0; i < spans.length; i++) {
    const x = spans[i];
    x.start += delta;
    x.end += delta;
  }
}

function moveNames(n: ValueNames, delta: number): void {
  moveSpans(n.globalUses, delta);
  const reads = n.reads;
  for (let i = 0; i < reads.length; i++) {
    const r = reads[i];
    r.fileStart += delta;
    r.fileEnd += delta;
    r.keyStart += delta;
    r.keyEnd += delta;
    if (r.spans) moveSpans(r.spans, delta);
  }
  moveSpans(n.imports, delta);
  moveSpans(n.words, delta);
  moveSpans(n.globalsInStrings, delta);
  moveSpans(n.expressionStrings, delta);
}
