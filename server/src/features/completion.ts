// Completion: the keys valid at the cursor's path (minus those already there, in any
// spelling), values (enum values with their docs, booleans, defaults, examples, service
// names), a snippet for each whole section, @operators and $globals.
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Expression } from "../syntax/nodes";
import { pathAt, type PathAt } from "../paths/path-at";
import { definitionsOf, type PathIndex } from "../paths/definitions";
import { formatPath, type Path } from "../paths/path";
import type { Located, SchemaNavigator } from "../schemas/schema-navigation";
import type { ServiceCatalog } from "../rules/rule";
import { OPERATORS } from "../operators/catalogue";
import { operatorMarkdown, operatorSignature, operatorSnippet } from "./operator-docs";
import { defaultValue, description, enumValues, examples, keyMarkdown, tskLiteral, typeText } from "./schema-docs";

export type CompletionKind = "property" | "section" | "value" | "enum" | "snippet" | "operator" | "global" | "reference";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText is a snippet with $1, ${1|a,b|} and $0. */
  snippet: boolean;
  /** The text the item replaces, in absolute offsets. */
  replace: { start: number; end: number };
  sortText?: string;
}

export interface CompletionContext {
  tree: SyntaxTree;
  index: PathIndex;
  navigator: SchemaNavigator;
  roots: Located[];
  services?: ServiceCatalog;
  /** Globals of the files this one imports and the peanut.tsk files above it, nearest first. */
  globalsElsewhere?: () => { name: string; value: string; file: string }[];
}

/**
 * The characters after which editors ask for completion unprompted: each starts something the
 * server completes (an operator, a global, a key's next segment, a string's value, a value).
 * Not the space: it would open the list after every word, comments included.
 */
export const COMPLETION_TRIGGERS: readonly string[] = ["@", "$", ".", '"', "=", ":"];

/**
 * What may be typed at `offset`. Where the cursor is comes from the tree, not from the text
 * before it: nothing in a comment; in a string, the values the key takes; an operator or a
 * global only where a value can start; keys where a key can stand.
 */
export function complete(ctx: CompletionContext, offset: number): CompletionItem[] {
  const { tree } = ctx;
  const at = pathAt(tree, offset);
  if (at.target === "comment" || at.target === "too-deep") return [];
  const lineStart = tree.offsetAt({ line: tree.positionAt(offset).line, character: 0 });
  const before = tree.buffer.slice(Math.max(lineStart, offset - 256), offset);

  if (at.target === "value") {
    // In a string, what is typed is text: the key's values, nothing that starts an expression.
    if (at.expression?.kind === "string") return at.whole ? valueItems(ctx, at, offset) : [];
    const operator = /@([A-Za-z_][\w.]*)?$/.exec(before);
    if (operator) return operatorItems({ start: offset - operator[0].length, end: offset });
    const global = /\$([A-Za-z_][\w-]*)?$/.exec(before);
    if (global) return globalItems(ctx, { start: offset - global[0].length, end: offset });
    return at.whole && !at.global ? valueItems(ctx, at, offset) : [];
  }
  if (at.global) return [];
  if (at.target === "key" && at.key) {
    const seg = at.key.segments[at.segment];
    const replace = { start: at.statementStart + seg.start, end: at.statementStart + seg.end };
    // Only the segment under the cursor is being chosen: `a.b|.c` completes b under a.
    return keyItems(ctx, at.path.slice(0, -1), replace, at, replace.end < at.statementStart + at.key.end);
  }
  // Where a statement starts: a key, or `@import(…)`. A `$` there defines a new global.
  const operator = /^\s*@([A-Za-z_][\w.]*)?$/.exec(before);
  if (operator) return operatorItems({ start: offset - operator[0].length + operator[0].indexOf("@"), end: offset });
  if (/\$[\w-]*$/.test(before)) return [];
  // Only a key may stand between the start of a statement (the line's, or after `{`, `,`, `;`)
  // and the cursor: after a whole `key = value` on the line, nothing is offered.
  const statementStart = Math.max(before.lastIndexOf("{"), before.lastIndexOf(","), before.lastIndexOf(";")) + 1;
  if (!/^\s*[A-Za-z_]?[\w-]*$/.test(before.slice(statementStart))) return [];
  const word = /[A-Za-z_][\w-]*$/.exec(before);
  return keyItems(ctx, at.path, { start: offset - (word?.[0].length ?? 0), end: offset }, at, false);
}

function keyItems(ctx: CompletionContext, parent: Path, replace: { start: number; end: number }, at: PathAt, nameOnly: boolean): CompletionItem[] {
  const schemas = ctx.navigator.at(ctx.roots, parent);
  const props = ctx.navigator.properties(schemas);
  const sep = separatorStyle(at);
  const items: CompletionItem[] = [];
  for (const [name, propSchemas] of props) {
    if (isPresent(ctx.index, [...parent, name], replace)) continue;
    const type = typeText(propSchemas);
    const isObject = type === "object" || propSchemas.some((s) => s.schema.type === "object" && s.schema.properties);
    const label = /^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name);
    const doc = keyMarkdown(formatPath([...parent, name]), propSchemas);
    items.push({
      label,
      kind: parent.length === 0 ? "section" : "property",
      detail: type,
      documentation: doc,
      insertText: nameOnly ? label : keySnippet(label, propSchemas, isObject, sep),
      snippet: !nameOnly,
      replace,
      sortText: `1${name}`,
    });
    if (parent.length === 0 && isObject && !nameOnly) {
      items.push({
        label: `${label} section`,
        kind: "snippet",
        detail: "the whole section, with its common keys",
        documentation: description(propSchemas),
        insertText: sectionSnippet(ctx, label, propSchemas),
        snippet: true,
        replace,
        sortText: `2${name}`,
      });
    }
  }
  return items;
}

/** Whether `path` is already defined, by a key other than the one being typed. */
function isPresent(index: PathIndex, path: Path, typing: { start: number; end: number }): boolean {
  return definitionsOf(index, path).some((d) => d.keyStart !== typing.start);
}

function separatorStyle(at: PathAt): string {
  const s = at.statement;
  if (s && (s.kind === "assignment" || s.kind === "container") && s.separator) return s.separator.text === ":" ? ": " : " = ";
  return " = ";
}

function keySnippet(label: string, schemas: Located[], isObject: boolean, sep: string): string {
  if (isObject) return `${label}${sep}{\n\t$0\n}`;
  const values = enumValues(schemas);
  if (values.length > 0 && values.every((v) => typeof v.value === "string")) {
    return `${label}${sep}"\${1|${values.map((v) => escapeChoice(String(v.value))).join(",")}|}"`;
  }
  const t = typeText(schemas);
  if (t === "boolean") return `${label}${sep}\${1|true,false|}`;
  const def = defaultValue(schemas) ?? examples(schemas)[0];
  if (def !== undefined && (typeof def !== "object" || def === null)) return `${label}${sep}\${1:${escapeSnippet(tskLiteral(def))}}`;
  if (t === "array") return `${label}${sep}[$1]`;
  if (t === "string" || t === "duration" || t === "URI") return `${label}${sep}"$1"`;
  return `${label}${sep}$1`;
}

function sectionSnippet(ctx: CompletionContext, label: string, schemas: Located[]): string {
  const props = ctx.navigator.properties(schemas);
  const lines: string[] = [];
  let n = 1;
  for (const [name, p] of props) {
    const def = defaultValue(p) ?? examples(p)[0];
    if (def === undefined || (typeof def === "object" && def !== null && !Array.isArray(def))) continue;
    lines.push(`\t${name} = \${${n++}:${escapeSnippet(tskLiteral(def))}}`);
    if (lines.length >= 6) break;
  }
  return `${label} = {\n${lines.join("\n")}${lines.length ? "\n" : ""}\t$0\n}`;
}

function valueItems(ctx: CompletionContext, at: PathAt, offset: number): CompletionItem[] {
  const schemas = ctx.navigator.at(ctx.roots, at.path);
  const replace = literalRange(at.expression, at.statementStart) ?? { start: offset, end: offset };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, kind: CompletionKind, doc: string | undefined, detail: string) => {
    const text = tskLiteral(value);
    if (seen.has(text)) return;
    seen.add(text);
    items.push({ label: text, kind, detail, documentation: doc, insertText: text, snippet: false, replace, sortText: `${items.length}`.padStart(4, "0") });
  };
  for (const v of enumValues(schemas)) add(v.value, "enum", v.doc, "known value");
  if (typeText(schemas)?.split(" | ").includes("boolean")) { add(true, "value", undefined, "boolean"); add(false, "value", undefined, "boolean"); }
  const def = defaultValue(schemas);
  if (def !== undefined) add(def, "value", undefined, "default");
  for (const ex of examples(schemas)) add(ex, "value", undefined, "example");
  const reference = schemas.map((s) => s.schema["x-tsk-reference"]).find((r) => typeof r === "string");
  if (reference === "services" && ctx.services) {
    for (const name of ctx.services.names()) add(name, "reference", undefined, "service");
  }
  return items;
}

/** The range of a simple value under the cursor, which a chosen value replaces. */
function literalRange(e: Expression | null, base: number): { start: number; end: number } | null {
  if (!e) return null;
  if (["string", "number", "boolean", "null", "word", "text", "range", "error"].includes(e.kind)) return { start: base + e.start, end: base + e.end };
  return null;
}

function operatorItems(replace: { start: number; end: number }): CompletionItem[] {
  return OPERATORS.map((o, i) => ({
    label: `@${o.name}`, kind: "operator" as const, detail: operatorSignature(o), documentation: operatorMarkdown(o, false),
    insertText: operatorSnippet(o), snippet: true, replace, sortText: String(i).padStart(3, "0"),
  }));
}

function globalItems(ctx: CompletionContext, replace: { start: number; end: number }): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const d of ctx.index.definitions) {
    if (!d.global) continue;
    const name = String(d.path[0]);
    if (seen.has(name) || (d.keyStart <= replace.end && d.keyEnd >= replace.start)) continue;
    seen.add(name);
    const value = d.value ? ctx.tree.buffer.slice(d.valueBase + d.value.start, d.valueBase + d.value.end) : "";
    items.push({ label: `$${name}`, kind: "global", detail: value, documentation: `\`$${name} = ${value}\``, insertText: `$${name}`, snippet: false, replace });
  }
  for (const g of ctx.globalsElsewhere?.() ?? []) {
    if (seen.has(g.name)) continue;
    seen.add(g.name);
    items.push({ label: `$${g.name}`, kind: "global", detail: g.value, documentation: `\`$${g.name} = ${g.value}\`, from ${g.file}`, insertText: `$${g.name}`, snippet: false, replace });
  }
  return items;
}

function escapeChoice(s: string): string {
  return s.replace(/[\\|,}$]/g, (c) => `\\${c}`);
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\}$]/g, (c) => `\\${c}`);
}
