// workspace/didChangeConfiguration and the settings pull: the `tsk` section of the settings.
import { DidChangeConfigurationNotification } from "vscode-languageserver";
import type { Session } from "../session";
import type { DiagnosticsScheduler } from "../diagnostics-scheduler";
import { readValidationSettings } from "../../validation/settings";
import { SchemaContext } from "../../validation/validate-document";
import { heapMode } from "../heap-mode";

export async function loadSettings(session: Session): Promise<void> {
  if (!session.pullsConfiguration) return;
  try {
    const raw: unknown = await session.connection.workspace.getConfiguration("tsk");
    session.settings = readValidationSettings(raw);
  } catch (e) {
    session.error("reading settings", e);
  }
}

export function registerConfiguration(session: Session, diagnostics: DiagnosticsScheduler): void {
  session.connection.onDidChangeConfiguration(async (change) => {
    try {
      if (session.pullsConfiguration) await loadSettings(session);
      else session.settings = readValidationSettings((change.settings as { tsk?: unknown } | null)?.tsk);
      // Schema files may have changed on disk too: read them again.
      await reloadSchemas(session, diagnostics);
    } catch (e) {
      session.error("didChangeConfiguration", e);
    }
  });
}

/** Reads the schemas again, and checks every document against them. */
export async function reloadSchemas(session: Session, diagnostics: DiagnosticsScheduler): Promise<void> {
  session.schemas = new SchemaContext();
  session.invalidateAll();
  diagnostics.scheduleAll();
  // Which values name services depends on the schemas: the other files are analysed again.
  if (session.workspace.complete) session.workspaceChanged(await heapMode.inBulk(() => session.workspace.reanalyzeAll()));
}

export function watchConfiguration(session: Session): void {
  // A client that did not offer dynamic registration sends didChangeConfiguration unasked,
  // and takes the request as a protocol error (Eglot shows a warning, Neovim logs one).
  if (session.pullsConfiguration && session.registersConfiguration) {
    void session.connection.client.register(DidChangeConfigurationNotification.type, undefined);
  }
}
