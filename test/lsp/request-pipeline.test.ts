// The request pipeline in process: what a handler's failure costs (that request, answered with
// an error and logged with the request; the document read again), cancellation, and
// ContentModified when the document changes while a handler waits.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CancellationTokenSource, ResponseError } from "vscode-languageserver";
import { RequestPipeline } from "../../server/src/lsp/request-pipeline";
import { OpenDocuments, type OpenDocument } from "../../server/src/lsp/documents";
import type { Session } from "../../server/src/lsp/session";

/** The part of a session the pipeline uses: open documents, a log, and recovery. */
function fakeSession() {
  const documents = new OpenDocuments();
  const logged: string[] = [];
  const recovered: string[] = [];
  const session = {
    documents,
    error: (where: string, e: unknown) => logged.push(`${where}: ${(e as Error).message}`),
    recover: (doc: OpenDocument) => { recovered.push(doc.uri); documents.reparse(doc); },
  };
  return { session: session as unknown as Session, documents, logged, recovered };
}

const hoverParams = { textDocument: { uri: "file:///a.tsk" }, position: { line: 0, character: 2 } };

async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown> | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return e as ResponseError<unknown>;
  }
}

describe("the request pipeline", () => {
  it("answers a failing handler's request with an error, logs it with the request, reads the document again, and goes on", async () => {
    const { session, documents, logged, recovered } = fakeSession();
    const doc = documents.open("file:///a.tsk", 1, "a = 1\n");
    const pipeline = new RequestPipeline(session);
    const told: string[] = [];
    pipeline.onRecovered = (d) => told.push(d.uri);
    let fail = true;
    const handler = pipeline.document("textDocument/hover", () => {
      if (fail) throw new TypeError("a bug");
      return "answer";
    }, "position");
    const revision = doc.revision;
    const error = await errorOf(handler(hoverParams, new CancellationTokenSource().token));
    assert.equal(error?.code, -32603);
    assert.match(error!.message, /^tsk: textDocument\/hover failed: a bug/);
    assert.deepEqual(logged, ["textDocument/hover file:///a.tsk at 0:2: a bug"]);
    assert.deepEqual(recovered, ["file:///a.tsk"]);
    assert.deepEqual(told, ["file:///a.tsk"]);
    assert.notEqual(doc.revision, revision);
    fail = false;
    assert.equal(await handler(hoverParams, new CancellationTokenSource().token), "answer");
  });

  it("passes a deliberate error through as it is, without reading the document again", async () => {
    const { session, documents, recovered } = fakeSession();
    documents.open("file:///a.tsk", 1, "a = 1\n");
    const pipeline = new RequestPipeline(session);
    const handler = pipeline.document("textDocument/rename", () => { throw new ResponseError(-32803, "nothing to rename here"); }, "position");
    const error = await errorOf(handler(hoverParams, new CancellationTokenSource().token));
    assert.deepEqual([error?.code, error?.message], [-32803, "nothing to rename here"]);
    assert.deepEqual(recovered, []);
  });

  it("answers ContentModified when the document changed while the handler waited", async () => {
    const { session, documents } = fakeSession();
    documents.open("file:///a.tsk", 1, "a = 1\n");
    const pipeline = new RequestPipeline(session);
    const handler = pipeline.document("textDocument/rename", async () => {
      await new Promise((r) => setImmediate(r));
      return "stale answer";
    }, "position");
    const pending = handler(hoverParams, new CancellationTokenSource().token);
    documents.change("file:///a.tsk", 2, [{ text: "a = 2\n" }]);
    assert.equal((await errorOf(pending))?.code, -32801);
  });

  it("answers a cancelled request as cancelled, before or after the handler", async () => {
    const { session, documents } = fakeSession();
    documents.open("file:///a.tsk", 1, "a = 1\n");
    const pipeline = new RequestPipeline(session);
    let ran = 0;
    const handler = pipeline.document("textDocument/hover", () => ++ran, "position");
    const before = new CancellationTokenSource();
    before.cancel();
    assert.equal((await errorOf(handler(hoverParams, before.token)))?.code, -32800);
    assert.equal(ran, 0);
    const during = new CancellationTokenSource();
    const late = pipeline.document("textDocument/hover", async () => { during.cancel(); return 1; }, "position");
    assert.equal((await errorOf(late(hoverParams, during.token)))?.code, -32800);
  });

  it("refuses params without a document or a position as invalid, and answers null for a document not open", async () => {
    const { session } = fakeSession();
    const pipeline = new RequestPipeline(session);
    const handler = pipeline.document("textDocument/hover", () => "x", "position");
    const token = new CancellationTokenSource().token;
    assert.equal((await errorOf(handler({ nonsense: true } as never, token)))?.code, -32602);
    assert.equal((await errorOf(handler({ textDocument: { uri: "file:///a.tsk" }, position: { line: "0" } } as never, token)))?.code, -32602);
    assert.equal(await handler(hoverParams, token), null);
  });

  it("logs a failing notification with what it carried, and goes on", async () => {
    const { session, logged } = fakeSession();
    const pipeline = new RequestPipeline(session);
    const notify = pipeline.notification("workspace/didChangeWatchedFiles", () => { throw new Error("disk on fire"); });
    await notify({ changes: [] });
    assert.deepEqual(logged, ["workspace/didChangeWatchedFiles: disk on fire"]);
  });
});
