// textDocument/definition.
import type { Session } from "../session";
import { findDefinition } from "../../features/definition";
import { toLspLocation } from "../convert";

export function registerDefinition(session: Session): void {
  session.connection.onDefinition(({ textDocument, position }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      session.analyzed(doc);
      const found = findDefinition(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position));
      return found.map((l) => toLspLocation(l, (f) => session.uriOf(f)));
    } catch (e) {
      session.error("definition", e);
      return null;
    }
  });
}
