// Every place in the workspace that defines or names one symbol: what find-references lists
// and rename rewrites. Each place says how its name is written, so that rename can write
// the new one the same way.
import { formatPath, parsePath, startsWith, type Path } from "../paths/path";
import type { FileRead } from "../paths/value-names";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { definitionsOf } from "../workspace/file-summary";
import type { SymbolAt } from "./symbol-at";

export type SiteForm =
  /** `$name`: the name is the span's last characters. */
  | { kind: "global" }
  /** A key segment, with its quote if it has one. */
  | { kind: "key"; quote: string | null }
  /** A segment inside the string of `@name.tsk.get("…")`: the span is the name alone. */
  | { kind: "read-segment"; quoted: boolean; outer: string }
  /** A read whose string holds escapes: the span is the whole string, which rename cannot rewrite. */
  | { kind: "read-string" }
  /** A value naming the symbol: a string with its quote, or a bare word (quote null). */
  | { kind: "value"; quote: string | null }
  /** `@name.tsk` or an `@import` path: a place that names a file. */
  | { kind: "file" };

export interface Site {
  file: string;
  start: number;
  end: number;
  declaration: boolean;
  form: SiteForm;
}

/** The places of the symbol found at `origin` (the file the cursor is in). */
export function symbolSites(index: WorkspaceIndex, origin: string, symbol: SymbolAt): Site[] {
  switch (symbol.kind) {
    case "global": return globalSites(index, origin, symbol.name, symbol.definedIn);
    case "key": return symbol.file ? keySites(index, symbol.file, symbol.path) : [];
    case "member": return memberSites(index, symbol.target, symbol.name);
    case "file": return symbol.file ? fileSites(index, symbol.file) : [];
  }
}

function globalSites(index: WorkspaceIndex, origin: string, name: string, definedIn: string | null): Site[] {
  const out: Site[] = [];
  const r = index.resolution;
  if (definedIn) {
    for (const g of index.lookup(definedIn)?.globals ?? []) {
      if (g.name === name) out.push({ file: definedIn, start: g.start, end: g.end, declaration: true, form: { kind: "global" } });
    }
  }
  const files = definedIn ? new Set([definedIn, ...index.readersOf(name)]) : new Set([origin]);
  for (const f of files) {
    if (definedIn && r.resolveGlobal(f, name) !== definedIn) continue;
    for (const u of index.lookup(f)?.names.globalUses ?? []) {
      if (u.name === name) out.push({ file: f, start: u.start, end: u.end, declaration: false, form: { kind: "global" } });
    }
  }
  return out;
}

function keySites(index: WorkspaceIndex, file: string, path: Path): Site[] {
  const key = formatPath(path);
  const out: Site[] = [];
  const summary = index.lookup(file);
  for (const d of summary ? definitionsOf(summary, path) : []) {
    out.push({ file, start: d.start, end: d.end, declaration: true, form: { kind: "key", quote: d.quote } });
  }
  for (const w of summary?.names.words ?? []) {
    if (w.path === key) out.push({ file, start: w.start, end: w.end, declaration: false, form: { kind: "value", quote: null } });
  }
  readSites(index, path, (owner) => owner === file, out);
  return out;
}

function memberSites(index: WorkspaceIndex, target: string, name: string): Site[] {
  const key = formatPath([target, name]);
  const out: Site[] = [];
  for (const f of index.definersOf(key)) {
    const s = index.lookup(f);
    for (const d of s ? definitionsOf(s, [target, name]) : []) {
      out.push({ file: f, start: d.start, end: d.end, declaration: true, form: { kind: "key", quote: d.quote } });
    }
  }
  for (const [f, s] of index.summaries()) {
    for (const ref of s.references) {
      if (ref.target === target && ref.name === name) {
        out.push({ file: f, start: ref.start, end: ref.end, declaration: false, form: { kind: "value", quote: ref.quote } });
      }
    }
  }
  readSites(index, [target, name], (owner) => owner !== null, out);
  return out;
}

/** Reads anywhere whose key runs through `path`, in a file that `accept`s as the path's owner. */
function readSites(index: WorkspaceIndex, path: Path, accept: (owner: string | null) => boolean, out: Site[]): void {
  const r = index.resolution;
  forEachRead(index, (file, read, segments) => {
    if (!startsWith(segments, path)) return;
    const target = r.readTarget(file, read.file);
    if (!target || !accept(r.keyOwner(target, path))) return;
    const span = read.spans?.[path.length - 1];
    if (span && read.quote) {
      out.push({ file, start: span.start, end: span.end, declaration: false, form: { kind: "read-segment", quoted: span.quoted, outer: read.quote } });
    } else {
      out.push({ file, start: read.keyStart, end: read.keyEnd, declaration: false, form: { kind: "read-string" } });
    }
  });
}

/** Every read with a plain key in the workspace, with the key's segments. */
export function forEachRead(index: WorkspaceIndex, visit: (file: string, read: FileRead, segments: Path) => void): void {
  for (const [file, s] of index.summaries()) {
    for (const read of s.names.reads) {
      if (read.key === null) continue;
      visit(file, read, read.spans ? read.spans.map((x) => x.segment) : parsePath(read.key));
    }
  }
}

function fileSites(index: WorkspaceIndex, target: string): Site[] {
  const out: Site[] = [];
  const r = index.resolution;
  for (const [file, s] of index.summaries()) {
    for (const i of s.names.imports) {
      if (r.importTarget(file, i.path) === target) out.push({ file, start: i.start, end: i.end, declaration: false, form: { kind: "file" } });
    }
    for (const read of s.names.reads) {
      if (r.readTarget(file, read.file) === target) out.push({ file, start: read.fileStart, end: read.fileEnd, declaration: false, form: { kind: "file" } });
    }
  }
  return out;
}
