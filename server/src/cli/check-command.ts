// `tsk check PATH…`: the checks an editor shows, run over files, for CI.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, type SyntaxTree } from "../syntax/syntax-tree";
import { analyzeDocument, SchemaContext, validateDocument } from "../validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../validation/settings";
import { WorkspaceIndex } from "../workspace/workspace-index";
import { nodeFiles } from "../workspace/workspace-files";
import { FileView } from "../workspace/file-view";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { MAX_CONFIG_BYTES, readTextFile } from "../files/read-file";
import { findTskFiles } from "./find-files";
import { formatJson, formatText, type ReportedProblem } from "./report";
import { reportLinksNotFollowed } from "./links-not-followed";

export interface CheckOptions { format: "text" | "json"; followSymlinks: boolean }

/**
 * Returns the exit code: 1 when any error was found (an unreadable file is one), else 0. The
 * report goes to `write`; what the user should know about the run itself (links not followed) to `warn`.
 */
export function runCheck(paths: string[], options: CheckOptions, write: (s: string) => void, warn: (s: string) => void = () => {}): number {
  const found = findTskFiles(paths, { followSymlinks: options.followSymlinks });
  reportLinksNotFollowed(found.linksNotFollowed, warn);
  const files = found.files;
  const problems: ReportedProblem[] = [];
  const read: { shown: string; file: string; tree: SyntaxTree }[] = [];
  for (const f of files) {
    const shown = path.relative(process.cwd(), f.path) || f.path;
    if (f.error) {
      problems.push(unreadable(shown, f.error));
      continue;
    }
    const text = readTextFile(f.path, MAX_CONFIG_BYTES);
    if (text.error !== undefined) problems.push(text.encoding ? notUtf8(shown, text.error) : unreadable(shown, text.error));
    else read.push({ shown, file: path.resolve(f.path), tree: parse(text.text) });
  }
  // The files checked together are the workspace (with the files they import or read, and
  // the peanut.tsk files above them, read from disk when first needed): services, globals and
  // keys may be defined in any of them, as in the editor.
  const schemas = new SchemaContext();
  const settings = DEFAULT_VALIDATION_SETTINGS;
  const placeOf = (file: string) => ({ file, folder: process.cwd() });
  const index = new WorkspaceIndex({
    files: nodeFiles,
    analyze: (tree, file) => analyzeDocument(tree, placeOf(file), settings, schemas),
    folders: [process.cwd(), ...paths.filter(isFolder).map((p) => path.resolve(p))],
  });
  const analysed = read.map((r) => {
    const analysis = analyzeDocument(r.tree, placeOf(r.file), settings, schemas);
    index.setOpen(r.file, r.tree, analysis);
    return { ...r, analysis };
  });
  index.markComplete();
  for (const r of analysed) {
    const view = new FileView(index, r.file);
    const { diagnostics } = validateDocument(r.tree, placeOf(r.file), settings, schemas, undefined, view, r.analysis);
    for (const p of report(r.shown, r.tree, diagnostics)) problems.push(p);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  write(options.format === "json" ? formatJson(problems) : formatText(problems, files.length));
  return problems.some((p) => p.severity === "error") ? 1 : 0;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function report(file: string, tree: SyntaxTree, diagnostics: Diagnostic[]): ReportedProblem[] {
  return diagnostics.map((d) => {
    const start = tree.positionAt(d.start);
    const end = tree.positionAt(d.end);
    return {
      file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
      severity: d.severity, code: d.code, message: d.message,
    };
  });
}

function notUtf8(file: string, why: string): ReportedProblem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "not-utf8", message: why };
}

function unreadable(file: string, why: string): ReportedProblem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "unreadable-file", message: `cannot read this file: ${why}` };
}
