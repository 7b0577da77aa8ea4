// The report people read: problems grouped under their file, each with its source line and a
// caret under what it is about, then one line of counts (as ESLint's and ruff's reports do).
// Source lines are the files' own text: tabs are shown as spaces and every character that could
// act on a terminal as an escape, with the caret moved to match.
import { escapeInvisible } from "../syntax/shown-text";
import type { Colors } from "./colors";
import { allProblems, countWords, type CheckReport, type ReportedProblem } from "./report";

/** A source line wider than this is shown as a window around the caret. */
const MAX_SHOWN = 160;
const TAB = "    ";

/** Problems about the file as a whole: no line to show. */
const WHOLE_FILE = new Set(["not-utf8", "unreadable-file"]);

export function formatText(report: CheckReport, colors: Colors): string {
  const out: string[] = [];
  for (const f of report.files) {
    if (f.problems.length === 0) continue;
    out.push(colors.bold(escapeInvisible(f.file)));
    const lines = f.text === null ? null : f.text.split(/\r\n|\r|\n/);
    for (const p of f.problems) {
      out.push(`  ${p.line}:${p.column}  ${colors.severity(p.severity, p.severity)}  ${escapeInvisible(p.message)}  ${colors.dim(`[${p.code}]`)}`);
      if (lines && !WHOLE_FILE.has(p.code) && p.line <= lines.length) for (const l of excerpt(lines[p.line - 1], p, colors)) out.push(l);
    }
    out.push("");
  }
  out.push(summary(report));
  return out.join("\n") + "\n";
}

export function summary(report: CheckReport): string {
  const checked = report.files.length;
  const files = `${checked} file${checked === 1 ? "" : "s"} checked`;
  const problems = allProblems(report);
  if (problems.length === 0) return `${files}: no problems`;
  const withProblems = report.files.filter((f) => f.problems.length > 0).length;
  return `${files}: ${countWords(problems)} in ${withProblems} file${withProblems === 1 ? "" : "s"}`;
}

function excerpt(line: string, p: ReportedProblem, colors: Colors): string[] {
  const from = p.column - 1;
  const to = p.endLine === p.line ? Math.max(p.endColumn - 1, from + 1) : Math.max(line.length, from + 1);
  const shown = render(line, from, to);
  const number = String(p.line);
  const gutter = " ".repeat(number.length);
  return [
    `    ${colors.dim(`${number} |`)} ${shown.text}`,
    `    ${colors.dim(`${gutter} |`)} ${" ".repeat(shown.caretStart)}${colors.severity(p.severity, "^".repeat(Math.max(1, shown.caretLength)))}`,
  ];
}

/** The line as shown, and where the caret goes in it: [from, to) are UTF-16 offsets in `line`. */
function render(line: string, from: number, to: number): { text: string; caretStart: number; caretLength: number } {
  let start = 0;
  let end = line.length;
  if (line.length > MAX_SHOWN) {
    start = Math.max(0, Math.min(from - 40, line.length - MAX_SHOWN));
    end = Math.min(line.length, start + MAX_SHOWN);
  }
  let text = start > 0 ? "…" : "";
  let caretStart = -1;
  let caretEnd = -1;
  for (let i = start; i <= end; i++) {
    if (i === from) caretStart = text.length;
    if (i === to) caretEnd = text.length;
    if (i === end) break;
    const c = line[i];
    const pair = /[\ud800-\udbff]/.test(c) && /[\udc00-\udfff]/.test(line[i + 1] ?? "");
    const piece = c === "\t" ? TAB : pair ? c + line[i + 1] : escapeInvisible(c);
    text += piece;
    if (pair) i++;
  }
  if (end < line.length) text += "…";
  if (caretStart < 0) caretStart = text.length;
  if (caretEnd < 0) caretEnd = text.length;
  // A surrogate pair is one character on screen, two code units in `text`.
  const width = (s: string) => s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "x").length;
  const before = width(text.slice(0, caretStart));
  return { text, caretStart: before, caretLength: width(text.slice(caretStart, caretEnd)) };
}
