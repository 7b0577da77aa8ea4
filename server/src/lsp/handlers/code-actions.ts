// textDocument/codeAction: quick fixes for the diagnostics in the asked range, from the
// server's own latest validation (which carries each fix's data), not the client's copy.
import { CodeActionKind, type CodeAction } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { quickFixes } from "../../features/quick-fixes";
import { SYNTAX_CODES } from "../../validation/validate-document";
import { toLspDiagnostic, toRange } from "../convert";

export function registerCodeActions(session: Session, requests: RequestPipeline): void {
  session.connection.onCodeAction(requests.document("textDocument/codeAction", (doc, { textDocument, range, context }): CodeAction[] | null => {
    if (context?.only && !context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return null;
    const tree = doc.tree;
    const from = tree.offsetAt(range.start);
    const to = tree.offsetAt(range.end);
    const here = session.validate(doc).diagnostics.filter((d) => d.start <= to && d.end >= from);
    return quickFixes(tree, here, (code) => !SYNTAX_CODES.has(code)).map((f) => ({
      title: f.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(tree, textDocument.uri, f.diagnostic)],
      isPreferred: f.preferred,
      edit: { changes: { [textDocument.uri]: f.edits.map((e) => ({ range: toRange(tree, e.start, e.end), newText: e.newText })) } },
    }));
  }, "range"));
}
