// Keeping the workspace index up to date in the background: reading the folders at start and
// when one is added, analysing every file again when the schemas change. One job at a time:
// a newer one supersedes the one running (which stops where it is; its work is kept, and the
// newer job does the rest). Progress is shown (window/workDoneProgress) when the client can
// show it; requests are answered between files and folders. Checks that need the whole
// workspace wait until the index is complete, and rename waits for it.
import type { CancellationToken } from "vscode-languageserver";
import type { Session } from "./session";
import type { DiagnosticsScheduler } from "./diagnostics-scheduler";
import { heapMode } from "./heap-mode";

interface Job { cancelled: boolean }

export class WorkspaceIndexing {
  private current: Job | null = null;
  private readonly idleWaiters: (() => void)[] = [];
  /** What was said of folders read only in part, so that it is said once. */
  private readonly toldPartial = new Set<string>();

  constructor(private readonly session: Session, private readonly diagnostics: DiagnosticsScheduler) {}

  /** Whether an update of the index is running. */
  get busy(): boolean {
    return this.current !== null;
  }

  /** Brings the index up to date in the background; an update already running is superseded. */
  start(): void {
    if (this.current) this.current.cancelled = true;
    const job: Job = { cancelled: false };
    this.current = job;
    void this.run(job);
  }

  /** The schemas changed: every file read so far is analysed again, and then the rest read. */
  reanalyzeAll(): void {
    this.session.workspace.markAllStale();
    this.start();
  }

  /**
   * Resolves true once no update runs (at once if none does), false when `timeoutMs` passed
   * first or the request was cancelled.
   */
  whenIdle(token: CancellationToken | undefined, timeoutMs: number): Promise<boolean> {
    if (!this.current) return Promise.resolve(true);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (value: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        listener?.dispose();
        resolve(value);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      const listener = token?.onCancellationRequested(() => settle(false));
      this.idleWaiters.push(() => settle(true));
    });
  }

  private async run(job: Job): Promise<void> {
    const { session } = this;
    const index = session.workspace;
    const progress = await session.connection.window.createWorkDoneProgress().catch((e: unknown) => {
      session.error("progress", e);
      return null;
    });
    progress?.begin("Indexing TSK config files", 0, undefined, false);
    const started = Date.now();
    try {
      const change = await heapMode.inBulk(() => index.update({
        cancelled: () => job.cancelled,
        limits: session.scanLimits,
        progress: (done, total) => progress?.report(total > 0 ? Math.floor((done * 100) / total) : 100, `${done} of ${total} files`),
      }));
      session.workspaceChanged(change);
      if (!job.cancelled) this.tellPartial();
    } catch (e) {
      // Checks run on what was read rather than wait for ever.
      session.error("indexing the workspace", e);
      if (!job.cancelled) index.markComplete();
    } finally {
      progress?.done();
    }
    // A newer job took over: it says what it did when it ends.
    if (job.cancelled || this.current !== job) return;
    this.current = null;
    session.log(`tsk: indexed ${index.size} config files in ${Date.now() - started} ms`);
    // Checks that waited for the whole workspace run now.
    session.invalidateValidations();
    this.diagnostics.scheduleAll();
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Folders whose files were not all read: said once, as a warning the user sees. */
  private tellPartial(): void {
    for (const why of this.session.workspace.partial) {
      if (this.toldPartial.has(why)) continue;
      this.toldPartial.add(why);
      const message = `TSK: ${why}. Checks across files may miss what those hold, and rename is refused.`;
      this.session.log(message);
      this.session.connection.window.showWarningMessage(message);
    }
  }
}
