// `tsk check PATH…`: the checks an editor shows, run over files, for CI; with the project's
// tsk.config.tsk (the nearest one above each file), as the editor applies it.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, type SyntaxTree } from "../syntax/syntax-tree";
import { analyzeDocument, SchemaContext, validateDocument } from "../validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "../validation/settings";
import { WorkspaceIndex } from "../workspace/workspace-index";
import { nodeFiles } from "../workspace/workspace-files";
import { FileView } from "../workspace/file-view";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { MAX_CONFIG_BYTES, readTextFile } from "../files/read-file";
import { ProjectConfigs } from "../config/find-config";
import { settingsWithConfig } from "../config/settings-with-config";
import { escapeInvisible } from "../syntax/shown-text";
import { COLORS, NO_COLORS } from "./colors";
import { formatJson, counts, type CheckReport, type CheckedFile, type ReportedProblem } from "./report";
import { formatText } from "./report-text";
import { formatSarif } from "./report-sarif";
import { inputFiles, type Io } from "./inputs";

export interface CheckOptions {
  format: "text" | "json" | "sarif";
  followSymlinks: boolean;
  /** Exit 1 when there are more warnings than this; null: warnings never fail. */
  maxWarnings: number | null;
  /** The name standard input stands for (`-`): for messages, its config and its schemas. */
  stdinFilepath: string | null;
  colors: boolean;
}

/**
 * Returns the exit code: 2 when a path cannot be read or the configuration is wrong (usage or
 * input), else 1 when an error was found or more warnings than --max-warnings, else 0.
 */
export function runCheck(paths: string[], options: CheckOptions, io: Io): number {
  const configs = new ProjectConfigs();
  const inputs = inputFiles(paths, options, configs, io);
  if (inputs === null) return 2;
  const cwd = process.cwd();
  const schemas = new SchemaContext();
  const settingsOf = (file: string): ValidationSettings => settingsWithConfig(DEFAULT_VALIDATION_SETTINGS, configs.forFile(file, null), null);
  const placeOf = (file: string) => ({ file, folder: cwd });
  // The files checked together are the workspace (with the files they import or read, and
  // the peanut.tsk files above them, read from disk when first needed): services, globals and
  // keys may be defined in any of them, as in the editor.
  const index = new WorkspaceIndex({
    files: nodeFiles,
    analyze: (tree, file) => analyzeDocument(tree, placeOf(file), settingsOf(file), schemas),
    folders: [cwd, ...paths.filter(isFolder).map((p) => path.resolve(p))],
  });
  const report: CheckReport = { files: [] };
  let unreadable = inputs.unreadable;
  const read: { checked: CheckedFile; file: string; tree: SyntaxTree }[] = [];
  for (const input of inputs.files) {
    const text = !input.stdin ? readTextFile(input.absolute, MAX_CONFIG_BYTES)
      : input.text !== undefined ? { text: input.text } : { error: input.error ?? "", encoding: true };
    if (text.error !== undefined && !text.encoding) {
      io.err(`tsk: ${escapeInvisible(input.shown)}: cannot read this file: ${text.error}\n`);
      unreadable = true;
      continue;
    }
    const checked: CheckedFile = { file: input.shown, absolute: input.stdin && options.stdinFilepath === null ? null : input.absolute, text: text.text ?? null, problems: [] };
    report.files.push(checked);
    if (text.error !== undefined) checked.problems.push(wholeFile(input.shown, "not-utf8", text.error));
    else read.push({ checked, file: input.absolute, tree: parse(text.text) });
  }
  const analysed = read.map((r) => {
    const analysis = analyzeDocument(r.tree, placeOf(r.file), settingsOf(r.file), schemas);
    index.setOpen(r.file, r.tree, analysis);
    return { ...r, analysis };
  });
  index.markComplete();
  for (const r of analysed) {
    const view = new FileView(index, r.file);
    const { diagnostics } = validateDocument(r.tree, placeOf(r.file), settingsOf(r.file), schemas, undefined, view, r.analysis);
    r.checked.problems = r.checked.problems.concat(problemsOf(r.checked.file, r.tree, diagnostics));
  }
  for (const f of report.files) f.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  report.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (options.format === "json") io.out(formatJson(report));
  else if (options.format === "sarif") io.out(formatSarif(report, cwd));
  // Nothing checked (said on stderr): no summary to read as "no problems".
  else if (report.files.length > 0) io.out(formatText(report, options.colors ? COLORS : NO_COLORS));
  if (unreadable) return 2;
  const found = counts(report.files.flatMap((f) => f.problems));
  if (found.error > 0) return 1;
  if (options.maxWarnings !== null && found.warning > options.maxWarnings) {
    io.err(`tsk: ${found.warning} warning${found.warning === 1 ? "" : "s"}, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function isFolder(p: string): boolean {
  if (p === "-") return false;
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function problemsOf(file: string, tree: SyntaxTree, diagnostics: Diagnostic[]): ReportedProblem[] {
  return diagnostics.map((d) => {
    const start = tree.positionAt(d.start);
    const end = tree.positionAt(d.end);
    return {
      file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
      severity: d.severity, code: d.code, message: d.message,
    };
  });
}

function wholeFile(file: string, code: string, message: string): ReportedProblem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code, message };
}

