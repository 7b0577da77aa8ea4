// workspace/symbol: key paths, globals and services of every indexed file.
import { SymbolKind, type SymbolInformation } from "vscode-languageserver";
import type { Session } from "../session";
import { workspaceSymbols, type SymbolKind as CoreKind } from "../../features/workspace-symbols";
import { toLspLocation } from "../convert";

const KIND: Record<CoreKind, SymbolKind> = {
  object: SymbolKind.Object,
  value: SymbolKind.Property,
  global: SymbolKind.Variable,
  service: SymbolKind.Module,
};

export function registerWorkspaceSymbols(session: Session): void {
  session.connection.onWorkspaceSymbol(({ query }) => {
    try {
      return workspaceSymbols(session.workspace, typeof query === "string" ? query : "").map((s): SymbolInformation => ({
        name: s.name, kind: KIND[s.kind], location: toLspLocation(s.location, (f) => session.uriOf(f)), containerName: s.container,
      }));
    } catch (e) {
      session.error("workspaceSymbol", e);
      return null;
    }
  });
}
