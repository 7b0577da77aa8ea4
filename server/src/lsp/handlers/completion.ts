// textDocument/completion. Snippets go only to clients that said they take them; the others get
// the same items as plain text.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem as LspItem } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { complete, type CompletionKind } from "../../features/completion";
import { snippetAsText } from "../../features/snippet-text";
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

export function registerCompletion(session: Session, requests: RequestPipeline): void {
  session.connection.onCompletion(requests.document("textDocument/completion", (doc, { position }) => {
    const offset = doc.tree.offsetAt(position);
    const { index, roots } = session.context(doc);
    const file = session.fileOf(doc);
    const globalsElsewhere = () => session.workspace.resolution.globalScope(file).slice(1).flatMap((f) =>
      (session.workspace.lookup(f)?.globals ?? []).map((g) => ({
        // A file outside the workspace: its globals' names may be completed, their values not shown.
        name: g.name, value: session.workspace.mayShow(f) ? g.value : "(outside the workspace)", file: session.workspace.displayName(f),
      })));
    const items = complete({
      tree: doc.tree, index, roots, navigator: session.schemas.navigator, services: session.workspace.serviceCatalog(), globalsElsewhere,
    }, offset);
    const snippets = session.client.snippets;
    const line = doc.tree.buffer.slice(doc.tree.offsetAt({ line: position.line, character: 0 }), offset);
    const indent = /^[ \t]*/.exec(line)![0];
    return items.map((i): LspItem => {
      const asSnippet = i.snippet && snippets;
      return {
        label: i.label,
        kind: KIND[i.kind],
        detail: i.detail,
        documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
        textEdit: { range: toRange(doc.tree, i.replace.start, i.replace.end), newText: asSnippet || !i.snippet ? i.insertText : snippetAsText(i.insertText, indent) },
        insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        sortText: i.sortText,
      };
    });
  }, "position"));
}
