// Hover: a key's description, type, default and allowed values; an enum value's meaning;
// an operator's signature and docs; a $global's value.
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Expression } from "../syntax/nodes";
import { pathAt } from "../paths/path-at";
import type { PathIndex } from "../paths/definitions";
import { formatPath } from "../paths/path";
import type { Located, SchemaNavigator } from "../schemas/schema-navigation";
import { operatorNamed } from "../operators/catalogue";
import { FILE_READ_DOC, operatorMarkdown } from "./operator-docs";
import { enumValues, keyMarkdown } from "./schema-docs";

export interface Hover { markdown: string; start: number; end: number }

/** Where a global this file does not define is defined, as the workspace knows it. */
/** `value` is null for a file outside the workspace, whose content is not shown. */
export interface GlobalElsewhere { file: string; line: number; value: string | null }

export interface HoverContext {
  tree: SyntaxTree;
  /** Globals from the files this one imports and the peanut.tsk files above it. */
  globalElsewhere?: (name: string) => GlobalElsewhere | null;
  index: PathIndex;
  navigator: SchemaNavigator;
  roots: Located[];
}

export function hover(ctx: HoverContext, offset: number): Hover | null {
  const at = pathAt(ctx.tree, offset);
  if (at.target === "body" || at.target === "comment" || at.target === "too-deep" || !at.statement) return null;
  if (at.target === "key" && at.key) {
    const seg = at.key.segments[at.segment];
    const range = { start: at.statementStart + seg.start, end: at.statementStart + seg.end };
    if (at.global) return globalHover(ctx, String(at.path[0]), range);
    const schemas = ctx.navigator.at(ctx.roots, at.path);
    if (schemas.length === 0) return { markdown: `**${formatPath(at.path)}**`, ...range };
    return { markdown: keyMarkdown(formatPath(at.path), schemas), ...range };
  }
  const e = at.expression;
  if (!e) return null;
  const range = { start: at.statementStart + e.start, end: at.statementStart + e.end };
  const special = expressionHover(ctx, e, range);
  if (special) return special;
  const schemas = ctx.navigator.at(ctx.roots, at.path);
  if (schemas.length === 0) return null;
  const literal = e.kind === "string" ? e.value : e.kind === "word" || e.kind === "text" ? e.text : e.kind === "number" || e.kind === "boolean" ? e.value : undefined;
  // A literal inside an argument or an operand is not the key's value.
  const known = literal === undefined || !at.whole ? undefined : enumValues(schemas).find((v) => v.value === literal);
  const key = keyMarkdown(formatPath(at.path), schemas);
  if (known) return { markdown: `\`${JSON.stringify(known.value)}\`${known.doc ? `: ${known.doc}` : ""}\n\n---\n\n${key}`, ...range };
  return { markdown: key, ...range };
}

function expressionHover(ctx: HoverContext, e: Expression, range: { start: number; end: number }): Hover | null {
  if (e.kind === "operator") {
    const op = operatorNamed(e.name);
    return { markdown: op ? operatorMarkdown(op, true) : `\`@${e.name}\`: an operator neither the TuskLang SDKs nor their docs name`, ...range };
  }
  if (e.kind === "member" && e.name === "tsk" && e.object.kind === "operator") {
    return { markdown: `\`@${e.object.name}.tsk\`: the config file \`${e.object.name}.tsk\`\n\n${FILE_READ_DOC}`, ...range };
  }
  if (e.kind === "global") return globalHover(ctx, e.name, range);
  return null;
}

function globalHover(ctx: HoverContext, name: string, range: { start: number; end: number }): Hover {
  const defs = ctx.index.definitions.filter((d) => d.global && d.path[0] === name && d.value);
  const d = defs[defs.length - 1];
  if (!d || !d.value) {
    const other = ctx.globalElsewhere?.(name);
    if (other?.value === null) return { markdown: `\`$${name}\`: a global, defined in ${other.file} on line ${other.line}, outside the workspace (its value is not shown)`, ...range };
    if (other) return { markdown: `\`\`\`tsk\n$${name} = ${other.value}\n\`\`\`\n\nA global, defined in ${other.file} on line ${other.line}.`, ...range };
    return { markdown: `\`$${name}\`: a global defined neither in this file nor in a file it can see`, ...range };
  }
  const value = ctx.tree.buffer.slice(d.valueBase + d.value.start, d.valueBase + d.value.end);
  const line = ctx.tree.positionAt(d.keyStart).line + 1;
  return { markdown: `\`\`\`tsk\n$${name} = ${value}\n\`\`\`\n\nA global, defined on line ${line}.`, ...range };
}
