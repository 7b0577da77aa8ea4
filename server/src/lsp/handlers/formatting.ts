// textDocument/formatting: the editor's tab size and spaces-or-tabs, the core's edits. A file
// with syntax errors is not formatted; why is logged, not shown: format-on-save would show it
// at every save while the user is still typing.
import type { TextEdit } from "vscode-languageserver";
import type { Session } from "../session";
import { formatDocument } from "../../features/format";
import { toRange } from "../convert";

export function registerFormatting(session: Session): void {
  session.connection.onDocumentFormatting(({ textDocument, options }): TextEdit[] | null => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      const tabSize = Number.isInteger(options?.tabSize) && options.tabSize > 0 ? options.tabSize : 4;
      const result = formatDocument(doc.tree, { tabSize, insertSpaces: options?.insertSpaces !== false });
      if ("refused" in result) {
        session.log(`${textDocument.uri}: ${result.refused}`);
        return null;
      }
      return result.edits.map((e) => ({ range: toRange(doc.tree, e.start, e.end), newText: e.newText }));
    } catch (e) {
      session.error("formatting", e);
      return null;
    }
  });
}
