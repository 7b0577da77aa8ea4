// Between the core's offsets and LSP's line/character positions, and the core's results
// and LSP's types.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type Location, type Range } from "vscode-languageserver";
import type { Location as CoreLocation } from "../features/location";
import type { SyntaxTree } from "../syntax/syntax-tree";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { Severity } from "../syntax/nodes";

export function toRange(tree: SyntaxTree, start: number, end: number): Range {
  return { start: tree.positionAt(start), end: tree.positionAt(end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(tree: SyntaxTree, uri: string, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(tree, d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "tsk",
    message: d.message,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toRange(tree, r.start, r.end) }, message: r.message }));
  }
  if (d.tags?.length) out.tags = d.tags.map((t) => (t === "unnecessary" ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (d.data) out.data = d.data;
  return out;
}

/** A core location as LSP's: the file as the URI the client knows it by. */
export function toLspLocation(location: CoreLocation, uriOf: (file: string) => string): Location {
  return { uri: uriOf(location.file), range: location.range };
}
