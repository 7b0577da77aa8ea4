// textDocument/selectionRange: for each position, its ranges from innermost outwards, linked.
import type { SelectionRange } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { selectionRanges } from "../../features/selection-ranges";
import { toRange } from "../convert";

export function registerSelectionRanges(session: Session, requests: RequestPipeline): void {
  session.connection.onSelectionRanges(requests.document("textDocument/selectionRange", (doc, { positions }) =>
    (Array.isArray(positions) ? positions : []).map((p): SelectionRange => {
      const spans = selectionRanges(doc.tree, doc.tree.offsetAt(p));
      let parent: SelectionRange | undefined;
      for (let i = spans.length - 1; i >= 0; i--) parent = { range: toRange(doc.tree, spans[i].start, spans[i].end), parent };
      return parent ?? { range: { start: p, end: p } };
    })));
}
