// The checks that need one file and nothing else: keys assigned twice, directives, escapes,
// and lines the reference parsers read otherwise than they look (reference-reading.ts).
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import { duplicateDefinitions, type PathIndex } from "../paths/definitions";
import { formatPath } from "../paths/path";
import { forEachExpression } from "../syntax/expression-walk";
import type { Body } from "../syntax/nodes";
import type { Diagnostic } from "./diagnostic";
import { shownText } from "../syntax/shown-text";
import { referenceReadingChecks } from "./reference-reading";

const KNOWN_DIRECTIVES = new Set(["api", "schema"]);

/** The checks of `body` (starting at `bodyStart`) that need nothing but its statements: directives and escapes. */
export function statementChecks(tree: SyntaxTree, body: Body, bodyStart: number): Diagnostic[] {
  return directiveChecks(body, bodyStart).concat(escapeChecks(tree, body, bodyStart), referenceReadingChecks(tree, body, bodyStart));
}

export function duplicateKeys(tree: SyntaxTree, index: PathIndex): Diagnostic[] {
  return duplicateDefinitions(index).map(({ first, again }) => {
    const name = shownText(again.global ? `$${again.path[0]}` : formatPath(again.path));
    const line = tree.positionAt(first.keyStart).line + 1;
    return {
      start: again.keyStart,
      end: again.keyEnd,
      severity: "warning" as const,
      code: "duplicate-key",
      message: `'${name}' is already set on line ${line}; this later value wins`,
      related: [{ start: first.keyStart, end: first.keyEnd, message: `'${name}' is first set here` }],
    };
  });
}

function directiveChecks(body: Body, bodyStart: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachStatement(body, bodyStart, (s, start) => {
    if (s.kind !== "directive") return;
    const range = { start, end: start + s.width };
    if (!KNOWN_DIRECTIVES.has(s.name)) {
      out.push({ ...range, severity: "hint", code: "unknown-directive", message: `unknown directive '#!${shownText(s.name)}': TSK knows '#!api' and '#!schema'` });
    } else if (s.name === "api" && start > 1) {
      out.push({ ...range, severity: "warning", code: "misplaced-directive", message: "'#!api' counts only on the first line of a file" });
    } else if (s.name === "schema" && s.argument === "") {
      out.push({ ...range, severity: "warning", code: "schema-directive", message: "'#!schema' needs a schema path, a URI, or 'none'" });
    }
  });
  return out;
}

/** `\n \t \r \\ \" \' \0 \uXXXX`, and a backslash before a line break (it continues the string). */
const KNOWN_ESCAPE = /^(?:[ntr0\\"'\r\n]|u[0-9A-Fa-f]{4})/;

/**
 * An unknown escape (`"C:\data"`, `"\d+"`) is kept as written, backslash and all, so nothing
 * is lost: a hint (a regular expression writes many), which the highlighting marks too, in
 * case a `\\` was meant.
 */
function escapeChecks(tree: SyntaxTree, body: Body, bodyStart: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = tree.buffer;
  forEachStatement(body, bodyStart, (s, at) => {
    const value = s.kind === "assignment" ? s.value : s.kind === "expression" ? s.expression : null;
    if (!value) return;
    forEachExpression(value, (e) => {
      if (e.kind !== "string" || e.quote.length !== 1) return;
      const raw = text.slice(at + e.start, at + e.end);
      for (let i = raw.indexOf("\\"); i >= 0 && i < raw.length - 1; i = raw.indexOf("\\", i + 2)) {
        if (KNOWN_ESCAPE.test(raw.slice(i + 1, i + 6))) continue;
        const start = at + e.start + i;
        out.push({
          start, end: start + 2, severity: "hint", code: "unknown-escape",
          message: `'${shownText(raw.slice(i, i + 2))}' is no escape: it stays as written; write '\\\\' for a backslash`,
        });
      }
    });
  });
  return out;
}
