// One way in for every request and notification: the document looked up, cancellation checked
// before and after, ContentModified when the document changed while the request waited, and
// every failure logged with the request that met it and answered as an error of that request
// only. A failure may mean that what the server holds of the document is wrong, so the
// document is read again from its text (the anchors: rust-analyzer's RequestDispatcher,
// terraform-ls's handle()).
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from "vscode-languageserver";
import type { Session } from "./session";
import type { OpenDocument } from "./documents";

export interface DocumentParams { textDocument: { uri: string } }

/** What a request must carry besides its document, checked before it is handled. */
export type Needs = "position" | "range";

export class RequestPipeline {
  /** Told when a document was read again after a failure: its diagnostics must follow. */
  onRecovered: (doc: OpenDocument) => void = () => {};

  constructor(private readonly session: Session) {}

  /**
   * A handler for a request about one open document; a document the server does not have
   * open gets null. `handle` may be async: if the document changes before it ends, the
   * client is told ContentModified rather than given an answer about a text it no longer has.
   */
  document<P extends DocumentParams, R>(
    method: string,
    handle: (doc: OpenDocument, params: P, token: CancellationToken) => R | Promise<R>,
    needs: Needs | null = null,
  ): (params: P, token: CancellationToken) => Promise<R | null> {
    return async (params, token) => {
      const uri: unknown = params?.textDocument?.uri;
      if (typeof uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, `${method}: textDocument.uri is missing`);
      const p = params as unknown as { position?: unknown; range?: { start?: unknown; end?: unknown } };
      if (needs === "position" && !isPosition(p.position)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: position is missing or malformed`);
      if (needs === "range" && !(isPosition(p.range?.start) && isPosition(p.range?.end))) {
        throw new ResponseError(ErrorCodes.InvalidParams, `${method}: range is missing or malformed`);
      }
      const doc = this.session.documents.get(uri);
      if (!doc) return null;
      checkCancelled(token);
      const revision = doc.revision;
      let result: R;
      try {
        result = await handle(doc, params, token);
      } catch (e) {
        throw this.failed(method, params, e, doc);
      }
      if (this.session.documents.get(doc.uri) !== doc || doc.revision !== revision) {
        throw new ResponseError(LSPErrorCodes.ContentModified, "the document changed while this request ran");
      }
      checkCancelled(token);
      return result;
    };
  }

  /** A handler for a request about the workspace, not one document. */
  workspace<P, R>(method: string, handle: (params: P, token: CancellationToken) => R | Promise<R>): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      checkCancelled(token);
      try {
        const result = await handle(params, token);
        checkCancelled(token);
        return result;
      } catch (e) {
        throw this.failed(method, params, e, null);
      }
    };
  }

  /** A notification handler: a failure is logged with the notification, and the server goes on. */
  notification<P>(method: string, handle: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
    return async (params) => {
      try {
        await handle(params);
      } catch (e) {
        this.session.error(describe(method, params), e);
        const uri = (params as Partial<DocumentParams> | null)?.textDocument?.uri;
        const doc = typeof uri === "string" ? this.session.documents.get(uri) : undefined;
        if (doc) this.recover(doc);
      }
    };
  }

  private failed(method: string, params: unknown, e: unknown, doc: OpenDocument | null): ResponseError<void> {
    // Deliberate answers (a rename refused, a request cancelled) go to the client as they are.
    if (e instanceof ResponseError) return e as ResponseError<void>;
    this.session.error(describe(method, params), e);
    if (doc) this.recover(doc);
    const message = e instanceof Error ? e.message : String(e);
    return new ResponseError(ErrorCodes.InternalError, `tsk: ${method} failed: ${message} (logged; the document was read again)`);
  }

  private recover(doc: OpenDocument): void {
    try {
      this.session.recover(doc);
      this.onRecovered(doc);
    } catch (e) {
      this.session.error(`reading ${doc.uri} again`, e);
    }
  }
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null | undefined;
  return typeof q?.line === "number" && typeof q.character === "number" && Number.isFinite(q.line) && Number.isFinite(q.character);
}

function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
}

/** The request, its document and position, for the log: enough to reproduce it, not the whole text. */
function describe(method: string, params: unknown): string {
  const p = params as { textDocument?: { uri?: unknown; version?: unknown }; position?: { line?: unknown; character?: unknown } } | null;
  const parts: string[] = [method];
  if (typeof p?.textDocument?.uri === "string") parts.push(p.textDocument.uri);
  if (p?.position) parts.push(`at ${String(p.position.line)}:${String(p.position.character)}`);
  if (p?.textDocument?.version !== undefined) parts.push(`version ${String(p.textDocument.version)}`);
  return parts.join(" ");
}
