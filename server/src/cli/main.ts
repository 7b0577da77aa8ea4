// The `tsk` command line: check, format, get, export.
import { VERSION } from "../version";
import { shownText } from "../syntax/shown-text";
import { runCheck } from "./check-command";
import { runFormat } from "./format-command";
import { runGet, runExport } from "./value-commands";
import { parseOptions, type OptionKinds, type Parsed } from "./options";
import { useColors } from "./colors";
import type { Io } from "./inputs";

export const USAGE = `Usage: tsk check [--format text|json|sarif] [--max-warnings N] [--stdin-filepath PATH] [--follow-symlinks] PATH...
       tsk format [--check | --diff] [--stdin-filepath PATH] [--follow-symlinks] PATH...
       tsk get FILE PATH [--format text|json|yaml]
       tsk export FILE [--format json|yaml]

tsk check      checks TuskLang (.tsk) files with everything the editor checks, and the
               project's tsk.config.tsk (the nearest one above each file). A folder is
               searched for .tsk files; - reads standard input.
tsk format     formats them in place (4 spaces a level, or tsk.config.tsk's format.indent),
               as the editor's Format Document does; a file with syntax errors is left alone.
tsk get        prints the value at PATH (a.b."quoted key"[0]), as the path model resolves
               every spelling: a string as it is, anything else as JSON.
tsk export     prints the file's whole value tree as JSON or YAML.

Options:
  --format FORMAT        check: text (default; grouped, with source lines), json (an array of
                         {file, line, column, endLine, endColumn, severity, code, message},
                         1-based) or sarif (SARIF 2.1.0, for GitHub code scanning);
                         get: text, json or yaml; export: json (default) or yaml
  --max-warnings N       check: exit 1 when there are more than N warnings
  --check                format: change nothing; name the files that are not formatted
  --diff                 format: change nothing; print what would change, as a unified diff
  --stdin-filepath PATH  the file standard input (-) stands for: named in messages, and
                         its tsk.config.tsk and schemas found from it
  --follow-symlinks      follow symbolic links below the folders named that lead out of
                         them (by default they are listed on stderr and left alone)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 nothing wrong; 1 problems found (an error, more warnings than --max-warnings,
a file not formatted, a path with no value); 2 a wrong command line, a path that cannot be
read, or a wrong tsk.config.tsk.
Colours on a terminal; NO_COLOR turns them off, FORCE_COLOR on.
`;

const CHECK: OptionKinds = { "--format": "value", "--max-warnings": "value", "--stdin-filepath": "value", "--follow-symlinks": "flag", "--help": "flag", "-h": "flag" };
const FORMAT: OptionKinds = { "--check": "flag", "--diff": "flag", "--stdin-filepath": "value", "--follow-symlinks": "flag", "--help": "flag", "-h": "flag" };
const VALUES: OptionKinds = { "--format": "value", "--help": "flag", "-h": "flag" };

export function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env, isTerminal = false): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "-v" || command === "--version") {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const usage = (message: string) => {
    io.err(`tsk ${command}: ${message}\nRun 'tsk --help' for the options.\n`);
    return 2;
  };
  const kinds = command === "check" ? CHECK : command === "format" ? FORMAT : command === "get" || command === "export" ? VALUES : null;
  if (kinds === null) {
    io.err(`tsk: unknown command '${shownText(command)}'\nRun 'tsk --help' for the commands.\n`);
    return 2;
  }
  const parsed = parseOptions(rest, kinds);
  if ("error" in parsed) return usage(parsed.error);
  if (parsed.flags.has("--help") || parsed.flags.has("-h")) {
    io.out(USAGE);
    return 0;
  }
  const stdinFilepath = parsed.values.get("--stdin-filepath") ?? null;
  if (stdinFilepath !== null && !parsed.positional.includes("-")) return usage("--stdin-filepath names what standard input stands for: name - among the paths");
  if (parsed.positional.filter((p) => p === "-").length > 1) return usage("standard input (-) can be read once");
  if (command === "check") return check(parsed, io, env, isTerminal, usage, stdinFilepath);
  if (command === "format") {
    if (parsed.positional.length === 0) return usage("name at least one file or folder (or - for standard input)");
    if (parsed.flags.has("--check") && parsed.flags.has("--diff")) return usage("--check and --diff: choose one");
    const mode = parsed.flags.has("--check") ? "check" : parsed.flags.has("--diff") ? "diff" : "write";
    return runFormat(parsed.positional, { mode, followSymlinks: parsed.flags.has("--follow-symlinks"), stdinFilepath }, io);
  }
  const format = parsed.values.get("--format");
  if (command === "get") {
    if (parsed.positional.length !== 2) return usage("name a file and a path: tsk get config.tsk microservices.discovery.provider");
    if (format !== undefined && format !== "text" && format !== "json" && format !== "yaml") return usage(`--format takes 'text', 'json' or 'yaml', not '${shownText(format)}'`);
    return runGet(parsed.positional[0], parsed.positional[1], format ?? "text", io);
  }
  if (parsed.positional.length !== 1) return usage("name one file: tsk export config.tsk --format yaml");
  if (format !== undefined && format !== "json" && format !== "yaml") return usage(`--format takes 'json' or 'yaml', not '${shownText(format)}'`);
  return runExport(parsed.positional[0], format ?? "json", io);
}

function check(parsed: Parsed, io: Io, env: NodeJS.ProcessEnv, isTerminal: boolean, usage: (m: string) => number, stdinFilepath: string | null): number {
  const format = parsed.values.get("--format") ?? "text";
  if (format !== "text" && format !== "json" && format !== "sarif") return usage(`--format takes 'text', 'json' or 'sarif', not '${shownText(format)}'`);
  const max = parsed.values.get("--max-warnings");
  if (max !== undefined && !/^\d+$/.test(max)) return usage(`--max-warnings takes a whole number, not '${shownText(max)}'`);
  if (parsed.positional.length === 0) return usage("name at least one file or folder (or - for standard input)");
  return runCheck(parsed.positional, {
    format, followSymlinks: parsed.flags.has("--follow-symlinks"), maxWarnings: max === undefined ? null : Number(max),
    stdinFilepath, colors: useColors(env, isTerminal),
  }, io);
}
