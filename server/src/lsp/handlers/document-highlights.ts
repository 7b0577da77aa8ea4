// textDocument/documentHighlight.
import type { DocumentHighlight } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { documentHighlights } from "../../features/document-highlights";

export function registerDocumentHighlights(session: Session, requests: RequestPipeline): void {
  session.connection.onDocumentHighlight(requests.document("textDocument/documentHighlight", (doc, { position }): DocumentHighlight[] => {
    session.analyzed(doc);
    return documentHighlights(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position)).map((range) => ({ range }));
  }, "position"));
}
