// Every check of one document, in one list: syntax, duplicates and directives, the schemas,
// and the cross-section rules; then the user's severities and suppression comments.
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { checkDocument } from "../diagnostics/document-checks";
import { indexPaths, type PathIndex } from "../paths/definitions";
import { collectValueNames, type ValueNames } from "../paths/value-names";
import { buildInstance, type Instance } from "../schemas/instance";
import { associate, type Association, type DocumentPlace } from "../schemas/schema-association";
import { validateInstance } from "../schemas/validate-document";
import { BUILTIN_ROOT, builtinSchemaFolder, SchemaStore } from "../schemas/schema-store";
import { Validator } from "../schemas/validator";
import { SchemaNavigator, type Located } from "../schemas/schema-navigation";
import { RULES } from "../rules/all-rules";
import { findReferences, type ServiceReference } from "../rules/service-references";
import type { ServiceCatalog } from "../rules/rule";
import type { WorkspaceView } from "../rules/workspace-view";
import { InstanceServiceCatalog, servicesOf, withOwnServices } from "./service-catalog";
import { suppressedLines } from "./suppressions";
import type { ValidationSettings } from "./settings";

/** Codes of the parser's own problems: they cannot be silenced or turned down. */
export const SYNTAX_CODES = new Set([
  "expected-value", "expected-key", "expected-separator", "unclosed-block", "unclosed-bracket", "unmatched-close",
  "unterminated-string", "unterminated-comment", "unknown-character", "unexpected-token", "yaml-list",
  "section-in-block", "too-deep", "syntax",
]);

export interface ValidationResult {
  diagnostics: Diagnostic[];
  instance: Instance;
  schemas: Located[];
}

/** What every check and the workspace index read of a document: computed once per version. */
export interface DocumentAnalysis {
  paths: PathIndex;
  instance: Instance;
  association: Association;
  /** The schemas that apply. */
  roots: Located[];
  /** Values that name a service (or another `x-tsk-reference` target), found through the schemas. */
  references: ServiceReference[];
  names: ValueNames;
  /** Nesting deeper than MAX_CHECKED_DEPTH: how deep. Nothing above was computed then. */
  tooDeep: number | null;
}

/**
 * Every path of a block nested N deep has N segments: past this depth the path model would
 * cost the square of the file (100,000 levels: billions of segments) and nothing but the
 * syntax is checked. No configuration nests anywhere near it.
 */
export const MAX_CHECKED_DEPTH = 1000;

/** The schemas, the engine and the navigator, shared by every document of a session. */
export class SchemaContext {
  readonly store = new SchemaStore();
  readonly validator: Validator;
  readonly navigator: SchemaNavigator;

  constructor(builtinFolder = builtinSchemaFolder()) {
    this.store.loadFolder(builtinFolder);
    this.validator = new Validator(this.store);
    this.navigator = new SchemaNavigator(this.store);
  }

  roots(uris: string[]): Located[] {
    return uris.map((u) => this.navigator.root(u)).filter((x): x is Located => x !== null);
  }
}

export function analyzeDocument(tree: SyntaxTree, place: DocumentPlace, settings: ValidationSettings, schemas: SchemaContext): DocumentAnalysis {
  const depth = maxDepth(tree);
  if (depth > MAX_CHECKED_DEPTH) {
    const paths: PathIndex = { definitions: [], byPath: new Map() };
    const association = associate(tree, place, settings.schemas, schemas.store);
    return {
      paths, instance: { value: {}, sources: new Map() }, association, roots: schemas.roots(association.schemas), references: [],
      names: { globalUses: [], reads: [], imports: [], words: [], globalsInStrings: [], expressionStrings: [] }, tooDeep: depth,
    };
  }
  const paths = indexPaths(tree);
  const instance = buildInstance(tree, paths);
  const association = associate(tree, place, settings.schemas, schemas.store);
  const roots = schemas.roots(association.schemas);
  // References are found through whichever schemas apply, the built-in ones at least.
  const referenceRoots = roots.length > 0 ? roots : schemas.roots([BUILTIN_ROOT]);
  const references = findReferences(instance, schemas.navigator, referenceRoots);
  return { paths, instance, association, roots, references, names: collectValueNames(tree, paths), tooDeep: null };
}

function maxDepth(tree: SyntaxTree): number {
  let deepest = 0;
  forEachStatement(tree.root, 0, (_s, _at, depth) => { if (depth > deepest) deepest = depth; });
  return deepest;
}

/**
 * Every check of one document. `workspace` answers questions about other files (when it is
 * given, its service catalog is used); `analysis` may be passed when it is known already.
 */
export function validateDocument(
  tree: SyntaxTree, place: DocumentPlace, settings: ValidationSettings, schemas: SchemaContext,
  services?: ServiceCatalog, workspace: WorkspaceView | null = null,
  analysis: DocumentAnalysis = analyzeDocument(tree, place, settings, schemas),
): ValidationResult {
  const { paths: index, instance, association, roots, references, names } = analysis;
  if (analysis.tooDeep !== null) {
    const deep: Diagnostic = {
      start: 0, end: 0, severity: "warning", code: "too-deep-to-check",
      message: `blocks nested ${analysis.tooDeep} levels deep: only the syntax is checked past ${MAX_CHECKED_DEPTH} levels`,
    };
    return { diagnostics: [deep, ...tree.problems()] as Diagnostic[], instance, schemas: roots };
  }
  const all: Diagnostic[] = checkDocument(tree, index);
  if (!settings.enabled) return { diagnostics: all.filter((d) => SYNTAX_CODES.has(d.code)), instance, schemas: roots };
  for (const d of validateInstance(instance, association, schemas.validator)) all.push(d);
  let catalog: ServiceCatalog;
  if (workspace) {
    // The index holds this document's latest text already.
    catalog = workspace.services;
  } else if (services) {
    catalog = withOwnServices(services, servicesOf(instance), place.file);
  } else {
    const only = new InstanceServiceCatalog();
    only.addFile(servicesOf(instance), place.file);
    catalog = only;
  }
  const ctx = { tree, index, instance, references, services: catalog, fileName: place.file, names, workspace };
  for (const rule of RULES) {
    // A rule that judges by the whole workspace waits until the workspace is indexed.
    if (rule.workspaceWide && workspace && !workspace.complete) continue;
    for (const f of rule.check(ctx)) all.push({ ...f, code: rule.code, severity: rule.severity });
  }
  return { diagnostics: applySettings(tree, all, settings), instance, schemas: roots };
}

function applySettings(tree: SyntaxTree, diagnostics: Diagnostic[], settings: ValidationSettings): Diagnostic[] {
  const suppressed = suppressedLines(tree);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (SYNTAX_CODES.has(d.code)) { out.push(d); continue; }
    const level = settings.rules[d.code];
    if (level === "off") continue;
    if (suppressed.size > 0) {
      const silenced = suppressed.get(tree.positionAt(d.start).line);
      if (silenced && (silenced.size === 0 || silenced.has(d.code))) continue;
    }
    out.push(level ? { ...d, severity: level } : d);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
