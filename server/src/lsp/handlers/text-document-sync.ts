// textDocument/didOpen, didChange, didClose: keep the trees current, and diagnostics with them.
import type { Session } from "../session";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";

export function registerDocumentSync(session: Session, diagnostics: DiagnosticsScheduler): void {
  const { connection, documents } = session;
  connection.onDidOpenTextDocument(({ textDocument }) => {
    try {
      documents.open(textDocument.uri, textDocument.version, textDocument.text);
      session.forget(textDocument.uri);
      diagnostics.schedule(textDocument.uri);
    } catch (e) {
      session.error("didOpen", e);
    }
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    try {
      const doc = documents.change(textDocument.uri, textDocument.version ?? 0, contentChanges);
      if (!doc) {
        session.log(`didChange for a document that is not open: ${textDocument.uri}`);
        return;
      }
      diagnostics.schedule(doc.uri);
    } catch (e) {
      session.error("didChange", e);
    }
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    try {
      const doc = documents.get(textDocument.uri);
      documents.close(textDocument.uri);
      if (doc) session.closed(doc);
      diagnostics.clear(textDocument.uri);
    } catch (e) {
      session.error("didClose", e);
    }
  });
}
