// workspace/didChangeConfiguration and the settings pull: the `tsk` section of the settings.
import { DidChangeConfigurationNotification } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";
import type { WorkspaceIndexing } from "../workspace-indexing";
import { SchemaContext } from "../../validation/validate-document";

export async function loadSettings(session: Session): Promise<void> {
  if (!session.pullsConfiguration) return;
  try {
    const raw: unknown = await session.connection.workspace.getConfiguration("tsk");
    session.applySettings(raw);
  } catch (e) {
    session.error("reading settings", e);
  }
}

export function registerConfiguration(session: Session, requests: RequestPipeline, diagnostics: DiagnosticsScheduler, indexing: WorkspaceIndexing): void {
  session.connection.onDidChangeConfiguration(requests.notification("workspace/didChangeConfiguration", async (change) => {
    const limits = session.scanLimits;
    if (session.pullsConfiguration) await loadSettings(session);
    else session.applySettings((change?.settings as { tsk?: unknown } | null)?.tsk);
    if (session.scanLimits.maxFiles !== limits.maxFiles) session.workspace.rescanPartial();
    // Schema files may have changed on disk too: read them again.
    reloadSchemas(session, diagnostics, indexing);
  }));
}

/** Reads the schemas again, and checks every document and file against them. */
export function reloadSchemas(session: Session, diagnostics: DiagnosticsScheduler, indexing: WorkspaceIndexing): void {
  session.schemas = new SchemaContext();
  // tsk.config.tsk files too: they name schemas, and may have changed with them.
  session.configs.clear();
  session.invalidateAll();
  diagnostics.scheduleAll();
  // Which values name services depends on the schemas: the other files are analysed again,
  // those read so far as well as those the index has still to read.
  indexing.reanalyzeAll();
}

export function watchConfiguration(session: Session): void {
  // A client that did not offer dynamic registration sends didChangeConfiguration unasked,
  // and takes the request as a protocol error (Eglot shows a warning, Neovim logs one).
  if (session.pullsConfiguration && session.registersConfiguration) {
    session.background(session.connection.client.register(DidChangeConfigurationNotification.type, undefined), "registering for settings changes");
  }
}
