// Runs every check of one document, as the server and `tsk check` do.
import { parse } from "../../server/src/syntax/syntax-tree";
import { SchemaContext, validateDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "../../server/src/validation/settings";
import type { Diagnostic } from "../../server/src/diagnostics/diagnostic";
import type { ServiceCatalog } from "../../server/src/rules/rule";

let shared: SchemaContext | null = null;
export const schemaContext = () => (shared ??= new SchemaContext());

export interface Found extends Diagnostic { line: number; text: string }

export function check(text: string, settings: Partial<ValidationSettings> = {}, file: string | null = null, services?: ServiceCatalog): Found[] {
  const tree = parse(text);
  const { diagnostics } = validateDocument(tree, { file, folder: null }, { ...DEFAULT_VALIDATION_SETTINGS, ...settings }, schemaContext(), services);
  return diagnostics.map((d) => ({ ...d, line: tree.positionAt(d.start).line + 1, text: text.slice(d.start, d.end) }));
}

export const codes = (found: Found[]) => found.map((f) => f.code);
