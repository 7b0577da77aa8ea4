// The documents the client has open: their trees, versions and places on disk. Changes are
// applied to the tree incrementally, as the client sends them.
import * as path from "node:path";
import { URI } from "vscode-uri";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import { parse, type SyntaxTree } from "../syntax/syntax-tree";
import { applyContentChange } from "../syntax/incremental";
import type { DocumentPlace } from "../schemas/schema-association";

export interface OpenDocument {
  uri: string;
  version: number;
  tree: SyntaxTree;
  place: DocumentPlace;
}

export class OpenDocuments {
  private readonly docs = new Map<string, OpenDocument>();
  /** Path on disk → the URI the client opened it under, to answer in the client's own spelling. */
  private readonly uris = new Map<string, string>();
  private folders: string[] = [];

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map((u) => URI.parse(u)).filter((u) => u.scheme === "file").map((u) => u.fsPath);
  }

  get workspaceFolders(): readonly string[] { return this.folders; }

  open(uri: string, version: number, text: string): OpenDocument {
    const doc = { uri, version, tree: parse(text), place: this.placeOf(uri) };
    this.docs.set(uri, doc);
    if (doc.place.file) this.uris.set(doc.place.file, uri);
    return doc;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    for (const c of changes) doc.tree = applyContentChange(doc.tree, c);
    doc.version = version;
    return doc;
  }

  close(uri: string): void {
    const doc = this.docs.get(uri);
    if (doc?.place.file && this.uris.get(doc.place.file) === uri) this.uris.delete(doc.place.file);
    this.docs.delete(uri);
  }

  get(uri: string): OpenDocument | undefined { return this.docs.get(uri); }
  all(): OpenDocument[] { return [...this.docs.values()]; }
  uriOfFile(file: string): string | undefined { return this.uris.get(file); }

  private placeOf(uri: string): DocumentPlace {
    const u = URI.parse(uri);
    if (u.scheme !== "file") return { file: null, folder: this.folders[0] ?? null };
    return this.placeOfFile(u.fsPath);
  }

  placeOfFile(file: string): DocumentPlace {
    const folder = this.folders
      .filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
    return { file, folder };
  }
}
