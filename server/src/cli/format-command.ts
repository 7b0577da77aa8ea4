// `tsk format PATH…`: formats .tsk files in place, as the editor's Format Document does, with
// the indentation of their tsk.config.tsk; --check changes nothing and names the files that are
// not formatted, --diff changes nothing and prints what would change (for CI). `-` formats
// standard input to standard output.
import * as fs from "node:fs";
import { parse } from "../syntax/syntax-tree";
import { applyEdits, DEFAULT_FORMAT_OPTIONS, formatDocument } from "../features/format";
import { describeFsError } from "../files/fs-reasons";
import { MAX_CONFIG_BYTES, readTextFile } from "../files/read-file";
import { escapeInvisible } from "../syntax/shown-text";
import { ProjectConfigs } from "../config/find-config";
import { withConfigIndent } from "../config/settings-with-config";
import { inputFiles, type Io } from "./inputs";
import { unifiedDiff } from "./unified-diff";

export interface FormatCommandOptions { mode: "write" | "check" | "diff"; followSymlinks: boolean; stdinFilepath: string | null }

/**
 * Returns the exit code: 2 when a path or the configuration cannot be read; else 1 when a file
 * could not be formatted (syntax errors) or, with --check or --diff, is not formatted; else 0.
 */
export function runFormat(paths: string[], options: FormatCommandOptions, io: Io): number {
  const configs = new ProjectConfigs();
  const inputs = inputFiles(paths, options, configs, io);
  if (inputs === null) return 2;
  let failed = false;
  let unreadable = inputs.unreadable;
  let changed = 0;
  let files = 0;
  for (const input of inputs.files) {
    const shown = escapeInvisible(input.shown);
    const read = input.stdin ? (input.text !== undefined ? { text: input.text } : { error: input.error ?? "" }) : readTextFile(input.absolute, MAX_CONFIG_BYTES);
    if (read.error !== undefined) {
      io.err(`tsk: ${shown}: ${read.error}\n`);
      if ("encoding" in read && !read.encoding) unreadable = true;
      else failed = true;
      continue;
    }
    files++;
    const text = read.text;
    const result = formatDocument(parse(text), withConfigIndent(configs.forFile(input.absolute, null), DEFAULT_FORMAT_OPTIONS));
    if ("refused" in result) {
      io.err(`${shown}: ${result.refused}\n`);
      failed = true;
      if (input.stdin && options.mode === "write") io.out(text);
      continue;
    }
    const formatted = applyEdits(text, result.edits);
    if (input.stdin && options.mode === "write") {
      io.out(formatted);
      continue;
    }
    if (formatted === text) continue;
    changed++;
    if (options.mode === "check") io.out(`${shown}: not formatted\n`);
    else if (options.mode === "diff") io.out(unifiedDiff(text, formatted, shown));
    else {
      try {
        fs.writeFileSync(input.absolute, formatted);
        io.out(`${shown}: formatted\n`);
      } catch (e) {
        io.err(`tsk: ${shown}: cannot write it: ${describeFsError(e)}\n`);
        unreadable = true;
      }
    }
  }
  const stdinOnly = inputs.files.length > 0 && inputs.files.every((i) => i.stdin);
  if (!(stdinOnly && options.mode === "write") && inputs.files.length > 0) {
    const verb = options.mode === "write" ? "formatted" : "would be formatted";
    // On stderr with --diff, so that its output is the diff alone and can be applied.
    (options.mode === "diff" ? io.err : io.out)(`${changed} of ${files} file${files === 1 ? "" : "s"} ${verb}\n`);
  }
  if (unreadable) return 2;
  return failed || (options.mode !== "write" && changed > 0) ? 1 : 0;
}
