// textDocument/inlayHint: the core's hints for the visible range, each kind as the settings say.
import { InlayHintKind, type InlayHint, type InlayHintParams } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { inlayHints } from "../../features/inlay-hints";
import { LiteralValues } from "../../workspace/literal-values";
import { parsePath } from "../../paths/path";

/** A value as written counts as a literal to show when it is a string, a number, true, false or null. */
const LITERAL = /^(?:"[^"\n]*"|'[^'\n]*'|-?\d[\d._]*(?:[eE][-+]?\d+)?|true|false|null)$/;

export function registerInlayHints(session: Session, requests: RequestPipeline): void {
  const values = new LiteralValues(session.workspace.files);
  session.connection.languages.inlayHint.on(async (params, token) => (await requests.document("textDocument/inlayHint", (doc, { range }: InlayHintParams): InlayHint[] => {
    const analysis = session.analyzed(doc);
    const file = session.fileOf(doc);
    const index = session.workspace;
    const globalValue = (name: string): string | null => {
      const where = index.resolution.resolveGlobal(file, name);
      if (where === null || !index.mayShow(where)) return null;
      const def = index.lookup(where)?.globals.filter((g) => g.name === name).pop();
      return def && LITERAL.test(def.value) ? def.value : null;
    };
    const readValue = (fileName: string, key: string): string | null => {
      const target = index.resolution.readTarget(file, fileName);
      const path = parsePath(key);
      const owner = target ? index.resolution.keyOwner(target, path) : null;
      if (!owner || !index.mayShow(owner)) return null;
      const open = session.documents.get(session.uriOf(owner));
      return values.valueOf(owner, path, open ? { tree: open.tree, index: session.analyzed(open).paths } : undefined);
    };
    const hints = inlayHints({
      tree: doc.tree, index: analysis.paths, names: analysis.names, navigator: session.schemas.navigator, roots: analysis.roots,
      globalValue, readValue, kinds: session.inlayHintKinds,
    }, doc.tree.offsetAt(range.start), doc.tree.offsetAt(range.end));
    return hints.map((h) => ({
      position: doc.tree.positionAt(h.offset),
      label: h.label,
      kind: h.kind === "defaults" ? InlayHintKind.Parameter : InlayHintKind.Type,
      tooltip: h.tooltip,
      paddingLeft: true,
    }));
  }, "range")(params, token)) ?? []);
}
