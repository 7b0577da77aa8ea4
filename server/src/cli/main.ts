// The `tsk` command line.
import { VERSION } from "../version";
import { runCheck, type CheckOptions } from "./check-command";

const USAGE = `Usage: tsk check [--format text|json] PATH...

Checks TuskLang (.tsk) files: every PATH that is a folder is searched for .tsk files.
Prints each problem as file:line:col severity message [code], then a summary.
Exits 1 when an error was found, 0 otherwise, 2 when the command line is wrong.

Options:
  --format text|json   text (the default) or a JSON array of
                       {file, line, column, endLine, endColumn, severity, code, message}
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
  if (command !== "check") {
    err(`tsk: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  const options: CheckOptions = { format: "text" };
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "-h" || a === "--help") { out(USAGE); return 0; }
    if (a === "--format" || a.startsWith("--format=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : rest[++i];
      if (value !== "text" && value !== "json") {
        err(`tsk: --format takes 'text' or 'json', not '${value ?? ""}'\n`);
        return 2;
      }
      options.format = value;
    } else if (a.startsWith("-") && a !== "-") {
      err(`tsk: unknown option '${a}'\n\n${USAGE}`);
      return 2;
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) {
    err(`tsk check: name at least one file or folder\n\n${USAGE}`);
    return 2;
  }
  return runCheck(paths, options, out);
}
