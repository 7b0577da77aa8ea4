// What named thing the cursor is on, for definition, references and rename: a `$global`,
// a key (defined here, read through `@name.tsk.get`, or named by a bare word), a service
// (or another member of a root key that values name), or a file.
import { parsePath, type Path } from "../paths/path";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import type { FileRead } from "../paths/value-names";

interface Span { start: number; end: number }

export type SymbolAt =
  /** `definedIn`: the file whose definition the name resolves to, or null. */
  | (Span & { kind: "global"; name: string; definedIn: string | null; declaration: boolean })
  /** A key path of `file` (null: its file or key is not found); `read`: the read the cursor is in. */
  | (Span & { kind: "key"; file: string | null; path: Path; declaration: boolean; read: FileRead | null })
  /** `name`, a member of root key `target`. */
  | (Span & { kind: "member"; target: string; name: string; declaration: boolean; read: FileRead | null })
  | (Span & { kind: "file"; file: string | null });

const within = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

export function symbolAt(index: WorkspaceIndex, file: string, offset: number): SymbolAt | null {
  const summary = index.lookup(file);
  if (!summary) return null;
  const r = index.resolution;
  for (const g of summary.globals) {
    if (within(g, offset)) return { kind: "global", name: g.name, definedIn: file, declaration: true, start: g.start, end: g.end };
  }
  for (const u of summary.names.globalUses) {
    if (within(u, offset)) return { kind: "global", name: u.name, definedIn: r.resolveGlobal(file, u.name), declaration: false, start: u.start, end: u.end };
  }
  for (const read of summary.names.reads) {
    if (within({ start: read.fileStart, end: read.fileEnd }, offset)) {
      return { kind: "file", file: r.readTarget(file, read.file), start: read.fileStart, end: read.fileEnd };
    }
    if (read.key !== null && within({ start: read.keyStart, end: read.keyEnd }, offset)) return readKeyAt(index, file, read, offset);
  }
  for (const i of summary.names.imports) {
    if (within(i, offset)) return { kind: "file", file: r.importTarget(file, i.path), start: i.start, end: i.end };
  }
  for (const ref of summary.references) {
    if (within(ref, offset)) return { kind: "member", target: ref.target, name: ref.name, declaration: false, read: null, start: ref.start, end: ref.end };
  }
  for (const w of summary.names.words) {
    if (within(w, offset)) return keySymbol(index, file, parsePath(w.path), w, false, null);
  }
  const key = summary.keys.keyAt(offset);
  if (key) return keySymbol(index, file, parsePath(key.path), key, true, null);
  return null;
}

/** A path of `file` as a symbol: a member of a root key that values name, or a plain key. */
function keySymbol(index: WorkspaceIndex, file: string | null, path: Path, span: Span, declaration: boolean, read: FileRead | null): SymbolAt {
  if (path.length === 2 && typeof path[0] === "string" && typeof path[1] === "string" && index.isReferenceTarget(path[0])) {
    return { kind: "member", target: path[0], name: path[1], declaration, read, start: span.start, end: span.end };
  }
  return { kind: "key", file, path, declaration, read, start: span.start, end: span.end };
}

/** The cursor in the key string of a read: the path up to the segment under it. */
function readKeyAt(index: WorkspaceIndex, file: string, read: FileRead, offset: number): SymbolAt {
  const r = index.resolution;
  const target = r.readTarget(file, read.file);
  const spans = read.spans;
  let path: Path;
  let span: Span = { start: read.keyStart, end: read.keyEnd };
  if (spans) {
    const under = spans.findIndex((s) => offset <= s.end);
    // Past the last segment (on the closing quote): the whole path.
    const i = under < 0 ? spans.length - 1 : under;
    path = spans.slice(0, i + 1).map((s) => s.segment);
    span = spans[i];
  } else {
    path = parsePath(read.key ?? "");
  }
  const owner = target ? r.keyOwner(target, path) : null;
  return keySymbol(index, owner, path, span, false, read);
}
