// A real LSP client for tests: spawns the built server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type {
  ClientCapabilities, Diagnostic, PublishDiagnosticsParams, InitializeParams, InitializeResult, Registration, FileEvent,
} from "vscode-languageserver-protocol";
import { repoRoot } from "../helpers/guide-example";

export interface Published { version?: number; diagnostics: Diagnostic[] }

export class LspClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly waiters: { uri: string; test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  readonly published = new Map<string, Published[]>();
  stderr = "";
  logs: string[] = [];

  constructor() {
    this.child = spawn(process.execPath, [path.join(repoRoot, "bin/tsk-language-server.js"), "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (d: Buffer) => { this.stderr += d.toString(); });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      const entry = { version: p.version, diagnostics: p.diagnostics };
      const list = this.published.get(p.uri) ?? [];
      list.push(entry);
      this.published.set(p.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(entry)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(entry);
        }
      }
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => { this.logs.push(p.message); });
    this.connection.onNotification("window/showMessage", (p: { type: number; message: string }) => { this.shown.push(p); });
    this.connection.onRequest("window/showMessageRequest", (p: { type: number; message: string }) => { this.shown.push(p); return null; });
    this.connection.onRequest("workspace/configuration", async (p: { items: unknown[] }) => {
      this.configurationAsked++;
      await this.configurationGate;
      return p.items.map(() => this.settings);
    });
    this.connection.onRequest("client/registerCapability", (p: { registrations: Registration[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onNotification("$/progress", (p: { token: string | number; value: { kind: string } }) => {
      this.progress.push(p);
      if (p.value.kind === "end") for (const w of this.progressEnded.splice(0)) w();
    });
    this.connection.listen();
  }

  settings: unknown = {};
  /** Messages the server showed the user (window/showMessage), in order. */
  readonly shown: { type: number; message: string }[] = [];
  /** While this is pending, settings requests wait: a client slow to answer them. */
  configurationGate: Promise<void> = Promise.resolve();
  configurationAsked = 0;
  /** What the server answered to initialize. */
  initializeResult: InitializeResult | null = null;
  /** What the server registered for with client/registerCapability. */
  readonly registrations: Registration[] = [];
  /** `$/progress` notifications, in order. */
  readonly progress: { token: string | number; value: { kind: string; title?: string; percentage?: number } }[] = [];
  private readonly progressEnded: (() => void)[] = [];

  /** `capabilities.workspace`, when not given, is VS Code's: it answers settings requests and lets the server register. */
  async initialize(rootUri: string | null = null, settings: unknown = {}, capabilities: ClientCapabilities = {}): Promise<void> {
    this.settings = settings;
    const workspace = capabilities.workspace ?? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } };
    const params: InitializeParams = {
      processId: process.pid, rootUri,
      capabilities: { ...capabilities, workspace },
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "root" }] : null,
    };
    this.initializeResult = await this.connection.sendRequest("initialize", params);
    await this.connection.sendNotification("initialized", {});
  }

  /** How many diagnostics have been published for `uri`: pass it as `from` to wait for newer ones. */
  mark(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** Resolves with the first diagnostics published for `uri` (from the `from`th on) that pass `test`. */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true, timeoutMs = 15000, from = 0): Promise<Published> {
    const already = (this.published.get(uri) ?? []).slice(from).find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Resolves when a work-done progress has ended (the server's indexing, when the client lets it show progress). */
  progressEnd(timeoutMs = 30000): Promise<void> {
    if (this.progress.some((p) => p.value.kind === "end")) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress end; server stderr: ${this.stderr}`)), timeoutMs);
      this.progressEnded.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  /** Tells the server of files created (1), changed (2) or deleted (3) on disk. */
  watched(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification("workspace/didChangeWatchedFiles", { changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "tsk", version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The server's process id, to read its memory. */
  get pid(): number { return this.child.pid!; }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification("exit");
    } catch { /* already gone */ }
    this.connection.dispose();
    this.child.kill();
  }
}
