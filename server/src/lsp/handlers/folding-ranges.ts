// textDocument/foldingRange.
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { Session } from "../session";
import { foldingRanges } from "../../features/folding";

export function registerFoldingRanges(session: Session): void {
  session.connection.onFoldingRanges(({ textDocument }): FoldingRange[] | null => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      return foldingRanges(doc.tree).map((r) => ({
        startLine: r.startLine,
        endLine: r.endLine,
        ...(r.kind ? { kind: r.kind === "comment" ? FoldingRangeKind.Comment : FoldingRangeKind.Region } : {}),
      }));
    } catch (e) {
      session.error("foldingRange", e);
      return null;
    }
  });
}
