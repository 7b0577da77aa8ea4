// textDocument/foldingRange.
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { foldingRanges } from "../../features/folding";

export function registerFoldingRanges(session: Session, requests: RequestPipeline): void {
  session.connection.onFoldingRanges(requests.document("textDocument/foldingRange", (doc): FoldingRange[] =>
    foldingRanges(doc.tree).map((r) => ({
      startLine: r.startLine,
      endLine: r.endLine,
      ...(r.kind ? { kind: r.kind === "comment" ? FoldingRangeKind.Comment : FoldingRangeKind.Region } : {}),
    }))));
}
