// workspace/didChangeWorkspaceFolders: a folder added to the workspace is indexed (with
// progress, as at start); the files of a removed one are forgotten; open documents find their
// folder again (schema globs and relative schema paths depend on it) and are checked again.
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";
import type { WorkspaceIndexing } from "../workspace-indexing";

/** Call once initialized, and only when the client said it sends these events. */
export function watchWorkspaceFolders(session: Session, requests: RequestPipeline, diagnostics: DiagnosticsScheduler, indexing: WorkspaceIndexing): void {
  session.connection.workspace.onDidChangeWorkspaceFolders(requests.notification("workspace/didChangeWorkspaceFolders", ({ added, removed }) => {
    const gone = new Set(removed.map((f) => f.uri));
    const uris = [...session.folderUris.filter((u) => !gone.has(u)), ...added.map((f) => f.uri)];
    session.folderUris = uris;
    session.documents.setWorkspaceFolders(uris);
    session.workspaceChanged(session.workspace.changeFolders(session.documents.workspaceFolders));
    session.invalidateAll();
    diagnostics.scheduleAll();
    indexing.start();
  }));
}
