// Diagnostics after every change, without blocking: changes that arrive together are
// validated once, after the queue of incoming messages has been read.
import type { Session } from "./session";
import { toLspDiagnostic } from "./convert";
import type { Diagnostic } from "../diagnostics/diagnostic";

/** More than this in one file helps nobody in an editor, and costs every keystroke. */
const MAX_PUBLISHED = 1000;

export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Immediate | null = null;
  /**
   * Nothing is published until the client's settings are read: diagnostics under the default
   * settings, replaced a moment later, would flash problems the user has turned off.
   */
  private held = true;

  /** The document being validated: a change it makes to the index does not schedule it again. */
  private publishing: string | null = null;

  constructor(private readonly session: Session) {
    // Another file changed what a document depends on: its diagnostics are published again.
    session.onWorkspaceChange = () => this.scheduleStale();
  }

  /** Open documents whose validation the index's latest change made stale. */
  private scheduleStale(): void {
    let any = false;
    for (const d of this.session.documents.all()) {
      if (d.uri === this.publishing || this.session.isValidated(d.uri)) continue;
      this.pending.add(d.uri);
      any = true;
    }
    if (any) this.timer ??= setImmediate(() => this.flush());
  }

  schedule(uri: string): void {
    this.pending.add(uri);
    this.wake();
  }

  scheduleAll(): void {
    for (const d of this.session.documents.all()) this.pending.add(d.uri);
    this.wake();
  }

  /** The settings are known: publish what waited for them, and from now on as changes come. */
  release(): void {
    this.held = false;
    this.wake();
  }

  private wake(): void {
    if (!this.held) this.timer ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.timer = null;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) this.publish(uri);
  }

  private publish(uri: string): void {
    const doc = this.session.documents.get(uri);
    if (!doc) return;
    let diagnostics: Diagnostic[];
    this.publishing = uri;
    try {
      diagnostics = this.session.validate(doc).diagnostics;
    } catch (e) {
      // A bug in a check must not hide the syntax errors: publish what the parser knows.
      this.session.error(`validating ${uri}`, e);
      diagnostics = doc.tree.problems();
    } finally {
      this.publishing = null;
    }
    if (diagnostics.length > MAX_PUBLISHED) {
      const hidden = diagnostics.length - MAX_PUBLISHED;
      diagnostics = diagnostics.slice(0, MAX_PUBLISHED);
      diagnostics.push({ start: 0, end: 0, severity: "info", code: "too-many-problems", message: `${hidden} more problems are not shown here; \`tsk check\` lists them all` });
    }
    this.session.background(this.session.connection.sendDiagnostics({
      uri, version: doc.version ?? undefined, diagnostics: diagnostics.map((d) => toLspDiagnostic(doc.tree, uri, d)),
    }), "publishing diagnostics");
  }

  /** A closed document's diagnostics are cleared. */
  clear(uri: string): void {
    this.pending.delete(uri);
    this.session.background(this.session.connection.sendDiagnostics({ uri, diagnostics: [] }), "clearing diagnostics");
  }
}
