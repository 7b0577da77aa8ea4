// Every check of one document, in one list: syntax, duplicates and directives, the schemas,
// and the cross-section rules; then the user's severities and suppression comments.
import type { SyntaxTree } from "../syntax/syntax-tree";
import { escapeInvisible } from "../syntax/shown-text";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { PathIndex } from "../paths/definitions";
import type { ValueNames } from "../paths/value-names";
import type { Instance } from "../schemas/instance";
import type { Association, DocumentPlace } from "../schemas/schema-association";
import { validateInstance } from "../schemas/validate-document";
import { builtinSchemaFolder, SchemaStore } from "../schemas/schema-store";
import { Validator } from "../schemas/validator";
import { SchemaNavigator, type Located } from "../schemas/schema-navigation";
import { RULES } from "../rules/all-rules";
import type { ServiceReference } from "../rules/service-references";
import type { ServiceCatalog } from "../rules/rule";
import type { WorkspaceView } from "../rules/workspace-view";
import { InstanceServiceCatalog, servicesOf, withOwnServices } from "./service-catalog";
import { suppressedLinesOf, type Suppression } from "./suppressions";
import { DocumentAnalyzer, MAX_CHECKED_DEPTH } from "./document-analyzer";
import type { ValidationSettings } from "./settings";

/** Codes of the parser's own problems: they cannot be silenced or turned down. */
export const SYNTAX_CODES = new Set([
  "expected-value", "expected-key", "expected-separator", "unclosed-block", "unclosed-bracket", "unmatched-close",
  "unterminated-string", "unterminated-comment", "unknown-character", "unexpected-token", "yaml-list", "yaml-block", "json-document",
  "section-in-block", "too-deep", "nul-character",
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
  /** The checks that need this file alone: syntax, duplicate keys, directives, escapes, unknown operators; in text order. */
  checks: Diagnostic[];
  /** The `# tsk-disable-next-line` comments. */
  suppressions: Suppression[];
  /** Equal for two analyses whose files define the same keys in the same order. */
  keysSignature: string;
  /**
   * Why only the syntax is checked (nesting deeper than MAX_CHECKED_DEPTH, a file larger than
   * the settings' budget), said once; nothing above was computed then. Null: everything was.
   */
  syntaxOnly: Diagnostic | null;
}

export { MAX_CHECKED_DEPTH };

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

/** A document's analysis from scratch (an open document keeps a DocumentAnalyzer, which reuses what an edit left alone). */
export function analyzeDocument(tree: SyntaxTree, place: DocumentPlace, settings: ValidationSettings, schemas: SchemaContext): DocumentAnalysis {
  return new DocumentAnalyzer().analyze(tree, place, settings, schemas);
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
  if (analysis.syntaxOnly !== null) return { diagnostics: [analysis.syntaxOnly, ...analysis.checks], instance, schemas: roots };
  const all: Diagnostic[] = analysis.checks.slice();
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
    // Rules quote names and values from the files: escaped here, once for all of them.
    for (const f of rule.check(ctx)) {
      const d: Diagnostic = { ...f, message: escapeInvisible(f.message), code: rule.code, severity: rule.severity };
      if (f.related) d.related = f.related.map((r) => ({ ...r, message: escapeInvisible(r.message) }));
      all.push(d);
    }
  }
  return { diagnostics: applySettings(tree, all, settings, analysis.suppressions), instance, schemas: roots };
}

function applySettings(tree: SyntaxTree, diagnostics: Diagnostic[], settings: ValidationSettings, suppressions: Suppression[]): Diagnostic[] {
  const suppressed = suppressedLinesOf(tree, suppressions);
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
