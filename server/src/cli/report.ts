// How `tsk check` prints what it found: one line per problem, or JSON for other tools.
import type { Severity } from "../syntax/nodes";

/** One problem, with 1-based lines and columns (columns count UTF-16 code units, as editors do). */
export interface ReportedProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export function formatText(problems: ReportedProblem[], fileCount: number): string {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]`);
  lines.push(summary(problems, fileCount));
  return lines.join("\n") + "\n";
}

export function formatJson(problems: ReportedProblem[]): string {
  return JSON.stringify(problems, null, 2) + "\n";
}

function summary(problems: ReportedProblem[], fileCount: number): string {
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural(count("error"), "error"), plural(count("warning"), "warning")];
  const info = count("info") + count("hint");
  if (info > 0) parts.push(plural(info, "note"));
  return `${parts.join(", ")} in ${plural(fileCount, "file")}`;
}
