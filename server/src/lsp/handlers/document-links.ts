// textDocument/documentLink: file names link to their file, read keys to their line in it.
import type { DocumentLink } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { documentLinks } from "../../features/document-links";

export function registerDocumentLinks(session: Session, requests: RequestPipeline): void {
  session.connection.onDocumentLinks(requests.document("textDocument/documentLink", (doc) => {
    session.analyzed(doc);
    return documentLinks(session.workspace, session.fileOf(doc)).map((l): DocumentLink => {
      const uri = session.uriOf(l.file);
      // `#L3,5` opens the file at line 3, column 5 (1-based), as VS Code reads a link's fragment.
      const target = l.position ? `${uri}#L${l.position.line + 1},${l.position.character + 1}` : uri;
      return { range: l.range, target };
    });
  }));
}
