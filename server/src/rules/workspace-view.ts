// What a rule may ask about the rest of the workspace. The workspace index answers, for one
// file; rules see only these questions, so they stay free of how the index is kept.
import type { Path } from "../paths/path";
import type { ServiceCatalog } from "./rule";

export interface WorkspaceView {
  /**
   * false while the index is still being built: rules that judge by the whole workspace
   * (unknown names, cycles, unused globals) say nothing rather than something wrong.
   */
  readonly complete: boolean;
  readonly services: ServiceCatalog;
  /** The file that defines `$name` for this file (itself, its imports, the peanut.tsk files above it), or null. */
  resolveGlobal(name: string): string | null;
  /** Whether any file that sees this file's `$name` reads it (this file included). */
  globalIsRead(name: string): boolean;
  /** The file `@name.tsk` reads from this file (`name.tsk` here, in ./config, .., ../config), or null. */
  fileRead(name: string): string | null;
  /** Whether `file` (or a file it imports) defines `path`. */
  hasKey(file: string, path: Path): boolean;
  /** The key paths `file` defines, for "did you mean". */
  keysOf(file: string): Iterable<string>;
  /**
   * Whether an `@import` path (or, when `read`, an `@name.tsk` name) leads out of the workspace
   * folders, where an untrusted workspace's files are not followed.
   */
  refusedOutside(name: string, read: boolean): boolean;
  /** The file an `@import` path names, or null when there is none. */
  importTarget(path: string): string | null;
  /** The files of an import cycle through this import, starting and ending at this file; or null. */
  importCycle(path: string): string[] | null;
  /** A file's name as messages show it: relative to its workspace folder. */
  displayName(file: string): string;
}
