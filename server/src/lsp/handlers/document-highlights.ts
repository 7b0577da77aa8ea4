// textDocument/documentHighlight.
import type { DocumentHighlight } from "vscode-languageserver";
import type { Session } from "../session";
import { documentHighlights } from "../../features/document-highlights";

export function registerDocumentHighlights(session: Session): void {
  session.connection.onDocumentHighlight(({ textDocument, position }): DocumentHighlight[] | null => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      session.analyzed(doc);
      return documentHighlights(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position)).map((range) => ({ range }));
    } catch (e) {
      session.error("documentHighlight", e);
      return null;
    }
  });
}
