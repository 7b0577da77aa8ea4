// textDocument/references.
import type { Session } from "../session";
import { findReferences } from "../../features/references";
import { toLspLocation } from "../convert";

export function registerReferences(session: Session): void {
  session.connection.onReferences(({ textDocument, position, context }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      session.analyzed(doc);
      const found = findReferences(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position), context?.includeDeclaration !== false);
      return found.map((l) => toLspLocation(l, (f) => session.uriOf(f)));
    } catch (e) {
      session.error("references", e);
      return null;
    }
  });
}
