// A minimal LSP client for the bench: spawns a server over stdio, answers what servers ask
// of a client (settings, registrations, schema contents), and times what they send back.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { Diagnostic, InitializeParams, PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export interface Published { version?: number; diagnostics: Diagnostic[]; at: number }
export interface ConfigurationItem { section?: string; scopeUri?: string }

export interface ClientOptions {
  /** The server's command line; the first element is the executable. */
  command: string[];
  /** The answer to one item of a workspace/configuration request. */
  configuration: (item: ConfigurationItem) => unknown;
  /** Schema text for a `custom/schema/content` request (yaml-language-server asks for URIs it cannot read). */
  schemaContent?: (uri: string) => string;
}

export const TIMED_OUT = Symbol("timed out");

/** The promise's value, or TIMED_OUT when it takes longer than `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => { timer = setTimeout(() => resolve(TIMED_OUT), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class BenchClient {
  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly waiters: { uri: string; test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private readonly lastPublish = new Map<string, number>();
  stderr = "";

  constructor(options: ClientOptions) {
    const [exe, ...args] = options.command;
    this.child = spawn(exe, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-4000); });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      const entry: Published = { version: p.version, diagnostics: p.diagnostics, at: performance.now() };
      this.lastPublish.set(p.uri, entry.at);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(entry)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(entry);
        }
      }
    });
    this.connection.onRequest("workspace/configuration", (p: { items: ConfigurationItem[] }) => p.items.map(options.configuration));
    this.connection.onRequest("custom/schema/content", (uri: string) => options.schemaContent?.(uri) ?? "");
    // Registrations, progress and the rest: accepted, as an editor would.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  get pid(): number { return this.child.pid!; }

  async initialize(): Promise<void> {
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          hover: { contentFormat: ["markdown", "plaintext"] },
        },
      },
    };
    await this.connection.sendRequest("initialize", params);
    await this.connection.sendNotification("initialized", {});
  }

  /** The next diagnostics published for `uri` from now on that pass `test`. */
  nextDiagnostics(uri: string, test: (p: Published) => boolean = () => true): Promise<Published> {
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /** Resolves once no diagnostics have been published for `uri` for `quietMs`. */
  async settle(uri: string, quietMs: number): Promise<void> {
    for (;;) {
      const wait = (this.lastPublish.get(uri) ?? 0) + quietMs - performance.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The server process's peak resident memory (VmHWM), in bytes. */
  peakMemory(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, "utf8");
    const m = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (!m) throw new Error(`no VmHWM in /proc/${this.pid}/status`);
    return Number(m[1]) * 1024;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      await withTimeout(this.connection.sendRequest("shutdown").catch(() => undefined), 2000);
      await this.connection.sendNotification("exit").catch(() => undefined);
    }
    // A server that is busy for minutes (yaml-language-server on a large file) does not read
    // `exit`: give it two seconds, then end it.
    if (this.alive) {
      const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
      if (await withTimeout(exited, 2000) === TIMED_OUT) this.child.kill();
    }
    this.connection.dispose();
  }
}
