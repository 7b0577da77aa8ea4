// Multi-file fixtures for in-process feature tests, in the manner of rust-analyzer's: a line
// `//- /name.tsk` starts a file, `|` marks the cursor (once, in one file). The files are indexed
// as a workspace folder in memory, as the server indexes one on disk; results are shown as
// `name.tsk:line:col-line:col` (1-based), or as the text they cover, so that a test states them
// exactly.
import * as path from "node:path";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { WorkspaceIndex } from "../../server/src/workspace/workspace-index";
import type { Location, Range } from "../../server/src/features/location";
import { schemaContext } from "../validation/check";
import { MemoryFiles } from "./memory-files";

export const FIXTURE_ROOT = path.resolve("/fixture");

export interface Fixture {
  /** Name (`a.tsk`, `config/b.tsk`) → text, without the cursor. */
  texts: Map<string, string>;
  index: WorkspaceIndex;
  /** The cursor's file (absolute) and offset; throws when the fixture has none. */
  cursor: { file: string; name: string; offset: number };
  /** A file's absolute path from its name. */
  path(name: string): string;
  /** `b.tsk:2:5-2:9` for a location. */
  show(location: Location): string;
  /** The text a location covers. */
  textOf(location: Location): string;
}

export function fixture(source: string): Fixture {
  const texts = new Map<string, string>();
  let cursor: { name: string; offset: number } | null = null;
  const parts = source.split(/^\/\/- \/(\S+)[ \t]*\n/m);
  if (parts[0].trim() !== "") throw new Error("a fixture starts with '//- /name.tsk'");
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    let text = parts[i + 1];
    const at = text.indexOf("|");
    if (at >= 0) {
      if (cursor) throw new Error("mark one cursor only");
      cursor = { name, offset: at };
      text = text.slice(0, at) + text.slice(at + 1);
    }
    texts.set(name, text);
  }
  const files = new MemoryFiles();
  const full = (name: string) => path.join(FIXTURE_ROOT, ...name.split("/"));
  for (const [name, text] of texts) files.write(full(name), text);
  const index = new WorkspaceIndex({
    files, folders: [FIXTURE_ROOT],
    analyze: (tree, file) => analyzeDocument(tree, { file, folder: FIXTURE_ROOT }, DEFAULT_VALIDATION_SETTINGS, schemaContext()),
  });
  index.indexFoldersNow();
  const nameOf = (file: string) => path.relative(FIXTURE_ROOT, file).split(path.sep).join("/");
  const offsetIn = (name: string, p: Range["start"]) => {
    const lines = texts.get(name)!.split("\n");
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  };
  return {
    texts,
    index,
    get cursor() {
      if (!cursor) throw new Error("the fixture marks no cursor");
      return { file: full(cursor.name), name: cursor.name, offset: cursor.offset };
    },
    path: full,
    show: (l) => `${nameOf(l.file)}:${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.line + 1}:${l.range.end.character + 1}`,
    textOf: (l) => {
      const name = nameOf(l.file);
      return texts.get(name)!.slice(offsetIn(name, l.range.start), offsetIn(name, l.range.end));
    },
  };
}
