// Every check of one document, in one list: syntax, duplicates and directives, the schemas,
// and the cross-section rules; then the user's severities and suppression comments.
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { checkDocument } from "../diagnostics/document-checks";
import { indexPaths } from "../paths/definitions";
import { buildInstance, type Instance } from "../schemas/instance";
import { associate, type DocumentPlace } from "../schemas/schema-association";
import { validateInstance } from "../schemas/validate-document";
import { BUILTIN_ROOT, builtinSchemaFolder, SchemaStore } from "../schemas/schema-store";
import { Validator } from "../schemas/validator";
import { SchemaNavigator, type Located } from "../schemas/schema-navigation";
import { RULES } from "../rules/all-rules";
import { findReferences } from "../rules/service-references";
import type { ServiceCatalog } from "../rules/rule";
import { InstanceServiceCatalog, servicesOf, withOwnServices } from "./service-catalog";
import { suppressedLines } from "./suppressions";
import type { ValidationSettings } from "./settings";

/** Codes of the parser's own problems: they cannot be silenced or turned down. */
const SYNTAX_CODES = new Set([
  "expected-value", "expected-key", "expected-separator", "unclosed-block", "unclosed-bracket", "unmatched-close",
  "unterminated-string", "unterminated-comment", "unknown-character", "unexpected-token", "yaml-list",
  "section-in-block", "too-deep", "syntax",
]);

export interface ValidationResult {
  diagnostics: Diagnostic[];
  instance: Instance;
  schemas: Located[];
}

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

export function validateDocument(
  tree: SyntaxTree, place: DocumentPlace, settings: ValidationSettings, schemas: SchemaContext,
  services?: ServiceCatalog,
): ValidationResult {
  const index = indexPaths(tree);
  const instance = buildInstance(tree, index);
  const association = associate(tree, place, settings.schemas, schemas.store);
  const roots = schemas.roots(association.schemas);
  const all: Diagnostic[] = checkDocument(tree, index);
  if (!settings.enabled) return { diagnostics: all.filter((d) => SYNTAX_CODES.has(d.code)), instance, schemas: roots };
  for (const d of validateInstance(instance, association, schemas.validator)) all.push(d);
  const own = servicesOf(instance);
  let catalog: ServiceCatalog;
  if (services) {
    catalog = withOwnServices(services, own, place.file);
  } else {
    const only = new InstanceServiceCatalog();
    only.addFile(own, place.file);
    catalog = only;
  }
  // References are found through whichever schemas apply, the built-in ones at least.
  const referenceRoots = roots.length > 0 ? roots : schemas.roots([BUILTIN_ROOT]);
  const references = findReferences(instance, schemas.navigator, referenceRoots);
  const ctx = { tree, index, instance, references, services: catalog, fileName: place.file };
  for (const rule of RULES) {
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
