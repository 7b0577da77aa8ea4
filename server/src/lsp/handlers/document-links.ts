// textDocument/documentLink: file names link to their file, read keys to their line in it.
import type { DocumentLink } from "vscode-languageserver";
import type { Session } from "../session";
import { documentLinks } from "../../features/document-links";

export function registerDocumentLinks(session: Session): void {
  session.connection.onDocumentLinks(({ textDocument }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      session.analyzed(doc);
      return documentLinks(session.workspace, session.fileOf(doc)).map((l): DocumentLink => {
        const uri = session.uriOf(l.file);
        // `#L3,5` opens the file at line 3, column 5 (1-based), as VS Code reads a link's fragment.
        const target = l.position ? `${uri}#L${l.position.line + 1},${l.position.character + 1}` : uri;
        return { range: l.range, target };
      });
    } catch (e) {
      session.error("documentLink", e);
      return null;
    }
  });
}
