// workspace/didChangeWatchedFiles: config files created, changed, deleted or renamed on disk
// (a rename comes as a delete and a create), and JSON files, which may be schemas in use. The
// watcher is registered with the client when it lets servers do so; a client may also send
// these events on its own.
import { DidChangeWatchedFilesNotification, FileChangeType } from "vscode-languageserver";
import { URI } from "vscode-uri";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";
import type { WorkspaceIndexing } from "../workspace-indexing";
import { reloadSchemas } from "./configuration";
import { mergeChange, noChange } from "../../workspace/workspace-index";
import { inSkippedFolder } from "../../workspace/folder-scan";
import { isProjectConfig } from "../../schemas/project-config-schema";

export function registerWatchedFiles(session: Session, requests: RequestPipeline, diagnostics: DiagnosticsScheduler, indexing: WorkspaceIndexing): void {
  session.connection.onDidChangeWatchedFiles(requests.notification("workspace/didChangeWatchedFiles", ({ changes }) => {
    const total = noChange();
    let schemasChanged = false;
    for (const c of changes ?? []) {
      const uri = URI.parse(c.uri);
      if (uri.scheme !== "file") continue;
      const file = uri.fsPath;
      if (file.endsWith(".json")) {
        // A schema a document uses, edited, created where one was missing, or deleted.
        schemasChanged ||= session.schemas.store.hasRead(file);
        continue;
      }
      // A project's configuration: every file below it may be checked differently now.
      if (isProjectConfig(file)) schemasChanged = true;
      if (!file.endsWith(".tsk") && c.type !== FileChangeType.Deleted) continue;
      // The scan leaves out node_modules and the like below a workspace folder, and files
      // outside the folders; so do events, unless the file is indexed already (imported).
      const folder = session.workspace.folderOf(file);
      if ((folder === null || inSkippedFolder(file, folder)) && !session.workspace.summary(file)) continue;
      const change = c.type === FileChangeType.Deleted ? session.workspace.removeFromDisk(file) : session.workspace.refreshFromDisk(file);
      mergeChange(total, change);
    }
    session.workspaceChanged(total);
    if (schemasChanged) reloadSchemas(session, diagnostics, indexing);
  }));
}

export function watchConfigFiles(session: Session, dynamicRegistration: boolean): void {
  if (!dynamicRegistration) return;
  session.connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.tsk" }, { globPattern: "**/*.json" }] })
    .catch((e: unknown) => session.error("registering the file watcher", e));
}
