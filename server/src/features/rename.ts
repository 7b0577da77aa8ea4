// Rename a `$global`, a key (with the `@name.tsk.get` reads and bare words that name it) or a
// service, across files. A rename that could not be complete is refused with the reason:
// a half-done rename breaks a configuration silently, which is worse than none.
import { formatPath } from "../paths/path";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { defines } from "../workspace/file-summary";
import type { Range } from "./location";
import { symbolAt, type SymbolAt } from "./symbol-at";
import { symbolSites, type Site } from "./symbol-sites";
import { findRenameBlocker } from "./rename-blockers";
import { shownText } from "../syntax/shown-text";

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface RenameTarget { range: Range; placeholder: string }
export interface FileEdit { range: Range; newText: string }

interface Plan { symbol: SymbolAt & { kind: "global" | "key" | "member" }; sites: Site[]; name: string; span: { start: number; end: number } }

/** As the lexer reads `$name`: letters, digits and `_`, and `-` between them (`$my-var`). */
const GLOBAL_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function prepareRename(index: WorkspaceIndex, file: string, offset: number): Outcome<RenameTarget> {
  const plan = planRename(index, file, offset);
  if (!plan.ok) return plan;
  const s = index.lookup(file)!;
  const { span, name } = plan.value;
  return { ok: true, value: { range: { start: s.positions.positionAt(span.start), end: s.positions.positionAt(span.end) }, placeholder: name } };
}

export function rename(index: WorkspaceIndex, file: string, offset: number, newName: string): Outcome<Map<string, FileEdit[]>> {
  const planned = planRename(index, file, offset);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const name = plan.symbol.kind === "global" ? newName.replace(/^\$/, "") : newName;
  const invalid = checkNewName(index, plan, name);
  if (invalid) return refuse(invalid);
  const edits = new Map<string, FileEdit[]>();
  const seen = new Set<string>();
  for (const site of plan.sites) {
    const text = newText(site, plan, name);
    if (text === null) return refuse(`'${name}' cannot be written ${placeOf(index, site)}: choose a name of letters, digits, '_' and '-'`);
    const id = `${site.file}\u0000${site.start}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const positions = index.lookup(site.file)!.positions;
    const start = site.form.kind === "global" ? site.end - plan.name.length : site.start;
    const list = edits.get(site.file) ?? [];
    list.push({ range: { start: positions.positionAt(start), end: positions.positionAt(site.end) }, newText: text });
    edits.set(site.file, list);
  }
  return { ok: true, value: edits };
}

function planRename(index: WorkspaceIndex, file: string, offset: number): Outcome<Plan> {
  if (!index.complete) return refuse("the workspace is still being indexed: rename once it is done, so that no file is missed");
  const partial = index.partial;
  if (partial.length > 0) return refuse(`the workspace was indexed only in part (${partial[0]}): rename cannot know every file that names this`);
  const symbol = symbolAt(index, file, offset);
  if (!symbol) return refuse("nothing to rename here: rename works on $globals, keys and service names");
  if (symbol.kind === "file") return refuse("this names a file: rename the file itself");
  let name: string;
  if (symbol.kind === "global") {
    if (!symbol.definedIn) return refuse(`$${symbol.name} is defined nowhere this file can see, so rename cannot tell which uses belong together`);
    name = symbol.name;
  } else if (symbol.kind === "key") {
    const last = symbol.path[symbol.path.length - 1];
    if (typeof last === "number") return refuse("an array element has no name to rename");
    if (!symbol.file) return refuse(`'${formatPath(symbol.path)}' is defined in no file this read can reach`);
    name = last;
  } else {
    name = symbol.name;
  }
  const sites = symbolSites(index, file, symbol);
  const blocker = findRenameBlocker(index, symbol, sites);
  if (blocker) return refuse(blocker);
  return { ok: true, value: { symbol, sites, name, span: nameSpan(symbol, index, file) } };
}

/** The name alone under the cursor: no `$`, no quotes. */
function nameSpan(symbol: SymbolAt, index: WorkspaceIndex, file: string): { start: number; end: number } {
  if (symbol.kind === "global") return { start: symbol.end - symbol.name.length, end: symbol.end };
  const s = index.lookup(file);
  const key = s?.keys.keyAt(symbol.start);
  const quoted = (key?.start === symbol.start && key.quote !== null) || s?.references.some((r) => r.start === symbol.start && r.quote !== null);
  return quoted ? { start: symbol.start + 1, end: symbol.end - 1 } : { start: symbol.start, end: symbol.end };
}

function checkNewName(index: WorkspaceIndex, plan: Plan, name: string): string | null {
  if (name.trim() === "") return "the new name is empty";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "the new name holds a control character";
  const { symbol } = plan;
  if (symbol.kind === "global") {
    if (!GLOBAL_NAME.test(name)) return `'$${name}' is no global's name: a letter or '_', then letters, digits, '_' or '-' (not at the end)`;
    if (name !== symbol.name && index.lookup(symbol.definedIn!)?.globals.some((g) => g.name === name)) {
      return `$${name} is defined in ${display(index, symbol.definedIn!)} already`;
    }
  } else if (symbol.kind === "key") {
    const sibling = [...symbol.path.slice(0, -1), name];
    const s = index.lookup(symbol.file!);
    if (name !== plan.name && s && defines(s, sibling)) return `'${formatPath(sibling)}' exists in ${display(index, symbol.file!)} already`;
  } else if (name !== symbol.name) {
    const taken = [...index.definersOf(formatPath([symbol.target, name]))];
    if (taken.length > 0) return `'${formatPath([symbol.target, name])}' exists already, in ${display(index, taken[0])}`;
  }
  return null;
}

/** How the new name is written at a site; null when it cannot be written there. */
function newText(site: Site, plan: Plan, name: string): string | null {
  const form = site.form;
  switch (form.kind) {
    case "global": return name;
    case "key": return form.quote ? quoted(name, form.quote) : BARE_NAME.test(name) ? name : JSON.stringify(name);
    case "read-segment": {
      if (/["'\\]/.test(name)) return null;
      if (form.quoted || BARE_NAME.test(name)) return name;
      return form.outer === "'" ? `"${name}"` : null;
    }
    case "value":
      if (form.quote) return quoted(name, form.quote);
      // A bare word names a key only while it is a word; a service may be named by a string too.
      if (BARE_NAME.test(name)) return name;
      return plan.symbol.kind === "member" ? JSON.stringify(name) : null;
    default: return null;
  }
}

function quoted(name: string, quote: string): string {
  return quote + name.replace(/\\/g, "\\\\").split(quote).join(`\\${quote}`) + quote;
}

function placeOf(index: WorkspaceIndex, site: Site): string {
  const p = index.lookup(site.file)?.positions.positionAt(site.start);
  return `in ${display(index, site.file)}${p ? `:${p.line + 1}` : ""}`;
}

function display(index: WorkspaceIndex, file: string): string {
  return index.displayName(file);
}

/** A refusal; its reason quotes names from the files and the name typed: escaped (shown-text.ts). */
function refuse<T>(reason: string): Outcome<T> {
  return { ok: false, reason: shownText(reason, 400) };
}
