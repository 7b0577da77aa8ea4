// textDocument/hover.
import { MarkupKind } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { hover } from "../../features/hover";
import { toRange } from "../convert";

export function registerHover(session: Session, requests: RequestPipeline): void {
  session.connection.onHover(requests.document("textDocument/hover", (doc, { position }) => {
    const offset = doc.tree.offsetAt(position);
    const { index, roots } = session.context(doc);
    const file = session.fileOf(doc);
    const globalElsewhere = (name: string) => {
      const where = session.workspace.resolution.resolveGlobal(file, name);
      const def = where ? session.workspace.lookup(where)?.globals.filter((g) => g.name === name).pop() : undefined;
      if (!where || !def) return null;
      const line = session.workspace.lookup(where)!.positions.positionAt(def.start).line + 1;
      return { file: session.workspace.displayName(where), line, value: session.workspace.mayShow(where) ? def.value : null };
    };
    const h = hover({ tree: doc.tree, index, roots, navigator: session.schemas.navigator, globalElsewhere }, offset);
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc.tree, h.start, h.end) };
  }, "position"));
}
