// textDocument/definition.
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { findDefinition } from "../../features/definition";
import { toLspLocation } from "../convert";

export function registerDefinition(session: Session, requests: RequestPipeline): void {
  session.connection.onDefinition(requests.document("textDocument/definition", (doc, { position }) => {
    session.analyzed(doc);
    const found = findDefinition(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position));
    return found.map((l) => toLspLocation(l, (f) => session.uriOf(f)));
  }, "position"));
}
