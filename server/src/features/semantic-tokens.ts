// Semantic tokens: what the grammar cannot know, coloured by role with standard token types so
// that every theme colours them. Keys by what they are (a section, a block, a key the schema
// knows, a key it does not), `$globals` (defined here, from another file, unknown), operators
// (in the catalogue or not), bare words naming keys, and services (defined and named).
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Expression } from "../syntax/nodes";
import { forEachStatement } from "../syntax/syntax-tree";
import { forEachExpression } from "../syntax/expression-walk";
import type { PathIndex } from "../paths/definitions";
import type { ValueNames } from "../paths/value-names";
import type { Located, SchemaNavigator } from "../schemas/schema-navigation";
import type { ServiceReference } from "../rules/service-references";
import { operatorNamed } from "../operators/catalogue";

export const TOKEN_TYPES = ["namespace", "struct", "property", "variable", "function", "class"] as const;
export const TOKEN_MODIFIERS = ["declaration", "readonly", "deprecated", "defaultLibrary", "unknown"] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken { start: number; end: number; type: TokenType; modifiers: TokenModifier[] }

export interface SemanticTokensContext {
  tree: SyntaxTree;
  index: PathIndex;
  names: ValueNames;
  references: readonly ServiceReference[];
  navigator: SchemaNavigator;
  roots: Located[];
  /** Where a `$name` read in this file is defined: here, in another file, or nowhere. */
  globalDefinedIn(name: string): "here" | "elsewhere" | null;
}

/** The tokens of the text between `from` and `to` (the whole text by default), in text order. */
export function semanticTokens(ctx: SemanticTokensContext, from = 0, to = Infinity): SemanticToken[] {
  const out: SemanticToken[] = [];
  const add = (start: number, end: number, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (end > start && end > from && start < to) out.push({ start, end, type, modifiers });
  };
  for (const d of ctx.index.definitions) {
    if (d.keyEnd <= from || d.keyStart >= to) continue;
    if (d.global) {
      add(d.keyStart, d.keyEnd, "variable", ["declaration"]);
      continue;
    }
    if (d.path.length === 2 && d.path[0] === "services" && !d.nested) {
      add(d.keyStart, d.keyEnd, "class", ["declaration"]);
      continue;
    }
    if (d.kind === "section") {
      add(d.keyStart, d.keyEnd, "namespace", ["declaration"]);
      continue;
    }
    const schemas = ctx.navigator.at(ctx.roots, d.path);
    const modifiers: TokenModifier[] = ["declaration"];
    if (schemas.length === 0 && ctx.roots.length > 0) modifiers.push("unknown");
    if (schemas.some((s) => s.schema.deprecated === true)) modifiers.push("deprecated");
    add(d.keyStart, d.keyEnd, d.kind === "object" && !d.nested ? "struct" : "property", modifiers);
  }
  for (const u of ctx.names.globalUses) {
    const where = ctx.globalDefinedIn(u.name);
    add(u.start, u.end, "variable", where === "elsewhere" ? ["readonly"] : where === null ? ["unknown"] : []);
  }
  for (const w of ctx.names.words) add(w.start, w.end, "property");
  for (const r of ctx.references) {
    // A name written on one line; a string over lines is left to the grammar.
    if (!/[\r\n]/.test(ctx.tree.buffer.slice(r.start, r.end))) add(r.start, r.end, "class");
  }
  operatorTokens(ctx.tree, from, to, add);
  return dedupe(out.sort((a, b) => a.start - b.start || b.end - a.end));
}

function operatorTokens(tree: SyntaxTree, from: number, to: number, add: (start: number, end: number, type: TokenType, m?: TokenModifier[]) => void): void {
  forEachStatement(tree.root, 0, (s, at) => {
    if (at + s.width <= from || at >= to) return;
    const value = s.kind === "assignment" ? s.value : s.kind === "expression" || s.kind === "import" ? s.expression : null;
    if (!value) return;
    // `@config.tsk` names a file, not an operator: the grammar colours it. Parents come first.
    const files = new Set<Expression>();
    forEachExpression(value, (e) => {
      if (e.kind === "member" && e.name === "tsk" && e.object.kind === "operator") files.add(e.object);
      if (e.kind !== "operator" || files.has(e)) return;
      add(at + e.start, at + e.end, "function", operatorNamed(e.name) ? ["defaultLibrary"] : []);
    });
  });
}

/** Editors take tokens that do not overlap: where two claim a place, the first (outer) wins. */
function dedupe(sorted: SemanticToken[]): SemanticToken[] {
  const out: SemanticToken[] = [];
  let end = -1;
  for (const t of sorted) {
    if (t.start < end) continue;
    out.push(t);
    end = t.end;
  }
  return out;
}
