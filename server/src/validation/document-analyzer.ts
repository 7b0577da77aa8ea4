// The analysis of one document, kept per top-level statement, so that an edit analyses again
// only the top-level statement it touched. A top-level statement's definitions, values, names
// and checks depend on nothing but its own text and the `[section]` in force; its instance also
// on the literal `$globals` (when it uses one), its service references also on the schemas.
// What the incremental parser keeps (the same statement object, not changed in place:
// `revisionOf`) is reused; what moved is shifted; the document's analysis is assembled from
// the parts, which costs a pass over the parts, not an analysis of the text.
import type { Body, Statement } from "../syntax/nodes";
import { StatementList } from "../syntax/statement-list";
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import { revisionOf } from "../syntax/incremental";
import { byPathOf, walkDefinitions, type Definition, type PathIndex } from "../paths/definitions";
import { formatPath, type Path } from "../paths/path";
import { collectWords, emptyValueNames, namesIn, wordsOf, type ValueNames } from "../paths/value-names";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { duplicateKeys, statementChecks } from "../diagnostics/document-checks";
import {
  instanceOf, literalGlobals, mergeInstances, pointer, type GlobalValues, type Instance, type Json,
} from "../schemas/instance";
import { associate, type DocumentPlace } from "../schemas/schema-association";
import { BUILTIN_ROOT } from "../schemas/schema-store";
import { findReferences, type ServiceReference } from "../rules/service-references";
import { suppressionsIn, type Suppression } from "./suppressions";
import type { ValidationSettings } from "./settings";
import type { DocumentAnalysis, SchemaContext } from "./validate-document";

/**
 * Every path of a block nested N deep has N segments: past this depth the path model would
 * cost the square of the file (100,000 levels: billions of segments) and nothing but the
 * syntax is checked. No configuration nests anywhere near it.
 */
export const MAX_CHECKED_DEPTH = 1000;

/** What one top-level statement contributes, in absolute offsets as of `at`. */
interface Part {
  revision: number;
  at: number;
  /** The `[section]` in force where it starts, and formatted. */
  section: Path;
  sectionKey: string;
  /** How deep statements nest inside it (0: no container). */
  depth: number;
  content: PartContent | null;
}

interface PartContent {
  definitions: Definition[];
  /** The definitions whose values are bare words, which may name other keys. */
  withWords: Definition[];
  names: ValueNames;
  /** Directives and escapes. */
  checks: Diagnostic[];
  hasProblems: boolean;
  suppressions: Suppression[];
  instance: { value: Instance; globals: string | null } | null;
  references: { value: ServiceReference[]; roots: string } | null;
}

export class DocumentAnalyzer {
  private parts = new WeakMap<Statement, Part>();

  /** Forget every part: the settings or the schemas changed. */
  clear(): void {
    this.parts = new WeakMap();
  }

  analyze(tree: SyntaxTree, place: DocumentPlace, settings: ValidationSettings, schemas: SchemaContext): DocumentAnalysis {
    const units: { s: Statement; part: Part }[] = [];
    let section: Path = [];
    let sectionKey = "";
    let deepest = 0;
    tree.root.statements.forEach((s, start) => {
      const part = this.partOf(s, start, section, sectionKey);
      if (s.kind === "section") {
        section = s.key && !s.key.global ? s.key.segments.map((x) => x.name) : [];
        sectionKey = formatPath(section);
      }
      units.push({ s, part });
      if (part.depth > deepest) deepest = part.depth;
    });
    const association = associate(tree, place, settings.schemas, schemas.store);
    const roots = schemas.roots(association.schemas);
    if (deepest > MAX_CHECKED_DEPTH) {
      return {
        paths: { definitions: [], byPath: new Map() }, instance: { value: {}, sources: new Map() }, association, roots,
        references: [], names: emptyValueNames(), checks: tree.problems(), suppressions: [], tooDeep: deepest,
      };
    }

    const contents = units.map((u) => this.contentOf(tree, u.s, u.part));
    const definitions = concatAll(contents.map((c) => c.definitions));
    const paths: PathIndex = { definitions, byPath: byPathOf(definitions) };

    const globals = literalGlobals(definitions.filter((d) => d.global));
    const globalsKey = [...globals].map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n");
    const instance = mergeInstances(contents.map((c) => {
      if (!c.instance || (c.instance.globals !== null && c.instance.globals !== globalsKey)) {
        const used = new UsedGlobals(globals);
        c.instance = { value: instanceOf(c.definitions, used), globals: null };
        if (used.used) c.instance.globals = globalsKey;
      }
      return c.instance.value;
    }));

    // References are found through whichever schemas apply, the built-in ones at least.
    const referenceUris = roots.length > 0 ? association.schemas : [BUILTIN_ROOT];
    const referenceRoots = roots.length > 0 ? roots : schemas.roots([BUILTIN_ROOT]);
    const rootsKey = referenceUris.join("\n");
    const references: ServiceReference[] = [];
    for (const c of contents) {
      if (!c.references || c.references.roots !== rootsKey) {
        c.references = { value: findReferences(c.instance!.value, schemas.navigator, referenceRoots), roots: rootsKey };
      }
      // A value that a later statement writes over is no reference any more.
      for (const r of c.references.value) if (instance.sources.get(pointer(r.path))?.valueStart === r.start) references.push(r);
    }

    const names = emptyValueNames();
    for (const c of contents) {
      for (const k of Object.keys(names) as (keyof ValueNames)[]) {
        const from = c.names[k] as unknown[];
        if (from.length > 0) (names[k] as unknown[]) = (names[k] as unknown[]).concat(from);
      }
    }
    collectWords(paths, names, concatAll(contents.map((c) => c.withWords)));

    let checks: Diagnostic[] = duplicateKeys(tree, paths);
    units.forEach((u, i) => {
      const c = contents[i];
      if (c.checks.length > 0) checks = checks.concat(c.checks);
      if (c.hasProblems) checks = checks.concat(tree.problemsIn(alone(u.s, u.part.at), 0));
    });
    checks.sort((a, b) => a.start - b.start || a.end - b.end);

    return {
      paths, instance, association, roots, references, names, checks, tooDeep: null,
      suppressions: concatAll(contents.map((c) => c.suppressions)),
    };
  }

  /** The part of `s` at `start` under `section`: kept, shifted, or new. */
  private partOf(s: Statement, start: number, section: Path, sectionKey: string): Part {
    const known = this.parts.get(s);
    if (known && known.revision === revisionOf(s) && known.sectionKey === sectionKey) {
      if (known.at !== start) shiftPart(known, start - known.at);
      return known;
    }
    let depth = 0;
    if (s.kind === "container") forEachStatement(alone(s, start), 0, (_x, _at, d) => { if (d > depth) depth = d; });
    const part: Part = { revision: revisionOf(s), at: start, section, sectionKey, depth, content: null };
    this.parts.set(s, part);
    return part;
  }

  private contentOf(tree: SyntaxTree, s: Statement, part: Part): PartContent {
    if (part.content) return part.content;
    const body = alone(s, part.at);
    const definitions: Definition[] = [];
    walkDefinitions(body, 0, (d) => definitions.push(d), part.section);
    let hasProblems = false;
    forEachStatement(body, 0, (x) => { if (x.problems.length > 0) hasProblems = true; });
    part.content = {
      definitions,
      withWords: definitions.filter((d) => wordsOf(d).length > 0),
      names: namesIn(body, 0),
      checks: statementChecks(tree, body, 0),
      hasProblems,
      suppressions: suppressionsIn(body, 0),
      instance: null,
      references: null,
    };
    return part.content;
  }
}

/** A body that holds `s` alone, at `start`: the whole-file walks, run on one statement. */
function alone(s: Statement, start: number): Body {
  return { start: 0, statements: new StatementList([{ ...s, gap: start }]) };
}

function concatAll<T>(lists: T[][]): T[] {
  let n = 0;
  for (const l of lists) n += l.length;
  const out = new Array<T>(n);
  let i = 0;
  for (const l of lists) for (const x of l) out[i++] = x;
  return out;
}

/** The globals, noting whether anyone asked. */
class UsedGlobals implements GlobalValues {
  used = false;
  constructor(private readonly values: Map<string, Json>) {}
  get(name: string): Json | undefined {
    this.used = true;
    return this.values.get(name);
  }
}

// ---- moving a part: every offset it holds, by delta ------------------------------------
// In place: the part's objects belong to this analyzer, and the analysis of the version before,
// which also holds them, is replaced by the one being assembled.

function shiftPart(part: Part, delta: number): void {
  part.at += delta;
  const c = part.content;
  if (!c) return;
  for (const d of c.definitions) { d.keyStart += delta; d.keyEnd += delta; d.valueBase += delta; }
  shiftNames(c.names, delta);
  for (const d of c.checks) shiftDiagnostic(d, delta);
  for (const x of c.suppressions) x.offset += delta;
  if (c.instance) {
    for (const x of c.instance.value.sources.values()) { x.keyStart += delta; x.keyEnd += delta; x.valueStart += delta; x.valueEnd += delta; }
  }
  if (c.references) for (const r of c.references.value) { r.start += delta; r.end += delta; }
}

function shiftSpans(spans: readonly { start: number; end: number }[], delta: number): void {
  for (const x of spans) { x.start += delta; x.end += delta; }
}

function shiftNames(n: ValueNames, delta: number): void {
  shiftSpans(n.globalUses, delta);
  for (const r of n.reads) {
    r.fileStart += delta; r.fileEnd += delta; r.keyStart += delta; r.keyEnd += delta;
    if (r.spans) shiftSpans(r.spans, delta);
  }
  shiftSpans(n.imports, delta);
  shiftSpans(n.words, delta);
  shiftSpans(n.globalsInStrings, delta);
  shiftSpans(n.expressionStrings, delta);
}

function shiftDiagnostic(d: Diagnostic, delta: number): void {
  d.start += delta;
  d.end += delta;
  if (d.related) shiftSpans(d.related, delta);
}
