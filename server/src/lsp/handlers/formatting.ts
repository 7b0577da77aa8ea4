// textDocument/formatting and rangeFormatting: the editor's tab size and spaces-or-tabs, the core's edits. A file
// with syntax errors is not formatted; why is logged, not shown: format-on-save would show it
// at every save while the user is still typing.
import type { FormattingOptions, Range, TextEdit } from "vscode-languageserver";
import type { Session } from "../session";
import { formatDocument, formatRange, type FormatOptions } from "../../features/format";
import { toRange } from "../convert";

function formatOptions(options: FormattingOptions | undefined): FormatOptions {
  const tabSize = Number.isInteger(options?.tabSize) && options!.tabSize > 0 ? options!.tabSize : 4;
  return { tabSize, insertSpaces: options?.insertSpaces !== false };
}

export function registerFormatting(session: Session): void {
  session.connection.onDocumentFormatting(({ textDocument, options }) => format(session, textDocument.uri, options, null));
  session.connection.onDocumentRangeFormatting(({ textDocument, options, range }) => format(session, textDocument.uri, options, range));
}

function format(session: Session, uri: string, options: FormattingOptions | undefined, range: Range | null): TextEdit[] | null {
  const doc = session.documents.get(uri);
  if (!doc) return null;
  try {
    const tree = doc.tree;
    const result = range
      ? formatRange(tree, tree.offsetAt(range.start), tree.offsetAt(range.end), formatOptions(options))
      : formatDocument(tree, formatOptions(options));
    if ("refused" in result) {
      session.log(`${uri}: ${result.refused}`);
      return null;
    }
    return result.edits.map((e) => ({ range: toRange(tree, e.start, e.end), newText: e.newText }));
  } catch (e) {
    session.error("formatting", e);
    return null;
  }
}
