// Why a rename could not be complete: the name is also spelled where rename cannot rewrite
// it (inside a string, a computed read), or a place it must change cannot be changed, or what
// defines it is computed. The first reason found is given, with the place.
import { formatPath } from "../paths/path";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { definitionsOf } from "../workspace/file-summary";
import type { SymbolAt } from "./symbol-at";
import type { Site } from "./symbol-sites";

type Renamable = SymbolAt & { kind: "global" | "key" | "member" };

export function findRenameBlocker(index: WorkspaceIndex, symbol: Renamable, sites: Site[]): string | null {
  const at = (file: string, offset: number) => {
    const p = index.lookup(file)?.positions.positionAt(offset);
    return `${index.displayName(file)}${p ? `:${p.line + 1}` : ""}`;
  };
  for (const site of sites) {
    if (index.isExternal(site.file)) return `${index.displayName(site.file)} is outside the workspace folders: rename cannot know every file that reads it`;
    if (!index.isVirtual(site.file) && !index.files.writable(site.file)) return `${index.displayName(site.file)} is read-only`;
    if (site.form.kind === "read-string") return `${at(site.file, site.start)} reads it through a string with escapes, which rename cannot rewrite`;
    if (site.form.kind === "value" && site.form.quote === "'''") return `${at(site.file, site.start)} names it in a triple-quoted string, which rename does not rewrite`;
  }
  if (symbol.kind === "global") return globalBlocker(index, symbol.name, symbol.definedIn!, at);
  if (symbol.kind === "key") return keyBlocker(index, symbol.file!, symbol.path.map(String), at);
  return memberBlocker(index, symbol.target, symbol.name, at);
}

type At = (file: string, offset: number) => string;

function globalBlocker(index: WorkspaceIndex, name: string, definedIn: string, at: At): string | null {
  for (const [file, s] of index.summaries()) {
    for (const u of s.names.globalsInStrings) {
      if (u.name !== name || index.resolution.resolveGlobal(file, name) !== definedIn) continue;
      return `$${name} is also written inside a string at ${at(file, u.start)}; rename cannot tell whether that one is meant`;
    }
  }
  return null;
}

function keyBlocker(index: WorkspaceIndex, file: string, segments: string[], at: At): string | null {
  // `db = @base.tsk.get("db")` then `db.host = …`: the object also has keys rename cannot see.
  const summary = index.lookup(file);
  for (let i = 1; i < segments.length && summary; i++) {
    const prefix = segments.slice(0, i);
    const computed = definitionsOf(summary, prefix).find((k) => k.computed);
    if (computed) return `'${formatPath(prefix)}' is set by an expression at ${at(file, computed.start)}: keys under it come from elsewhere, which rename cannot follow`;
  }
  return computedRead(index, new Set([file]), at);
}

function memberBlocker(index: WorkspaceIndex, target: string, name: string, at: At): string | null {
  for (const [file, s] of index.summaries()) {
    const computed = definitionsOf(s, [target]).find((k) => k.computed);
    if (computed) return `'${target}' is set by an expression at ${at(file, computed.start)}: it may hold a '${name}' that rename cannot see`;
    const spelled = s.names.expressionStrings.find((x) => x.name === name);
    if (spelled) return `'${name}' is also written inside an expression at ${at(file, spelled.start)}, which rename cannot rewrite`;
  }
  return computedRead(index, index.definersOf(formatPath([target, name])), at);
}

/** A read with a computed key of one of `files` (or of a file that imports one): it may read the name. */
function computedRead(index: WorkspaceIndex, files: ReadonlySet<string>, at: At): string | null {
  const r = index.resolution;
  for (const [file, s] of index.summaries()) {
    for (const read of s.names.reads) {
      if (read.key !== null) continue;
      const target = r.readTarget(file, read.file);
      if (!target) continue;
      if (files.has(target) || r.importClosure(target).some((f) => files.has(f))) {
        return `${at(file, read.keyStart)} reads ${read.file} with a computed key, which rename cannot follow`;
      }
    }
  }
  return null;
}
