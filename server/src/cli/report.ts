// What `tsk check` found, as the report formats read it. Nothing the user's files hold reaches
// the terminal raw: file names, messages and source lines are escaped (messages quote through
// shownText already; this is the last line of defence).
import type { Severity } from "../syntax/nodes";
import { escapeInvisible, escapeInvisibleInJson } from "../syntax/shown-text";

/** One problem, with 1-based lines and columns (columns count UTF-16 code units, as editors do). */
export interface ReportedProblem {
  /** The file as the user named it (a folder named, then the path below it), or `<stdin>`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface CheckedFile {
  /** As shown: the path as given. */
  file: string;
  /** Its absolute path, or null for standard input without --stdin-filepath. */
  absolute: string | null;
  /** Its text, for source lines; null when it was not read as text (not UTF-8). */
  text: string | null;
  problems: ReportedProblem[];
}

export interface CheckReport {
  files: CheckedFile[];
}

export function allProblems(report: CheckReport): ReportedProblem[] {
  return report.files.flatMap((f) => f.problems);
}

export function formatJson(report: CheckReport): string {
  return escapeInvisibleInJson(JSON.stringify(allProblems(report), null, 2)) + "\n";
}

export function counts(problems: ReportedProblem[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of problems) c[p.severity]++;
  return c;
}

/** `1 error, 2 warnings, 1 info, 3 hints`: the words the problem lines use; info and hints only when there are some. */
export function countWords(problems: ReportedProblem[]): string {
  const c = counts(problems);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural(c.error, "error"), plural(c.warning, "warning")];
  if (c.info > 0) parts.push(`${c.info} info`);
  if (c.hint > 0) parts.push(plural(c.hint, "hint"));
  return parts.join(", ");
}

export const shownFile = escapeInvisible;
