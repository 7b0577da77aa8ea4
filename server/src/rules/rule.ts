// A check across sections: a name (its code), a default severity, and what it finds.
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { Severity } from "../syntax/nodes";
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { PathIndex } from "../paths/definitions";
import type { Instance, Source } from "../schemas/instance";
import { pointer } from "../schemas/instance";
import type { Path } from "../paths/path";
import type { ServiceReference } from "./service-references";
import type { ValueNames } from "../paths/value-names";
import type { WorkspaceView } from "./workspace-view";

/** What the workspace knows of services: names defined in any config file, and their dependencies. */
export interface ServiceCatalog {
  has(name: string): boolean;
  names(): Iterable<string>;
  dependencies(name: string): string[];
  /** Where a service is defined, for messages; null when only this file is known. */
  fileOf(name: string): string | null;
}

export interface RuleContext {
  tree: SyntaxTree;
  index: PathIndex;
  instance: Instance;
  /** Service names used as values (routes, subscribers, depends_on), found through the schemas. */
  references: ServiceReference[];
  services: ServiceCatalog;
  /** The file's name, for rules that treat `peanut.tsk` differently. */
  fileName: string | null;
  /** The names the file's values use: globals, file reads, imports. */
  names: ValueNames;
  /** The rest of the workspace; null when the file is checked alone. */
  workspace: WorkspaceView | null;
}

/** What a rule finds; the rule's code and (configured) severity are added to it. */
export type Finding = Omit<Diagnostic, "code" | "severity">;

export interface Rule {
  code: string;
  severity: Severity;
  description: string;
  /**
   * Judges by every config file of the workspace (unknown names, cycles): skipped while the
   * workspace index is incomplete, as it would report what is only not read yet.
   */
  workspaceWide?: boolean;
  check(ctx: RuleContext): Finding[];
}

/** The JSON value at a path of the configuration, or undefined. */
export function valueAt(instance: Instance, path: Path): unknown {
  let v: unknown = instance.value;
  for (const s of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

export function sourceAt(instance: Instance, path: Path): Source | undefined {
  return instance.sources.get(pointer(path));
}

/** The value's range (for a message on a value) or nothing when the path is not written. */
export function valueRange(instance: Instance, path: Path): { start: number; end: number } | null {
  const s = sourceAt(instance, path);
  return s ? { start: s.valueStart, end: s.valueEnd } : null;
}
