// textDocument/hover.
import { MarkupKind } from "vscode-languageserver";
import type { Session } from "../session";
import { hover } from "../../features/hover";
import { toRange } from "../convert";

export function registerHover(session: Session): void {
  session.connection.onHover(({ textDocument, position }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      const offset = doc.tree.offsetAt(position);
      const { index, roots } = session.context(doc);
      const h = hover({ tree: doc.tree, index, roots, navigator: session.schemas.navigator }, offset);
      if (!h) return null;
      return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc.tree, h.start, h.end) };
    } catch (e) {
      session.error("hover", e);
      return null;
    }
  });
}
