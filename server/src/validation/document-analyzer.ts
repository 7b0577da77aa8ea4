// The analysis of one document, kept per top-level statement, so that an edit analyses again
// only the top-level statement it touched. A top-level statement's definitions, values, names
// and checks depend on nothing but its own text and the `[section]` in force; its instance also
// on the literal `$globals` (when it uses one), its service references also on the schemas.
// What the incremental parser kept (the same statement object, not changed in place:
// `revisionOf`) is reused and moved; the index over the whole document (definitions by path)
// is updated by the parts that came and went, not built again. The source of each value is
// found when asked (winning-sources.ts).
import type { KeyPath, Statement } from "../syntax/nodes";
import type { SyntaxTree } from "../syntax/syntax-tree";
import { byPathOf, type Definition, type PathIndex } from "../paths/definitions";
import { formatPath, MAX_PATH_DEPTH, type Path } from "../paths/path";
import { collectWords, emptyValueNames, type ValueNames } from "../paths/value-names";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { duplicateKeys } from "../diagnostics/document-checks";
import { instanceOf, literalGlobals, type GlobalValues, type Instance, type Json } from "../schemas/instance";
import { associate, type DocumentPlace } from "../schemas/schema-association";
import { ValueMerger } from "../schemas/value-merger";
import { BUILTIN_ROOT } from "../schemas/schema-store";
import { findReferences, type ServiceReference } from "../rules/service-references";
import { alone, contentOf, digest, movePart, newPart, stillHolds, type Part, type PartContent } from "./analysis-part";
import { WinningSources, winner } from "./winning-sources";
import { resolveWords } from "./word-references";
import type { ValidationSettings } from "./settings";
import type { DocumentAnalysis, SchemaContext } from "./validate-document";

/** Past this depth only the syntax is checked (paths/path.ts says why). */
export const MAX_CHECKED_DEPTH = MAX_PATH_DEPTH;

export class DocumentAnalyzer {
  private parts = new WeakMap<Statement, Part>();
  private byPath = new Map<string, Definition[]>();
  /** The keys of byPath with more than one definition. */
  private repeated = new Set<string>();
  /** The contents whose definitions byPath holds. */
  private withDefinitions = new Set<PartContent>();
  private merger = new ValueMerger();
  /** The parts' key digests at the last analysis, and their digest. */
  private keyDigests: string[] = [];
  private keysSignature = digest("");
  /** Counts analyses: the stamp of the contents the current one has. */
  private version = 0;

  analyze(tree: SyntaxTree, place: DocumentPlace, settings: ValidationSettings, schemas: SchemaContext): DocumentAnalysis {
    if (tree.buffer.length > settings.maxCheckedLength) {
      const association = associate(tree, place, settings.schemas, schemas.store);
      return syntaxOnly(tree, association, schemas.roots(association.schemas), {
        start: 0, end: 0, severity: "info", code: "too-large-to-check",
        message: `this file is ${megabytes(tree.buffer.length)}: in the editor only the syntax is checked in files over ${megabytes(settings.maxCheckedLength)} (tsk check checks it all)`,
      });
    }
    // Two lists, not an object per statement: this runs at every keystroke.
    const statements: Statement[] = [];
    const parts: Part[] = [];
    let section: Path = [];
    let sectionKey = "";
    let deepest = 0;
    tree.root.statements.forEach((s, start) => {
      let part = this.parts.get(s);
      if (part && stillHolds(part, s, sectionKey)) movePart(part, start);
      else this.parts.set(s, (part = newPart(s, start, section, sectionKey)));
      if (s.kind === "section") {
        // Kept on the part, which lives as long as the header's text: not formatted per keystroke.
        part.opens ??= opened(s.key);
        section = part.opens.section;
        sectionKey = part.opens.key;
      }
      statements.push(s);
      parts.push(part);
      if (part.depth > deepest) deepest = part.depth;
    });
    const association = associate(tree, place, settings.schemas, schemas.store);
    const roots = schemas.roots(association.schemas);
    if (deepest > MAX_CHECKED_DEPTH) {
      return syntaxOnly(tree, association, roots, {
        start: 0, end: 0, severity: "warning", code: "too-deep-to-check",
        message: `blocks nested ${deepest} levels deep: only the syntax is checked past ${MAX_CHECKED_DEPTH} levels`,
      });
    }

    const contents = parts.map((part, i) => contentOf(tree, statements[i], part));
    const definitions = concatAll(contents.map((c) => c.definitions));
    const globals = literalGlobals(concatAll(contents.map((c) => c.globals)));
    const globalsKey = [...globals].map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n");
    // References are found through whichever schemas apply, the built-in ones at least.
    const through = roots.length > 0 ? { uris: association.schemas, roots } : { uris: [BUILTIN_ROOT], roots: schemas.roots([BUILTIN_ROOT]) };
    const rootsKey = through.uris.join("\n");
    for (let i = 0; i < contents.length; i++) {
      const c = contents[i];
      const current = c.instance !== null && (c.instance.globals === null || c.instance.globals === globalsKey);
      if (current && c.references?.roots === rootsKey) continue;
      // The part's instance with its sources, which only finding its references needs.
      const used = new UsedGlobals(globals);
      const made = instanceOf(c.definitions, used);
      if (!current) c.instance = { value: made.value, globals: used.used ? globalsKey : null };
      const found = findReferences(made, schemas.navigator, through.roots);
      c.references = { value: found, owners: ownersOf(found, c.definitions), roots: rootsKey };
    }
    this.updateIndexes(contents);
    const paths = { definitions, byPath: this.byPath, repeated: this.repeated };
    const names = namesOf(contents);
    collectWords(paths, names, concatAll(contents.map((c) => c.withWords)));
    const value = resolveWords(this.merger.merge(contents.map((c) => c.instance!.value)), names.words, this.byPath);
    const instance: Instance = { value, sources: new WinningSources(value, this.byPath, globals) };

    return {
      paths, instance, association, roots, names, syntaxOnly: null,
      references: this.referencesOf(contents),
      checks: checksOf(tree, statements, parts, contents, paths),
      suppressions: concatAll(contents.map((c) => c.suppressions)),
      keysSignature: this.keysSignatureOf(contents),
    };
  }

  /** A digest of the parts' key digests; typing in a value changes none of them, and then it is the last one again. */
  private keysSignatureOf(contents: PartContent[]): string {
    const last = this.keyDigests;
    let same = last.length === contents.length;
    for (let i = 0; same && i < contents.length; i++) same = contents[i].keysDigest === last[i];
    if (!same) {
      this.keyDigests = contents.map((c) => c.keysDigest);
      this.keysSignature = digest(this.keyDigests.join(""));
    }
    return this.keysSignature;
  }

  /** The parts' service references, but those a later statement writes over. */
  private referencesOf(contents: PartContent[]): ServiceReference[] {
    const references: ServiceReference[] = [];
    for (let n = 0; n < contents.length; n++) {
      const { value, owners } = contents[n].references!;
      for (let i = 0; i < value.length; i++) {
        const owner = owners[i];
        if (!owner || !this.repeated.has(owner.key) || winner(this.byPath.get(owner.key)!) === owner) references.push(value[i]);
      }
    }
    return references;
  }

  /**
   * Takes out of the indexes what parts no longer give, and puts in what they give now. Changes
   * are gathered per key first: a key can have as many places as the file has lines (a key set
   * again and again), and each list is then rebuilt once, not once per place.
   */
  private updateIndexes(contents: PartContent[]): void {
    // Which contents this version has: a stamp on each, not a set of thousands per keystroke.
    const stamp = ++this.version;
    for (let i = 0; i < contents.length; i++) contents[i].stamp = stamp;
    const paths = new Changes<Definition>(this.byPath, {
      pushed: (key, list) => { if (list.length > 1) this.repeated.add(key); },
      rebuilt: (key, list) => {
        if (list && list.length > 1) this.repeated.add(key);
        else this.repeated.delete(key);
      },
    });
    this.withDefinitions.forEach((c) => {
      if (c.stamp === stamp) return;
      for (let i = 0; i < c.definitions.length; i++) paths.remove(c.definitions[i].key, c.definitions[i]);
      this.withDefinitions.delete(c);
    });
    for (let n = 0; n < contents.length; n++) {
      const c = contents[n];
      if (this.withDefinitions.has(c)) continue;
      for (let i = 0; i < c.definitions.length; i++) paths.add(c.definitions[i].key, c.definitions[i]);
      this.withDefinitions.add(c);
    }
    paths.apply();
  }
}

/**
 * Places taken out of and put into lists kept in text order, by key; `on` hears of each list
 * that changes. A place that goes at the end of its list (nearly all: parts come in text
 * order) goes in at once; the others, and every removal, wait for `apply`, which rebuilds each
 * list they touch once.
 */
class Changes<T extends { keyStart: number }> {
  private readonly removed = new Map<string, Set<T>>();
  private readonly added = new Map<string, T[]>();

  constructor(
    private readonly lists: Map<string, T[]>,
    private readonly on: {
      /** `item` went in at the end of `list`. */
      pushed(key: string, list: T[], item: T): void;
      /** The list of `key` was rebuilt (undefined: it is gone). */
      rebuilt(key: string, list: T[] | undefined): void;
    },
  ) {}

  remove(key: string, item: T): void {
    let set = this.removed.get(key);
    if (!set) this.removed.set(key, (set = new Set()));
    set.add(item);
  }

  add(key: string, item: T): void {
    const list = this.lists.get(key);
    if (!list) {
      const made = [item];
      this.lists.set(key, made);
      if (!this.removed.has(key)) this.on.pushed(key, made, item);
    } else if (list[list.length - 1].keyStart <= item.keyStart) {
      list.push(item);
      if (!this.removed.has(key)) this.on.pushed(key, list, item);
    } else {
      const waiting = this.added.get(key);
      if (waiting) waiting.push(item);
      else this.added.set(key, [item]);
    }
  }

  /** Applies what waits, and tells of the lists it changed. */
  apply(): void {
    for (const [key, gone] of this.removed) {
      const list = (this.lists.get(key) ?? []).filter((x) => !gone.has(x));
      if (list.length > 0) this.lists.set(key, list);
      else this.lists.delete(key);
    }
    for (const [key, come] of this.added) this.lists.set(key, mergeInOrder(this.lists.get(key) ?? [], come));
    for (const key of new Set([...this.removed.keys(), ...this.added.keys()])) this.on.rebuilt(key, this.lists.get(key));
  }
}

/** Both lists in order of their places: `list` is in order, `more` is put in order here. */
function mergeInOrder<T extends { keyStart: number }>(list: T[], more: T[]): T[] {
  if (more.length > 1) more.sort((a, b) => a.keyStart - b.keyStart);
  if (list.length === 0) return more;
  if (list[list.length - 1].keyStart <= more[0].keyStart) {
    for (const x of more) list.push(x);
    return list;
  }
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < list.length || j < more.length) {
    if (j >= more.length || (i < list.length && list[i].keyStart <= more[j].keyStart)) out.push(list[i++]);
    else out.push(more[j++]);
  }
  return out;
}

/**
 * For each reference, the definition of this part whose value holds it: the one that wins the
 * deepest path along the reference's path that the part defines.
 */
function ownersOf(references: ServiceReference[], definitions: readonly Definition[]): (Definition | null)[] {
  if (references.length === 0) return [];
  const byKey = byPathOf(definitions);
  return references.map((r) => {
    for (let k = r.path.length; k > 0; k--) {
      const list = byKey.get(formatPath(r.path.slice(0, k)));
      if (list) return winner(list);
    }
    return null; // none (it cannot be: the part wrote the value): the reference counts
  });
}

/** The section a `[header]` opens, and its key. */
function opened(key: KeyPath | null): { section: Path; key: string } {
  const section = key && !key.global ? key.segments.map((x) => x.name) : [];
  return { section, key: formatPath(section) };
}

function namesOf(contents: PartContent[]): ValueNames {
  return {
    globalUses: concatAll(contents.map((c) => c.names.globalUses)),
    reads: concatAll(contents.map((c) => c.names.reads)),
    imports: concatAll(contents.map((c) => c.names.imports)),
    words: [],
    globalsInStrings: concatAll(contents.map((c) => c.names.globalsInStrings)),
    expressionStrings: concatAll(contents.map((c) => c.names.expressionStrings)),
  };
}

/** Syntax problems, duplicate keys, directives, escapes and unknown operators, in text order. */
function checksOf(tree: SyntaxTree, statements: Statement[], parts: Part[], contents: PartContent[], paths: PathIndex): Diagnostic[] {
  const checks: Diagnostic[] = duplicateKeys(tree, paths);
  for (let i = 0; i < contents.length; i++) {
    const own = contents[i].checks;
    for (let j = 0; j < own.length; j++) checks.push(own[j]);
    if (contents[i].hasProblems) for (const p of tree.problemsIn(alone(statements[i], parts[i].at), 0)) checks.push(p as Diagnostic);
  }
  checks.sort((a, b) => a.start - b.start || a.end - b.end);
  return onceForNuls(checks);
}

/** A text full of NULs (UTF-16 read as UTF-8) is told so once, at the first: not thousands of times. */
function onceForNuls(checks: Diagnostic[]): Diagnostic[] {
  const first = checks.findIndex((d) => d.code === "nul-character");
  if (first < 0) return checks;
  return checks.filter((d, i) => i === first || d.code !== "nul-character");
}

function concatAll<T>(lists: T[][]): T[] {
  let n = 0;
  for (let j = 0; j < lists.length; j++) n += lists[j].length;
  const out = new Array<T>(n);
  let i = 0;
  for (let j = 0; j < lists.length; j++) {
    const l = lists[j];
    for (let k = 0; k < l.length; k++) out[i++] = l[k];
  }
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

/** The analysis of a file of which only the syntax is checked, and why. */
function syntaxOnly(tree: SyntaxTree, association: DocumentAnalysis["association"], roots: DocumentAnalysis["roots"], why: Diagnostic): DocumentAnalysis {
  return {
    paths: { definitions: [], byPath: new Map() }, instance: { value: {}, sources: new Map() }, association, roots,
    references: [], names: emptyValueNames(), checks: tree.problems(), suppressions: [], syntaxOnly: why, keysSignature: "",
  };
}

function megabytes(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
