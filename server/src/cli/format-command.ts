// `tsk format [--check] PATH…`: formats .tsk files in place, as the editor's Format Document
// does; with --check, changes nothing and lists the files that are not formatted (for CI).
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../syntax/syntax-tree";
import { applyEdits, DEFAULT_FORMAT_OPTIONS, formatDocument } from "../features/format";
import { describeFsError, findTskFiles } from "./find-files";

export interface FormatCommandOptions { check: boolean }

/** Returns the exit code: 1 when a file could not be read or formatted, or (with --check) is not formatted. */
export function runFormat(paths: string[], options: FormatCommandOptions, out: (s: string) => void, err: (s: string) => void): number {
  let failed = false;
  let changed = 0;
  const files = findTskFiles(paths);
  for (const f of files) {
    const shown = path.relative(process.cwd(), f.path) || f.path;
    try {
      if (f.error) throw new Error(f.error);
      const text = fs.readFileSync(f.path, "utf8");
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
