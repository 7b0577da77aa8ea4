// workspace/didChangeWorkspaceFolders: a folder added to the workspace is indexed (with
// progress, as at start); the files of a removed one are forgotten, and the open documents
// checked again against what is left.
import type { Session } from "../session";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";
import { indexWorkspace } from "../workspace-indexing";

/** Call once initialized, and only when the client said it sends these events. */
export function watchWorkspaceFolders(session: Session, diagnostics: DiagnosticsScheduler): void {
  session.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
    try {
      const gone = new Set(removed.map((f) => f.uri));
      const uris = [...session.folderUris.filter((u) => !gone.has(u)), ...added.map((f) => f.uri)];
      session.folderUris = uris;
      session.documents.setWorkspaceFolders(uris);
      session.workspaceChanged(session.workspace.changeFolders(session.documents.workspaceFolders));
      void indexWorkspace(session, diagnostics);
    } catch (e) {
      session.error("didChangeWorkspaceFolders", e);
    }
  });
}
