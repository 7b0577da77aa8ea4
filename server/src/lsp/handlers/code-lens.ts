// textDocument/codeLens and codeLens/resolve: "N references" above services and globals, which
// opens the references view (through the client's `tsk.showReferences` command: VS Code's own
// needs its arguments as editor objects, which JSON cannot carry).
import type { CodeLens } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { codeLenses, resolveLens } from "../../features/code-lens";
import { toLspLocation, toRange } from "../convert";

interface LensData { uri: string; start: number; revision: number }

export const SHOW_REFERENCES = "tsk.showReferences";

export function registerCodeLenses(session: Session, requests: RequestPipeline): void {
  session.connection.onCodeLens(requests.document("textDocument/codeLens", (doc): CodeLens[] =>
    codeLenses(session.analyzed(doc).paths).map((l) => ({
      range: toRange(doc.tree, l.start, l.end),
      data: { uri: doc.uri, start: l.start, revision: doc.revision } satisfies LensData,
    }))));
  session.connection.onCodeLensResolve(requests.workspace("codeLens/resolve", (lens: CodeLens): CodeLens => {
    const data = lens.data as Partial<LensData> | undefined;
    const doc = typeof data?.uri === "string" ? session.documents.get(data.uri) : undefined;
    // The document changed since the lens was made: it will be asked for again.
    if (!doc || doc.revision !== data?.revision || typeof data.start !== "number") return { ...lens, command: { title: "…", command: "" } };
    session.analyzed(doc);
    const { title, locations } = resolveLens(session.workspace, session.fileOf(doc), { start: data.start });
    return {
      ...lens,
      command: {
        title, command: SHOW_REFERENCES,
        arguments: [doc.uri, doc.tree.positionAt(data.start), locations.map((l) => toLspLocation(l, (f) => session.uriOf(f)))],
      },
    };
  }));
}
