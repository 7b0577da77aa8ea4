// textDocument/references.
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { findReferences } from "../../features/references";
import { toLspLocation } from "../convert";

export function registerReferences(session: Session, requests: RequestPipeline): void {
  session.connection.onReferences(requests.document("textDocument/references", (doc, { position, context }) => {
    session.analyzed(doc);
    const found = findReferences(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position), context?.includeDeclaration !== false);
    return found.map((l) => toLspLocation(l, (f) => session.uriOf(f)));
  }, "position"));
}
