// What the workspace index keeps of one file: not its tree, but every name it defines and
// uses, with the ranges navigation needs. Small enough to hold for thousands of files.
import { createHash } from "node:crypto";
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Definition, PathIndex } from "../paths/definitions";
import { formatPath, type Path } from "../paths/path";
import type { NameUse, ValueNames } from "../paths/value-names";
import type { Instance } from "../schemas/instance";
import type { ServiceReference } from "../rules/service-references";
import { servicesOf } from "../validation/service-catalog";
import type { PositionMap } from "./line-starts";
import { KeyTable, type KeyDefinition } from "./key-table";

export type { KeyDefinition };

/** What the index needs of a file's analysis (validation's DocumentAnalysis has it all). */
export interface FileAnalysis {
  paths: PathIndex;
  instance: Instance;
  references: ServiceReference[];
  names: ValueNames;
  /** Equal for two analyses whose files define the same keys in the same order. */
  keysSignature: string;
}

/** A value that names a member of a root key (`service = "users"` names `services.users`). */
export interface NamedReference {
  name: string;
  /** The root key whose members it names: `services`. */
  target: string;
  start: number;
  end: number;
  /** The value's quote, or null for a bare word. */
  quote: string | null;
}

export interface GlobalDefinition extends NameUse {
  value: string;
}

/** More of a global's value than this is not kept: hover shows the start of it. */
const MAX_SHOWN = 200;

export interface FileSummary {
  keys: KeyTable;
  /** `$name = …`: the key's range, `$` included, and the value as written (for hover elsewhere). */
  globals: GlobalDefinition[];
  names: ValueNames;
  references: NamedReference[];
  /** Services this file defines: name → the services it depends on. */
  services: Map<string, string[]>;
  positions: PositionMap;
  /** Changes when what other files can see of this one changes (globals, keys, imports, services). */
  exports: string;
  /** Changes when the globals this file reads change. */
  uses: string;
  /** Changes when the services it defines (or their dependencies) change. */
  servicesSignature: string;
}

/**
 * `lazyKeys`, for an open document: its key table is built when first asked for, not at every
 * keystroke. Its analysis belongs to the document's DocumentAnalyzer, which moves definitions
 * in place at the next version, when the index replaces this summary; until then it is current.
 */
export function summarize(tree: SyntaxTree, analysis: FileAnalysis, positions: PositionMap, lazyKeys = false): FileSummary {
  const text = tree.buffer;
  const quoteAt = (offset: number): string | null => {
    const c = text.charCodeAt(offset);
    return c === 34 ? '"' : c === 39 ? "'" : null;
  };
  const globals: GlobalDefinition[] = [];
  // Indexed: an open document is summarized at every keystroke, and over its thousands of
  // definitions a `for…of` left V8 a result object per element.
  const definitions = analysis.paths.definitions;
  for (let i = 0; i < definitions.length; i++) {
    const d = definitions[i];
    if (!d.global) continue;
    const value = d.value ? text.slice(d.valueBase + d.value.start, Math.min(d.valueBase + d.value.end, d.valueBase + d.value.start + MAX_SHOWN)) : "";
    globals.push({ name: String(d.path[0]), start: d.keyStart, end: d.keyEnd, value });
  }
  // Built now for a file on disk: a summary must not keep its analysis (nor, through it, its tree).
  const keys = lazyKeys ? lazyKeyTable(analysis.paths.definitions, quoteAt) : constant(KeyTable.fromDefinitions(analysis.paths.definitions, quoteAt));
  const references = analysis.references.map((r): NamedReference => {
    const quote = quoteAt(r.start);
    // A triple-quoted value cannot be rewritten by swapping its inside: treat it as computed.
    const triple = quote !== null && quoteAt(r.start + 1) === quote && quoteAt(r.start + 2) === quote;
    return { name: r.name, target: r.target, start: r.start, end: r.end, quote: triple ? "'''" : quote };
  });
  const services = servicesOf(analysis.instance);
  return withKeys(keys, {
    globals, names: analysis.names, references, services, positions,
    exports: hash([
      globals.map((g) => g.name).join(" "),
      analysis.keysSignature,
      analysis.names.imports.map((i) => i.path).join("\n"),
    ]),
    uses: hash([[...new Set(analysis.names.globalUses.map((u) => u.name))].sort().join(" ")]),
    servicesSignature: hash([...services].map(([name, deps]) => `${name}:${deps.join(",")}`)),
  });
}

/**
 * The summary, its key table behind a getter. Made here, not where the table's closures are,
 * so that the getter keeps alive what the table needs and nothing else of summarize's scope.
 */
function withKeys(keys: () => KeyTable, rest: Omit<FileSummary, "keys">): FileSummary {
  return Object.defineProperty(rest, "keys", { get: keys, enumerable: true }) as FileSummary;
}

function constant<T>(value: T): () => T {
  return () => value;
}

function lazyKeyTable(definitions: readonly Definition[], quoteAt: (offset: number) => string | null): () => KeyTable {
  let table: KeyTable | null = null;
  return () => (table ??= KeyTable.fromDefinitions(definitions, quoteAt));
}

function hash(parts: string[]): string {
  const h = createHash("sha1");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("base64");
}

/** Where `summary`'s file defines `path`, in text order. */
export function definitionsOf(summary: FileSummary, path: Path): KeyDefinition[] {
  return summary.keys.definitionsOf(formatPath(path), path.length);
}

export function defines(summary: FileSummary, path: Path): boolean {
  return summary.keys.has(formatPath(path), path.length);
}

/**
 * The definition that best stands for a path: the last value (it wins, as duplicates go),
 * else where the object is first written as itself, else its first mention in a dotted key.
 */
export function principalDefinition(defs: readonly KeyDefinition[]): KeyDefinition | null {
  let value: KeyDefinition | null = null;
  for (const d of defs) if (d.kind === "value") value = d;
  return value ?? defs.find((d) => d.kind !== "implied") ?? defs[0] ?? null;
}
