// The language server: a thin layer that maps LSP onto the language core. The transport
// (--stdio, --node-ipc, --socket=N) comes from the command line, as vscode-languageserver reads it.
import { VERSION } from "../version";
import { CodeActionKind, createConnection, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from "vscode-languageserver/node";
import { Session } from "./session";
import { DiagnosticsScheduler } from "./diagnostics-scheduler";
import { registerDocumentSync } from "./handlers/text-document-sync";
import { registerCompletion } from "./handlers/completion";
import { registerHover } from "./handlers/hover";
import { loadSettings, registerConfiguration, watchConfiguration } from "./handlers/configuration";
import { registerDefinition } from "./handlers/definition";
import { registerReferences } from "./handlers/references";
import { registerPrepareRename } from "./handlers/prepare-rename";
import { registerRename } from "./handlers/rename";
import { registerDocumentLinks } from "./handlers/document-links";
import { registerWorkspaceSymbols } from "./handlers/workspace-symbols";
import { registerFormatting } from "./handlers/formatting";
import { registerDocumentSymbols } from "./handlers/document-symbols";
import { registerFoldingRanges } from "./handlers/folding-ranges";
import { registerCodeActions } from "./handlers/code-actions";
import { registerDocumentHighlights } from "./handlers/document-highlights";
import { registerWatchedFiles, watchConfigFiles } from "./handlers/did-change-watched-files";
import { watchWorkspaceFolders } from "./handlers/workspace-folders";
import { indexWorkspace } from "./workspace-indexing";
import { readValidationSettings } from "../validation/settings";

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const session = new Session(connection);
  const diagnostics = new DiagnosticsScheduler(session);

  let watchesFiles = false;
  let followsFolders = false;

  connection.onInitialize((params): InitializeResult => {
    session.pullsConfiguration = params.capabilities.workspace?.configuration === true;
    session.registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    followsFolders = params.capabilities.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.folderUris = folders;
    session.documents.setWorkspaceFolders(folders);
    session.workspace.setFolders(session.documents.workspaceFolders);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) session.settings = readValidationSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ["@", "$", ".", '"', "=", ":", " "] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: "TSK" },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "tsk-language-server", version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    watchConfiguration(session);
    await loadSettings(session);
    diagnostics.release();
    watchConfigFiles(session, watchesFiles);
    if (followsFolders) watchWorkspaceFolders(session, diagnostics);
    session.invalidateAll();
    diagnostics.scheduleAll();
    // In the background: documents are checked meanwhile, and again when it is done.
    void indexWorkspace(session, diagnostics);
  });

  registerDocumentSync(session, diagnostics);
  registerCompletion(session);
  registerHover(session);
  registerConfiguration(session, diagnostics);
  registerDefinition(session);
  registerReferences(session);
  registerPrepareRename(session);
  registerRename(session);
  registerDocumentLinks(session);
  registerWorkspaceSymbols(session);
  registerFormatting(session);
  registerDocumentSymbols(session);
  registerFoldingRanges(session);
  registerCodeActions(session);
  registerDocumentHighlights(session);
  registerWatchedFiles(session, diagnostics);

  process.on("uncaughtException", (e) => session.error("uncaught", e));
  connection.listen();
}
