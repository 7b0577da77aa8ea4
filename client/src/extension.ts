// The VS Code extension: starts the bundled language server over IPC and passes it the
// settings. Everything a user sees comes from the server; this file only wires it in.
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { settingsMiddleware } from "./settings";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("TSK Language Server");
  context.subscriptions.push(output);
  client = createClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand("tsk.restartServer", async () => {
      if (!client) return;
      // restart() stops and starts the same client: settings and watchers carry over.
      await client.restart();
      output.appendLine("tsk: the language server was restarted");
    }),
    vscode.commands.registerCommand("tsk.showOutput", () => output.show(true)),
    // The server's "N references" lenses: VS Code's command takes editor objects, not JSON.
    vscode.commands.registerCommand("tsk.showReferences", (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const pos = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
      return vscode.commands.executeCommand("editor.action.showReferences", vscode.Uri.parse(uri), pos(position),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(pos(l.range.start), pos(l.range.end)))));
    }),
    // Trusting the workspace lets the schemas it names apply: the server must hear of it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.sendNotification("workspace/didChangeConfiguration", { settings: null })),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6012"] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server needs no disk to check a document (virtual workspaces), only
    // to follow names into other files.
    documentSelector: [{ language: "tsk" }],
    // Config files, and JSON files: a schema in use may be edited.
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher("**/*.tsk"), vscode.workspace.createFileSystemWatcher("**/*.json")] },
    outputChannel: output,
    middleware: settingsMiddleware,
    // Whether the workspace is trusted, known to the server before it reads anything.
    initializationOptions: { settings: { workspaceTrusted: vscode.workspace.isTrusted } },
  };
  return new TskLanguageClient("tsk", "TSK Language Server", serverOptions, clientOptions);
}

/**
 * vscode-languageclient reports every exit of the server as an error, a clean one too: a
 * restart wrote "[Error] Server process exited with code 0." to the output. An exit with code
 * 0 is the server doing as asked; it is logged as information.
 */
class TskLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | "force"): void {
    if (message === "Server process exited with code 0.") {
      this.info(message);
      return;
    }
    super.error(message, data, showNotification);
  }
}
