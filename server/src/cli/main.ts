// The `tsk` command line.
import { VERSION } from "../version";
import { runCheck, type CheckOptions } from "./check-command";
import { runFormat } from "./format-command";
import { shownText } from "../syntax/shown-text";

const USAGE = `Usage: tsk check [--format text|json] [--follow-symlinks] PATH...
       tsk format [--check] [--follow-symlinks] PATH...

tsk check: checks TuskLang (.tsk) files; every PATH that is a folder is searched for .tsk
files. Prints each problem as file:line:col severity message [code], then a summary.
Exits 1 when an error was found, 0 otherwise, 2 when the command line is wrong.

tsk format: formats them in place (4 spaces a level), as the editor's Format Document does.
A file with syntax errors is left alone and reported. Exits 1 when a file could not be
formatted, or, with --check, when a file is not formatted (nothing is written then).

Options:
  --format text|json   (check) text (the default) or a JSON array of
                       {file, line, column, endLine, endColumn, severity, code, message}
  --check              (format) change nothing; list the files that are not formatted
  --follow-symlinks    follow symbolic links below the folders named that lead out of
                       them (by default they are listed on stderr and left alone)
  -h, --help           show this help
  -v, --version        show the version
`;

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "-v" || command === "--version") {
    out(`${VERSION}\n`);
    return 0;
  }
  if (command === "format") return formatCommand(rest, out, err);
  if (command !== "check") {
    err(`tsk: unknown command '${shownText(command)}'\n\n${USAGE}`);
    return 2;
  }
  const options: CheckOptions = { format: "text", followSymlinks: false };
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "-h" || a === "--help") { out(USAGE); return 0; }
    if (a === "--format" || a.startsWith("--format=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : rest[++i];
      if (value !== "text" && value !== "json") {
        err(`tsk: --format takes 'text' or 'json', not '${shownText(value ?? "")}'\n`);
        return 2;
      }
      options.format = value;
    } else if (a === "--follow-symlinks") {
      options.followSymlinks = true;
    } else if (a.startsWith("-") && a !== "-") {
      err(`tsk: unknown option '${shownText(a)}'\n\n${USAGE}`);
      return 2;
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) {
    err(`tsk check: name at least one file or folder\n\n${USAGE}`);
    return 2;
  }
  return runCheck(paths, options, out, err);
}

function formatCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  let check = false;
  let followSymlinks = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === "-h" || a === "--help") { out(USAGE); return 0; }
    if (a === "--check") check = true;
    else if (a === "--follow-symlinks") followSymlinks = true;
    else if (a.startsWith("-") && a !== "-") {
      err(`tsk: unknown option '${shownText(a)}'\n\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    err(`tsk format: name at least one file or folder\n\n${USAGE}`);
    return 2;
  }
  return runFormat(paths, { check, followSymlinks }, out, err);
}
