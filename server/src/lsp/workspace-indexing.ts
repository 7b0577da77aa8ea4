// Reading the workspace's config files in the background at start, with progress shown
// (window/workDoneProgress) when the client can show it. Requests are answered meanwhile;
// checks that need the whole workspace wait for the end.
import type { WorkDoneProgressServerReporter } from "vscode-languageserver";
import type { Session } from "./session";
import type { DiagnosticsScheduler } from "./diagnostics-scheduler";
import { heapMode } from "./heap-mode";

export async function indexWorkspace(session: Session, diagnostics: DiagnosticsScheduler): Promise<void> {
  const index = session.workspace;
  let progress: WorkDoneProgressServerReporter | null = null;
  try {
    progress = await session.connection.window.createWorkDoneProgress();
    progress.begin("Indexing TSK config files", 0, undefined, false);
  } catch (e) {
    session.error("progress", e);
  }
  const started = Date.now();
  try {
    const change = await heapMode.inBulk(() => index.indexFolders((done, total) => {
      progress?.report(total > 0 ? Math.floor((done * 100) / total) : 100, `${done} of ${total} files`);
    }));
    session.workspaceChanged(change);
  } catch (e) {
    session.error("indexing the workspace", e);
    index.complete = true;
  }
  progress?.done();
  session.log(`tsk: indexed ${index.size} config files in ${Date.now() - started} ms`);
  // Checks that waited for the whole workspace run now.
  session.invalidateValidations();
  diagnostics.scheduleAll();
}
