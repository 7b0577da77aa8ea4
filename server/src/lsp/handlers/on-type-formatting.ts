// textDocument/onTypeFormatting: typing the `}` or `<` that closes a block indents its line
// as Format Document would (nothing when the file does not format: a syntax error elsewhere).
import type { TextEdit } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { formatRange } from "../../features/format";
import { toRange } from "../convert";
import { formatOptionsFor } from "./formatting";

export const ON_TYPE_TRIGGERS = { firstTriggerCharacter: "}", moreTriggerCharacter: ["<"] };

export function registerOnTypeFormatting(session: Session, requests: RequestPipeline): void {
  session.connection.onDocumentOnTypeFormatting(requests.document("textDocument/onTypeFormatting", (doc, { position, options }): TextEdit[] => {
    const tree = doc.tree;
    const at = tree.offsetAt(position);
    const result = formatRange(tree, at, at, formatOptionsFor(session, doc, options));
    if ("refused" in result) return [];
    return result.edits.map((e) => ({ range: toRange(tree, e.start, e.end), newText: e.newText }));
  }, "position"));
}
