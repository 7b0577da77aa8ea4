// workspace/symbol: key paths, globals and services of every indexed file.
import { SymbolKind, type SymbolInformation } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { workspaceSymbols, type SymbolKind as CoreKind } from "../../features/workspace-symbols";
import { toLspLocation } from "../convert";

const KIND: Record<CoreKind, SymbolKind> = {
  object: SymbolKind.Object,
  value: SymbolKind.Property,
  global: SymbolKind.Variable,
  service: SymbolKind.Module,
};

export function registerWorkspaceSymbols(session: Session, requests: RequestPipeline): void {
  session.connection.onWorkspaceSymbol(requests.workspace("workspace/symbol", ({ query }: { query?: unknown }) =>
    workspaceSymbols(session.workspace, typeof query === "string" ? query : "").map((s): SymbolInformation => ({
      name: s.name, kind: KIND[s.kind], location: toLspLocation(s.location, (f) => session.uriOf(f)), containerName: s.container,
    }))));
}
