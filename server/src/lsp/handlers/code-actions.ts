// textDocument/codeAction: quick fixes for the diagnostics in the asked range, from the
// server's own latest validation (which carries each fix's data), not the client's copy; and
// `source.fixAll.tsk`, every preferred fix of the file at once (fix on save).
import { CodeActionKind, type CodeAction } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { OpenDocument } from "../documents";
import { fixAll, quickFixes } from "../../features/quick-fixes";
import { SYNTAX_CODES } from "../../validation/validate-document";
import { toLspDiagnostic, toRange } from "../convert";

export const FIX_ALL = `${CodeActionKind.SourceFixAll}.tsk`;

export function registerCodeActions(session: Session, requests: RequestPipeline): void {
  session.connection.onCodeAction(requests.document("textDocument/codeAction", (doc, { textDocument, range, context }): CodeAction[] | null => {
    const only = context?.only;
    const wants = (kind: string) => !only || only.some((k) => k === kind || kind.startsWith(`${k}.`));
    const out: CodeAction[] = [];
    // Only when asked for by kind (fix on save, the Source Action menu): not beside each quick fix.
    if (only && wants(FIX_ALL)) {
      const all = fixAllOf(session, doc);
      if (all) out.push(all);
    }
    if (!wants(CodeActionKind.QuickFix)) return out.length > 0 ? out : null;
    const tree = doc.tree;
    const from = tree.offsetAt(range.start);
    const to = tree.offsetAt(range.end);
    const here = session.validate(doc).diagnostics.filter((d) => d.start <= to && d.end >= from);
    for (const f of quickFixes(tree, here, (code) => !SYNTAX_CODES.has(code))) {
      out.push({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(tree, textDocument.uri, f.diagnostic)],
        isPreferred: f.preferred,
        edit: { changes: { [textDocument.uri]: f.edits.map((e) => ({ range: toRange(tree, e.start, e.end), newText: e.newText })) } },
      });
    }
    return out;
  }, "range"));
}

function fixAllOf(session: Session, doc: OpenDocument): CodeAction | null {
  const edits = fixAll(doc.tree, session.validate(doc).diagnostics);
  if (edits.length === 0) return null;
  return {
    title: "Fix all TSK problems that have a sure fix",
    kind: FIX_ALL,
    edit: { changes: { [doc.uri]: edits.map((e) => ({ range: toRange(doc.tree, e.start, e.end), newText: e.newText })) } },
  };
}
