// textDocument/completion.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem as LspItem } from "vscode-languageserver";
import type { Session } from "../session";
import { complete, type CompletionKind } from "../../features/completion";
import { toRange } from "../convert";

const KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  operator: CompletionItemKind.Function,
  global: CompletionItemKind.Variable,
  reference: CompletionItemKind.Reference,
};

export function registerCompletion(session: Session): void {
  session.connection.onCompletion(({ textDocument, position }) => {
    const doc = session.documents.get(textDocument.uri);
    if (!doc) return null;
    try {
      const offset = doc.tree.offsetAt(position);
      const { index, roots } = session.context(doc);
      const file = session.fileOf(doc);
      const globalsElsewhere = () => session.workspace.resolution.globalScope(file).slice(1).flatMap((f) =>
        (session.workspace.lookup(f)?.globals ?? []).map((g) => ({ name: g.name, value: g.value, file: session.workspace.displayName(f) })));
      const items = complete({
        tree: doc.tree, index, roots, navigator: session.schemas.navigator, services: session.workspace.serviceCatalog(), globalsElsewhere,
      }, offset);
      return items.map((i): LspItem => ({
        label: i.label,
        kind: KIND[i.kind],
        detail: i.detail,
        documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
        textEdit: { range: toRange(doc.tree, i.replace.start, i.replace.end), newText: i.insertText },
        insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        sortText: i.sortText,
      }));
    } catch (e) {
      session.error("completion", e);
      return null;
    }
  });
}
