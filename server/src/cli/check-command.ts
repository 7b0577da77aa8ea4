// `tsk check PATH…`: the checks an editor shows, run over files, for CI.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, type SyntaxTree } from "../syntax/syntax-tree";
import { buildInstance } from "../schemas/instance";
import { SchemaContext, validateDocument } from "../validation/validate-document";
import { InstanceServiceCatalog } from "../validation/service-catalog";
import { DEFAULT_VALIDATION_SETTINGS } from "../validation/settings";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { describeFsError, findTskFiles } from "./find-files";
import { formatJson, formatText, type ReportedProblem } from "./report";

export interface CheckOptions { format: "text" | "json" }

/** Returns the exit code: 1 when any error was found (an unreadable file is one), else 0. */
export function runCheck(paths: string[], options: CheckOptions, write: (s: string) => void): number {
  const files = findTskFiles(paths);
  const problems: ReportedProblem[] = [];
  const read: { shown: string; file: string; tree: SyntaxTree }[] = [];
  for (const f of files) {
    const shown = path.relative(process.cwd(), f.path) || f.path;
    if (f.error) {
      problems.push(unreadable(shown, f.error));
      continue;
    }
    try {
      read.push({ shown, file: path.resolve(f.path), tree: parse(fs.readFileSync(f.path, "utf8")) });
    } catch (e) {
      problems.push(unreadable(shown, describeFsError(e)));
    }
  }
  // Services may be defined in any of the files checked together.
  const services = new InstanceServiceCatalog();
  for (const r of read) services.add(buildInstance(r.tree), r.file);
  const schemas = new SchemaContext();
  for (const r of read) {
    const place = { file: r.file, folder: process.cwd() };
    const { diagnostics } = validateDocument(r.tree, place, DEFAULT_VALIDATION_SETTINGS, schemas, services);
    for (const p of report(r.shown, r.tree, diagnostics)) problems.push(p);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  write(options.format === "json" ? formatJson(problems) : formatText(problems, files.length));
  return problems.some((p) => p.severity === "error") ? 1 : 0;
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

function unreadable(file: string, why: string): ReportedProblem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "unreadable-file", message: `cannot read this file: ${why}` };
}
