// `tsk format [--check] PATH…`: formats .tsk files in place, as the editor's Format Document
// does; with --check, changes nothing and lists the files that are not formatted (for CI).
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../syntax/syntax-tree";
import { applyEdits, DEFAULT_FORMAT_OPTIONS, formatDocument } from "../features/format";
import { describeFsError } from "../files/fs-reasons";
import { MAX_CONFIG_BYTES, readTextFile } from "../files/read-file";
import { findTskFiles } from "./find-files";
import { escapeInvisible } from "../syntax/shown-text";
import { reportLinksNotFollowed } from "./links-not-followed";

export interface FormatCommandOptions { check: boolean; followSymlinks: boolean }

/** Returns the exit code: 1 when a file could not be read or formatted, or (with --check) is not formatted. */
export function runFormat(paths: string[], options: FormatCommandOptions, out: (s: string) => void, err: (s: string) => void): number {
  let failed = false;
  let changed = 0;
  const found = findTskFiles(paths, { followSymlinks: options.followSymlinks });
  reportLinksNotFollowed(found.linksNotFollowed, err);
  const files = found.files;
  for (const f of files) {
    const shown = escapeInvisible(path.relative(process.cwd(), f.path) || f.path);
    try {
      if (f.error) throw new Error(f.error);
      const read = readTextFile(f.path, MAX_CONFIG_BYTES);
      if (read.error !== undefined) throw new Error(read.error);
      const text = read.text;
      const result = formatDocument(parse(text), DEFAULT_FORMAT_OPTIONS);
      if ("refused" in result) {
        err(`${shown}: ${result.refused}\n`);
        failed = true;
        continue;
      }
      const formatted = applyEdits(text, result.edits);
      if (formatted === text) continue;
      changed++;
      if (options.check) {
        out(`${shown}: not formatted\n`);
      } else {
        fs.writeFileSync(f.path, formatted);
        out(`${shown}: formatted\n`);
      }
    } catch (e) {
      err(`${shown}: ${e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : describeFsError(e)}\n`);
      failed = true;
    }
  }
  const verb = options.check ? "would be formatted" : "formatted";
  out(`${changed} of ${files.length} file${files.length === 1 ? "" : "s"} ${verb}\n`);
  return failed || (options.check && changed > 0) ? 1 : 0;
}
