// `tsk check PATH…`: the checks an editor shows, run over files, for CI.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "../syntax/syntax-tree";
import { checkDocument } from "../diagnostics/document-checks";
import { describeFsError, findTskFiles } from "./find-files";
import { formatJson, formatText, type ReportedProblem } from "./report";

export interface CheckOptions { format: "text" | "json" }

/** Returns the exit code: 1 when any error was found (an unreadable file is one), else 0. */
export function runCheck(paths: string[], options: CheckOptions, write: (s: string) => void): number {
  const files = findTskFiles(paths);
  const problems: ReportedProblem[] = [];
  for (const f of files) {
    const shown = path.relative(process.cwd(), f.path) || f.path;
    if (f.error) {
      problems.push(unreadable(shown, f.error));
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(f.path, "utf8");
    } catch (e) {
      problems.push(unreadable(shown, describeFsError(e)));
      continue;
    }
    problems.push(...checkText(shown, text));
  }
  write(options.format === "json" ? formatJson(problems) : formatText(problems, files.length));
  return problems.some((p) => p.severity === "error") ? 1 : 0;
}

export function checkText(file: string, text: string): ReportedProblem[] {
  const tree = parse(text);
  return checkDocument(tree).map((d) => {
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
