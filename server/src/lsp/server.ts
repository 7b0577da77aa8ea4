// The language server: a thin layer that maps LSP onto the language core. The transport
// (--stdio, --node-ipc, --socket=N) comes from the command line, as vscode-languageserver reads it.
import { VERSION } from "../version";
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from "vscode-languageserver/node";
import { Session } from "./session";
import { DiagnosticsScheduler } from "./diagnostics-scheduler";
import { registerDocumentSync } from "./handlers/text-document-sync";
import { registerCompletion } from "./handlers/completion";
import { registerHover } from "./handlers/hover";
import { loadSettings, registerConfiguration, watchConfiguration } from "./handlers/configuration";
import { readValidationSettings } from "../validation/settings";

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const session = new Session(connection);
  const diagnostics = new DiagnosticsScheduler(session);

  connection.onInitialize((params): InitializeResult => {
    session.pullsConfiguration = params.capabilities.workspace?.configuration === true;
    session.registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.documents.setWorkspaceFolders(folders);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) session.settings = readValidationSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ["@", "$", ".", '"', "=", ":", " "] },
        hoverProvider: true,
      },
      serverInfo: { name: "tsk-language-server", version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    watchConfiguration(session);
    await loadSettings(session);
    diagnostics.release();
    const count = session.services.scan(session.documents.workspaceFolders);
    session.log(`tsk: read ${count} config files of the workspace`);
    session.invalidateAll();
    diagnostics.scheduleAll();
  });

  registerDocumentSync(session, diagnostics);
  registerCompletion(session);
  registerHover(session);
  registerConfiguration(session, diagnostics);

  process.on("uncaughtException", (e) => session.error("uncaught", e));
  connection.listen();
}
