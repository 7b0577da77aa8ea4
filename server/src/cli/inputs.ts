// The files a command works on: the paths named (a folder: the .tsk files below it), `-` for
// standard input, less what the project's tsk.config.tsk excludes. A path that cannot be read
// is said on stderr with the path as given, and makes the exit code 2; the config files that
// apply are read first, and one that is wrong stops the command (exit 2) before any check.
import * as path from "node:path";
import { decodeText } from "../files/text-encoding";
import { escapeInvisible } from "../syntax/shown-text";
import { PROJECT_CONFIG_FILE } from "../schemas/project-config-schema";
import type { ProjectConfigs } from "../config/find-config";
import type { ProjectConfig } from "../config/project-config";
import { isChecked } from "../config/settings-with-config";
import { findTskFiles } from "./find-files";
import { reportLinksNotFollowed } from "./links-not-followed";

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Standard input, read to its end. */
  readStdin(): Buffer;
  /** Whether standard output is a terminal (values printed raw to a pipe are escaped there). */
  terminal?: boolean;
}

/** How standard input is named when --stdin-filepath does not name it. */
export const STDIN_NAME = "<stdin>";

export interface Input {
  /** As the user named it. */
  shown: string;
  absolute: string;
  stdin: boolean;
  /** Standard input's text, or why it is not text. */
  text?: string;
  error?: string;
}

export interface Inputs {
  files: Input[];
  /** A path named could not be read (said already). */
  unreadable: boolean;
}

export function inputFiles(
  paths: string[], options: { followSymlinks: boolean; stdinFilepath: string | null }, configs: ProjectConfigs, io: Io,
): Inputs | null {
  const inputs: Inputs = { files: [], unreadable: false };
  const found = findTskFiles(paths.filter((p) => p !== "-"), { followSymlinks: options.followSymlinks });
  reportLinksNotFollowed(found.linksNotFollowed, io.err);
  if (paths.includes("-")) {
    const shown = options.stdinFilepath ?? STDIN_NAME;
    const decoded = decodeText(io.readStdin());
    inputs.files.push({ shown, absolute: path.resolve(shown), stdin: true, ...(decoded.error !== undefined ? { error: decoded.error } : { text: decoded.text }) });
  }
  for (const f of found.files) {
    if (f.error !== undefined) {
      io.err(`tsk: ${escapeInvisible(f.path)}: ${f.error}\n`);
      inputs.unreadable = true;
    } else {
      inputs.files.push({ shown: f.path, absolute: path.resolve(f.path), stdin: false });
    }
  }
  const wrong = new Set<ProjectConfig>();
  for (const input of inputs.files) {
    const config = configs.forFile(input.absolute, null);
    if (config && config.problems.length > 0 && !wrong.has(config)) {
      wrong.add(config);
      const shown = escapeInvisible(path.relative(process.cwd(), config.file) || config.file);
      for (const p of config.problems) io.err(`tsk: ${shown}:${p.line}:${p.column}: ${p.message}\n`);
    }
  }
  if (wrong.size > 0) {
    io.err(`tsk: nothing was checked: fix ${wrong.size === 1 ? `this ${PROJECT_CONFIG_FILE}` : `these ${PROJECT_CONFIG_FILE} files`} first\n`);
    return null;
  }
  let left = 0;
  inputs.files = inputs.files.filter((input) => {
    const config = configs.forFile(input.absolute, null);
    if (isChecked(config, input.absolute)) return true;
    left++;
    if (paths.includes(input.shown) && config && paths.length > 1) {
      const shown = escapeInvisible(path.relative(process.cwd(), config.file) || config.file);
      io.err(`tsk: warning: ${escapeInvisible(input.shown)} is not checked: ${shown} leaves it out (files.include, files.exclude)\n`);
    }
    return false;
  });
  if (inputs.files.length === 0 && !inputs.unreadable) {
    const named = paths.map((p) => escapeInvisible(p)).join(", ");
    io.err(left === 0 ? `tsk: warning: no .tsk file found in ${named}\n`
      : `tsk: warning: no .tsk file to check in ${named}: ${tsk(left)} found ${left === 1 ? "is" : "are"} left out by ${PROJECT_CONFIG_FILE} (files.include, files.exclude)\n`);
  }
  return inputs;
}

const tsk = (n: number) => (n === 1 ? "the .tsk file" : `the ${n} .tsk files`);
