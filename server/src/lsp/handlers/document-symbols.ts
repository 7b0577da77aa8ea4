// textDocument/documentSymbol: the outline, as a tree.
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { documentSymbols, type OutlineKind, type OutlineSymbol } from "../../features/document-symbols";
import type { SyntaxTree } from "../../syntax/syntax-tree";
import { toRange } from "../convert";

const KIND: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  block: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  global: SymbolKind.Variable,
  value: SymbolKind.Property,
};

function toLsp(tree: SyntaxTree, s: OutlineSymbol): DocumentSymbol {
  return {
    // An empty name is refused by VS Code: a key the parser could not read still needs one.
    name: s.name || "(unnamed)",
    detail: s.detail,
    kind: KIND[s.kind],
    range: toRange(tree, s.start, s.end),
    selectionRange: toRange(tree, s.selectionStart, s.selectionEnd),
    children: s.children.map((c) => toLsp(tree, c)),
  };
}

export function registerDocumentSymbols(session: Session, requests: RequestPipeline): void {
  session.connection.onDocumentSymbol(requests.document("textDocument/documentSymbol", (doc) =>
    documentSymbols(doc.tree).map((s) => toLsp(doc.tree, s))));
}
