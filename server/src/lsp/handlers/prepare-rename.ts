// textDocument/prepareRename: what would be renamed, or why a rename cannot be done (as an
// error, which editors show as it is).
import { LSPErrorCodes, ResponseError } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { prepareRename } from "../../features/rename";

export function registerPrepareRename(session: Session, requests: RequestPipeline): void {
  session.connection.onPrepareRename(requests.document("textDocument/prepareRename", (doc, { position }) => {
    session.analyzed(doc);
    const outcome = prepareRename(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position));
    if (!outcome.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.reason);
    return outcome.value;
  }, "position"));
}
