// textDocument/formatting and rangeFormatting: the editor's tab size and spaces-or-tabs, the core's edits. A file
// with syntax errors is not formatted; why is logged, not shown: format-on-save would show it
// at every save while the user is still typing.
import type { FormattingOptions, Range, TextEdit } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { OpenDocument } from "../documents";
import { formatDocument, formatRange, type FormatOptions } from "../../features/format";
import { toRange } from "../convert";
import { withConfigIndent } from "../../config/settings-with-config";

function formatOptions(options: FormattingOptions | undefined): FormatOptions {
  const tabSize = Number.isInteger(options?.tabSize) && options!.tabSize > 0 ? options!.tabSize : 4;
  return { tabSize, insertSpaces: options?.insertSpaces !== false };
}

export function registerFormatting(session: Session, requests: RequestPipeline): void {
  session.connection.onDocumentFormatting(requests.document("textDocument/formatting", (doc, { options }) => format(session, doc, options, null)));
  session.connection.onDocumentRangeFormatting(requests.document("textDocument/rangeFormatting", (doc, { options, range }) => format(session, doc, options, range), "range"));
}

/** The editor's options, with the project's tsk.config.tsk indentation over them, as tsk format applies it. */
export function formatOptionsFor(session: Session, doc: OpenDocument, options: FormattingOptions | undefined): FormatOptions {
  const config = doc.place.file === null ? null : session.configs.forFile(doc.place.file, doc.place.folder);
  return withConfigIndent(config, formatOptions(options));
}

function format(session: Session, doc: OpenDocument, options: FormattingOptions | undefined, range: Range | null): TextEdit[] | null {
  const tree = doc.tree;
  const chosen = formatOptionsFor(session, doc, options);
  const result = range
    ? formatRange(tree, tree.offsetAt(range.start), tree.offsetAt(range.end), chosen)
    : formatDocument(tree, chosen);
  if ("refused" in result) {
    session.log(`${doc.uri}: ${result.refused}`);
    return null;
  }
  return result.edits.map((e) => ({ range: toRange(tree, e.start, e.end), newText: e.newText }));
}
