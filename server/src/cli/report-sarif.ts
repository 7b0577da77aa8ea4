// SARIF 2.1.0, the format GitHub code scanning (github/codeql-action/upload-sarif) and other
// tools take: one run, the rules that were reported with their description and help, and a
// result per problem. Locations are relative to the folder tsk ran in (%SRCROOT%), which in CI
// is the repository's root, as code scanning expects. Columns count UTF-16 code units, and the
// run says so (columnKind).
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { VERSION } from "../version";
import { escapeInvisibleInJson } from "../syntax/shown-text";
import { checkCode } from "./check-codes";
import { allProblems, type CheckReport } from "./report";

const LEVEL = { error: "error", warning: "warning", info: "note", hint: "note" } as const;

export function formatSarif(report: CheckReport, cwd: string): string {
  const problems = allProblems(report);
  const codes = [...new Set(problems.map((p) => p.code))].sort();
  const absoluteOf = new Map(report.files.map((f) => [f.file, f.absolute]));
  const results = problems.map((p) => {
    const absolute = absoluteOf.get(p.file) ?? null;
    const relative = absolute === null ? p.file : path.relative(cwd, absolute).split(path.sep).join("/");
    const outside = absolute !== null && (relative.startsWith("../") || path.isAbsolute(relative));
    return {
      ruleId: p.code,
      ruleIndex: codes.indexOf(p.code),
      level: LEVEL[p.severity],
      message: { text: p.message },
      locations: [{
        physicalLocation: {
          artifactLocation: outside ? { uri: pathToFileURL(absolute).href } : { uri: encodeURI(relative), uriBaseId: "%SRCROOT%" },
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: Math.max(p.endColumn, p.line === p.endLine ? p.column + 1 : 1) },
        },
      }],
    };
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "tsk",
          fullName: "tsk check (TuskLang configuration checks)",
          version: VERSION,
          semanticVersion: VERSION,
          informationUri: "https://github.com/tsk-tools/tsk-vscode",
          rules: codes.map((code) => {
            const c = checkCode(code);
            return {
              id: code,
              name: code,
              shortDescription: { text: c.description },
              fullDescription: { text: `${c.description} ${c.help}` },
              help: { text: c.help, markdown: c.help },
              properties: { tags: ["tsk"] },
            };
          }),
        },
      },
      originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      columnKind: "utf16CodeUnits",
      results,
    }],
  };
  return escapeInvisibleInJson(JSON.stringify(sarif, null, 2)) + "\n";
}
