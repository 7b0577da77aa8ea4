// textDocument/didOpen, didChange, didClose: keep the trees current, and diagnostics with them.
import type { Session } from "../session";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";
import type { RequestPipeline } from "../request-pipeline";

export function registerDocumentSync(session: Session, requests: RequestPipeline, diagnostics: DiagnosticsScheduler): void {
  const { connection, documents } = session;
  documents.onRecovered = (uri, e) => {
    session.error(`applying an edit to ${uri} (the document was parsed afresh)`, e);
    session.forgetAnalysis(uri);
  };
  connection.onDidOpenTextDocument(requests.notification("textDocument/didOpen", ({ textDocument }) => {
    documents.open(textDocument.uri, versionOf(textDocument.version), textDocument.text);
    session.forgetAnalysis(textDocument.uri);
    diagnostics.schedule(textDocument.uri);
  }));
  connection.onDidChangeTextDocument(requests.notification("textDocument/didChange", ({ textDocument, contentChanges }) => {
    const doc = documents.change(textDocument.uri, versionOf(textDocument.version), contentChanges);
    if (!doc) {
      session.log(`didChange for a document that is not open: ${textDocument.uri}`);
      return;
    }
    diagnostics.schedule(doc.uri);
  }));
  connection.onDidCloseTextDocument(requests.notification("textDocument/didClose", ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    documents.close(textDocument.uri);
    if (doc) session.closed(doc);
    diagnostics.clear(textDocument.uri);
  }));
}

/** A client may send no version, or null: then diagnostics are published without one. */
function versionOf(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) ? v : null;
}
