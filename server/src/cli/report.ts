// How `tsk check` prints what it found: one line per problem, or JSON for other tools.
// Nothing the user's files hold reaches the terminal raw: file names and messages are escaped
// (messages quote through shownText already; this is the last line of defence), and so is
// the JSON, whose escapes mean the same characters.
import type { Severity } from "../syntax/nodes";
import { escapeInvisible, escapeInvisibleInJson } from "../syntax/shown-text";

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
  const lines = problems.map((p) => `${escapeInvisible(p.file)}:${p.line}:${p.column} ${p.severity} ${escapeInvisible(p.message)} [${p.code}]`);
  lines.push(summary(problems, fileCount));
  return lines.join("\n") + "\n";
}

export function formatJson(problems: ReportedProblem[]): string {
  return escapeInvisibleInJson(JSON.stringify(problems, null, 2)) + "\n";
}

function summary(problems: ReportedProblem[], fileCount: number): string {
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural(count("error"), "error"), plural(count("warning"), "warning")];
  const info = count("info") + count("hint");
  if (info > 0) parts.push(plural(info, "note"));
  return `${parts.join(", ")} in ${plural(fileCount, "file")}`;
}
