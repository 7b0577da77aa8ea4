// textDocument/rename: one edit for every file that names the symbol, or an error saying why not.
import { LSPErrorCodes, ResponseError, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { Session } from "../session";
import { rename } from "../../features/rename";

export function registerRename(session: Session): void {
  session.connection.onRenameRequest(({ textDocument, position, newName }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    let outcome: ReturnType<typeof rename>;
    try {
      session.analyzed(doc);
      outcome = rename(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position), String(newName ?? ""));
    } catch (e) {
      session.error("rename", e);
      return null;
    }
    if (!outcome.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.reason);
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, edits] of outcome.value) changes[session.uriOf(file)] = edits;
    const edit: WorkspaceEdit = { changes };
    return edit;
  });
}
