// textDocument/prepareRename: what would be renamed, or why a rename cannot be done (as an
// error, which editors show as it is).
import { LSPErrorCodes, ResponseError } from "vscode-languageserver";
import type { Session } from "../session";
import { prepareRename } from "../../features/rename";

export function registerPrepareRename(session: Session): void {
  session.connection.onPrepareRename(({ textDocument, position }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    let outcome: ReturnType<typeof prepareRename>;
    try {
      session.analyzed(doc);
      outcome = prepareRename(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position));
    } catch (e) {
      session.error("prepareRename", e);
      return null;
    }
    if (!outcome.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.reason);
    return outcome.value;
  });
}
