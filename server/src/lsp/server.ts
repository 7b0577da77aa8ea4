// The language server: a thin layer that maps LSP onto the language core. The transport
// (--stdio, --node-ipc, --socket=N) comes from the command line, as vscode-languageserver reads it.
import { VERSION } from "../version";
import {
  CodeActionKind, createConnection, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocumentSyncKind, type InitializeResult,
} from "vscode-languageserver/node";
import { Session } from "./session";
import { DiagnosticsScheduler } from "./diagnostics-scheduler";
import { RequestPipeline } from "./request-pipeline";
import { WorkspaceIndexing } from "./workspace-indexing";
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
import { FIX_ALL, registerCodeActions } from "./handlers/code-actions";
import { registerDocumentHighlights } from "./handlers/document-highlights";
import { registerWatchedFiles, watchConfigFiles } from "./handlers/did-change-watched-files";
import { watchWorkspaceFolders } from "./handlers/workspace-folders";
import { registerSemanticTokens, SEMANTIC_TOKENS_LEGEND } from "./handlers/semantic-tokens";
import { registerSignatureHelp, SIGNATURE_TRIGGERS } from "./handlers/signature-help";
import { registerSelectionRanges } from "./handlers/selection-ranges";
import { registerInlayHints } from "./handlers/inlay-hints";
import { registerCodeLenses } from "./handlers/code-lens";
import { ON_TYPE_TRIGGERS, registerOnTypeFormatting } from "./handlers/on-type-formatting";
import { COMPLETION_TRIGGERS } from "../features/completion";

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all, {
    // A request the client cancelled before the server reached it is answered at once, unread.
    connectionStrategy: {
      cancelUndispatched: (message) => ({
        jsonrpc: "2.0",
        id: (message as { id?: number | string | null }).id ?? null,
        error: new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled before it was read").toJson(),
      }),
    },
  });
  const session = new Session(connection);
  const diagnostics = new DiagnosticsScheduler(session);
  const requests = new RequestPipeline(session);
  requests.onRecovered = (doc) => diagnostics.schedule(doc.uri);
  const indexing = new WorkspaceIndexing(session, diagnostics);

  let watchesFiles = false;
  let followsFolders = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    session.pullsConfiguration = caps.workspace?.configuration === true;
    session.registersConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    session.client = {
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    };
    watchesFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    followsFolders = caps.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.folderUris = folders;
    session.documents.setWorkspaceFolders(folders);
    session.workspace.setFolders(session.documents.workspaceFolders);
    // Trust is decided before anything the workspace names is read: from the settings sent at
    // start, else from the first settings pulled (untrusted until then), else trusted.
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) session.applySettings(init.settings);
    else if (!session.pullsConfiguration) session.trustWithoutSettings();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGERS] },
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [")"] },
        selectionRangeProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: true },
        documentOnTypeFormattingProvider: ON_TYPE_TRIGGERS,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "tsk-language-server", version: VERSION },
    };
  });

  connection.onInitialized(requests.notification("initialized", async () => {
    watchConfiguration(session);
    await loadSettings(session);
    diagnostics.release();
    watchConfigFiles(session, watchesFiles);
    if (followsFolders) watchWorkspaceFolders(session, requests, diagnostics, indexing);
    session.invalidateAll();
    diagnostics.scheduleAll();
    // In the background: documents are checked meanwhile, and again when it is done.
    indexing.start();
  }));

  registerDocumentSync(session, requests, diagnostics);
  registerCompletion(session, requests);
  registerHover(session, requests);
  registerConfiguration(session, requests, diagnostics, indexing);
  registerDefinition(session, requests);
  registerReferences(session, requests);
  registerPrepareRename(session, requests);
  registerRename(session, requests, indexing);
  registerDocumentLinks(session, requests);
  registerWorkspaceSymbols(session, requests);
  registerFormatting(session, requests);
  registerDocumentSymbols(session, requests);
  registerFoldingRanges(session, requests);
  registerCodeActions(session, requests);
  registerDocumentHighlights(session, requests);
  registerWatchedFiles(session, requests, diagnostics, indexing);
  registerSemanticTokens(session, requests);
  registerSignatureHelp(session, requests);
  registerSelectionRanges(session, requests);
  registerInlayHints(session, requests);
  registerCodeLenses(session, requests);
  registerOnTypeFormatting(session, requests);

  // No process-wide handler for uncaught errors: every request and notification catches its
  // own (request-pipeline.ts), and an error that escapes them leaves a process that cannot be
  // trusted, which must end (the client starts a new one) rather than go on.
  connection.listen();
}
