// textDocument/signatureHelp: an operator's signature, with the parameter under the cursor.
import { MarkupKind, type SignatureHelp } from "vscode-languageserver";
import type { Session } from "../session";
import type { RequestPipeline } from "../request-pipeline";
import { signatureHelp } from "../../features/signature-help";

export const SIGNATURE_TRIGGERS = ["(", ","];

export function registerSignatureHelp(session: Session, requests: RequestPipeline): void {
  session.connection.onSignatureHelp(requests.document("textDocument/signatureHelp", (doc, { position }): SignatureHelp | null => {
    const help = signatureHelp(doc.tree, doc.tree.offsetAt(position));
    if (!help) return null;
    return {
      signatures: [{
        label: help.label,
        documentation: { kind: MarkupKind.Markdown, value: help.documentation },
        parameters: help.parameters.map((p) => ({ label: [p.start, p.end], documentation: { kind: MarkupKind.Markdown, value: p.documentation } })),
      }],
      activeSignature: 0,
      activeParameter: help.activeParameter,
    };
  }, "position"));
}
