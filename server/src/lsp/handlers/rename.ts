// textDocument/rename: one edit for every file that names the symbol, or an error saying why not.
// A rename waits for the index to be complete (a folder just added is read first), checks the
// files it would change that are not open against the disk, and is sent as versioned
// documentChanges to clients that take them, so that an editor refuses it if a file changed.
import { LSPErrorCodes, ResponseError, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { WorkspaceIndexing } from "../workspace-indexing";
import type { OpenDocument } from "../documents";
import { rename, type FileEdit } from "../../features/rename";
import { isEmptyChange } from "../../workspace/workspace-index";

/** How long a rename waits for the workspace to be read before it is refused. */
const WAIT_FOR_INDEX_MS = 20_000;

export function registerRename(session: Session, requests: RequestPipeline, indexing: WorkspaceIndexing): void {
  session.connection.onRenameRequest(requests.document("textDocument/rename", async (doc, { position, newName }, token) => {
    if (!(await indexing.whenIdle(token, WAIT_FOR_INDEX_MS))) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, "the workspace is still being indexed: rename once it is done, so that no file is missed");
    }
    let edits = plan(session, doc, position, String(newName ?? ""));
    // The index knows closed files as they were when last read: read again any that changed.
    if (freshenFromDisk(session, edits)) edits = plan(session, doc, position, String(newName ?? ""));
    return toWorkspaceEdit(session, edits);
  }, "position"));
}

function plan(session: Session, doc: OpenDocument, position: { line: number; character: number }, newName: string): Map<string, FileEdit[]> {
  session.analyzed(doc);
  const outcome = rename(session.workspace, session.fileOf(doc), doc.tree.offsetAt(position), newName);
  if (!outcome.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.reason);
  return outcome.value;
}

/** Whether any file the rename would change, and that no editor has open, changed on disk. */
function freshenFromDisk(session: Session, edits: Map<string, FileEdit[]>): boolean {
  let changed = false;
  for (const file of edits.keys()) {
    if (session.workspace.isOpen(file) || session.workspace.isVirtual(file)) continue;
    const before = session.workspace.summary(file);
    const change = session.workspace.refreshFromDisk(file);
    if (!isEmptyChange(change)) session.workspaceChanged(change);
    // A new summary means new text, where the same names may stand elsewhere.
    changed ||= session.workspace.summary(file) !== before;
  }
  return changed;
}

function toWorkspaceEdit(session: Session, edits: Map<string, FileEdit[]>): WorkspaceEdit {
  if (!session.client.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, list] of edits) changes[session.uriOf(file)] = list;
    return { changes };
  }
  const documentChanges: TextDocumentEdit[] = [];
  for (const [file, list] of edits) {
    const uri = session.uriOf(file);
    // An open document's edit names the version the client has; a closed file's names none.
    const version = session.documents.get(uri)?.version ?? null;
    documentChanges.push({ textDocument: { uri, version }, edits: list });
  }
  return { documentChanges };
}
