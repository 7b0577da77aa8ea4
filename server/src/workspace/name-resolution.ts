// Which file a name in another file leads to (tsk-language.md 2.5, 4.1, 4.2):
// - `@import("x.tsk")`: relative to the importing file;
// - `$name`: this file, then the files it imports (and theirs), then the nearest peanut.tsk or
//   peanu.tsk in its folder or a parent, up to the workspace folder (and what those import);
// - `@name.tsk.get("a.b")`: name.tsk here, in ./config, .., ../config; the key in that file or
//   a file it imports.
// Every function can note the paths it looked at, found or not, in `consulted`: a check that
// used the answer must run again when one of them changes.
import * as path from "node:path";
import type { WorkspaceIndex } from "./workspace-index";
import { defines } from "./file-summary";
import type { Path } from "../paths/path";

const PEANUTS = ["peanut.tsk", "peanu.tsk"];
const READ_PLACES = [".", "config", "..", path.join("..", "config")];

interface Cached { value: string[]; consulted: string[] }

export class NameResolution {
  private generation = -1;
  private readonly closures = new Map<string, Cached>();
  private readonly scopes = new Map<string, Cached>();
  private readonly reads = new Map<string, Cached>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** The file an `@import` path of `from` names, or null. */
  importTarget(from: string, importPath: string, consulted?: Set<string>): string | null {
    if (this.index.isVirtual(from)) return null;
    const target = path.resolve(path.dirname(from), importPath);
    return this.exists(target, consulted) ? target : null;
  }

  /** What `from` imports, and what those import, nearest first (without `from`). */
  importClosure(from: string, consulted?: Set<string>): string[] {
    return this.cached(this.closures, from, consulted, (seen) => {
      const out: string[] = [];
      const done = new Set([from]);
      const queue = [from];
      for (let i = 0; i < queue.length; i++) {
        for (const imp of this.index.lookup(queue[i])?.names.imports ?? []) {
          const target = this.importTarget(queue[i], imp.path, seen);
          if (!target || done.has(target)) continue;
          done.add(target);
          out.push(target);
          queue.push(target);
        }
      }
      return out;
    });
  }

  /** Where `$name`s used in `file` are looked for, in order. */
  globalScope(file: string, consulted?: Set<string>): string[] {
    return this.cached(this.scopes, file, consulted, (seen) => {
      const out = [file];
      const add = (f: string) => { if (!out.includes(f)) out.push(f); };
      for (const f of this.importClosure(file, seen)) add(f);
      if (this.index.isVirtual(file)) return out;
      let dir = path.dirname(file);
      const top = this.index.folderOf(file) ?? dir;
      for (;;) {
        for (const name of PEANUTS) {
          const candidate = path.join(dir, name);
          if (candidate === file || !this.exists(candidate, seen)) continue;
          add(candidate);
          for (const f of this.importClosure(candidate, seen)) add(f);
        }
        const up = path.dirname(dir);
        // The folder holds the file, so walking up meets it; the root of the disk stops a file outside one.
        if (dir === top || up === dir) break;
        dir = up;
      }
      return out;
    });
  }

  /** The file that defines `$name` for `file`, or null. */
  resolveGlobal(file: string, name: string, consulted?: Set<string>): string | null {
    for (const f of this.globalScope(file, consulted)) {
      if (this.index.lookup(f)?.globals.some((g) => g.name === name)) return f;
    }
    return null;
  }

  /** The file `@name.tsk` reads from `from`, or null. */
  readTarget(from: string, fileName: string, consulted?: Set<string>): string | null {
    if (this.index.isVirtual(from)) return null;
    const dir = path.dirname(from);
    // Every file of a folder reads the same file for a name: one answer per folder and name.
    const [found] = this.cached(this.reads, `${dir}\u0000${fileName}`, consulted, (seen) => {
      for (const place of READ_PLACES) {
        const candidate = path.resolve(dir, place, fileName);
        if (this.exists(candidate, seen)) return [candidate];
      }
      return [];
    });
    return found ?? null;
  }

  /**
   * Whether a name of `from` (an `@import` path, or `@name.tsk` when `read`) leads to a file
   * outside the workspace folders that was not read because the workspace is not trusted.
   */
  refused(from: string, name: string, read: boolean): boolean {
    if (this.index.isVirtual(from)) return false;
    const dir = path.dirname(from);
    if (!read) return this.index.wasRefused(path.resolve(dir, name));
    return READ_PLACES.some((place) => this.index.wasRefused(path.resolve(dir, place, name)));
  }

  /** The file that defines `key` for a read of `file`: the file itself, or one it imports. */
  keyOwner(file: string, key: Path, consulted?: Set<string>): string | null {
    consulted?.add(file);
    for (const f of [file, ...this.importClosure(file, consulted)]) {
      const s = this.index.lookup(f);
      if (s && defines(s, key)) return f;
    }
    return null;
  }

  /** The import cycle through `from`'s import of `importPath`, as files from `from` back to it; or null. */
  importCycle(from: string, importPath: string, consulted?: Set<string>): string[] | null {
    const first = this.importTarget(from, importPath, consulted);
    if (!first) return null;
    const parent = new Map<string, string | null>([[first, null]]);
    const queue = [first];
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i];
      if (at === from) {
        const chain: string[] = [];
        for (let x: string | null = at; x !== null; x = parent.get(x) ?? null) chain.unshift(x);
        return [from, ...chain];
      }
      for (const imp of this.index.lookup(at)?.names.imports ?? []) {
        const next = this.importTarget(at, imp.path, consulted);
        if (next && !parent.has(next)) {
          parent.set(next, at);
          queue.push(next);
        }
      }
    }
    return null;
  }

  private exists(file: string, consulted?: Set<string>): boolean {
    consulted?.add(file);
    return this.index.lookup(file) !== undefined;
  }

  private clear(): void {
    this.closures.clear();
    this.scopes.clear();
    this.reads.clear();
    this.generation = this.index.generation;
  }

  private cached(cache: Map<string, Cached>, key: string, consulted: Set<string> | undefined, compute: (seen: Set<string>) => string[]): string[] {
    if (this.generation !== this.index.generation) {
      this.clear();
    }
    let hit = cache.get(key);
    if (!hit) {
      const seen = new Set<string>();
      const value = compute(seen);
      hit = { value, consulted: [...seen] };
      // Computing may have read a file for the first time, which bumps the generation; the
      // answer stands, as it was computed with that file.
      if (this.generation !== this.index.generation) this.clear();
      cache.set(key, hit);
    }
    if (consulted) for (const f of hit.consulted) consulted.add(f);
    return hit.value;
  }
}
