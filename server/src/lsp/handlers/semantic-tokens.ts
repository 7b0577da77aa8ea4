// textDocument/semanticTokens/full and /range: the core's tokens, in LSP's relative encoding.
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensRangeParams } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import type { OpenDocument } from "../documents";
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken } from "../../features/semantic-tokens";

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function registerSemanticTokens(session: Session, requests: RequestPipeline): void {
  const { languages } = session.connection;
  // A document that is not open has no tokens (this request may not be answered with null).
  const full = requests.document("textDocument/semanticTokens/full", (doc) => encode(doc, tokensOf(session, doc)));
  const range = requests.document("textDocument/semanticTokens/range", (doc, { range: r }: SemanticTokensRangeParams) =>
    encode(doc, tokensOf(session, doc, doc.tree.offsetAt(r.start), doc.tree.offsetAt(r.end))), "range");
  languages.semanticTokens.on(async (params, token) => (await full(params, token)) ?? { data: [] });
  languages.semanticTokens.onRange(async (params, token) => (await range(params, token)) ?? { data: [] });
}

function tokensOf(session: Session, doc: OpenDocument, from?: number, to?: number): SemanticToken[] {
  const analysis = session.analyzed(doc);
  const file = session.fileOf(doc);
  const globalDefinedIn = (name: string): "here" | "elsewhere" | null => {
    const where = session.workspace.resolution.resolveGlobal(file, name);
    return where === null ? null : where === file ? "here" : "elsewhere";
  };
  return semanticTokens({
    tree: doc.tree, index: analysis.paths, names: analysis.names, references: analysis.references,
    navigator: session.schemas.navigator, roots: analysis.roots, globalDefinedIn,
  }, from, to);
}

function encode(doc: OpenDocument, tokens: SemanticToken[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const p = doc.tree.positionAt(t.start);
    const end = doc.tree.positionAt(t.end);
    // A token ends on its own line; one that spans lines (it cannot, but) is left out.
    if (end.line !== p.line) continue;
    data.push(p.line - line, p.line === line ? p.character - character : p.character, end.character - p.character,
      TOKEN_TYPES.indexOf(t.type), t.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0));
    line = p.line;
    character = p.character;
  }
  return { data };
}
