// The documents the client has open: their trees, revisions and places on disk. Changes are
// applied to the tree incrementally, as the client sends them, and atomically: a change that
// fails half-way leaves a fresh parse of the text it produced, never a tree and a text that
// disagree.
import * as path from "node:path";
import { URI } from "vscode-uri";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import { parse, unparsed, type SyntaxTree } from "../syntax/syntax-tree";
import { applyContentChange } from "../syntax/incremental";
import type { DocumentPlace } from "../schemas/schema-association";

export interface OpenDocument {
  uri: string;
  /**
   * The server's own count of this document's states: every open and every change makes a new
   * one. What the server computes from a document is keyed by it, never by the client's
   * version, which a client may repeat or leave out (null).
   */
  revision: number;
  /** The client's version, only to tag what is published; null when it sent none. */
  version: number | null;
  tree: SyntaxTree;
  place: DocumentPlace;
  /** Too large to parse (MAX_PARSED_LENGTH): the tree holds the text and no statement. */
  unparsed: boolean;
}

/**
 * Text longer than this (16 MB) is not parsed in the editor: a 50 MB file took a minute and
 * 3.6 GB to open. It is kept as text, and parsed once an edit brings it under the limit.
 */
export const MAX_PARSED_LENGTH = 16 * 1024 * 1024;

function treeOf(text: string): { tree: SyntaxTree; unparsed: boolean } {
  return text.length > MAX_PARSED_LENGTH ? { tree: unparsed(text), unparsed: true } : { tree: parse(text), unparsed: false };
}

let revisions = 0;

export class OpenDocuments {
  private readonly docs = new Map<string, OpenDocument>();
  /** Path on disk → the URI the client opened it under, to answer in the client's own spelling. */
  private readonly uris = new Map<string, string>();
  private folders: string[] = [];
  /** Told when an edit could not be applied incrementally and the text was parsed afresh. */
  onRecovered: (uri: string, e: unknown) => void = () => {};

  /** `applyChange` is the incremental parser's; a test may hand in one that fails. */
  constructor(private readonly applyChange: (tree: SyntaxTree, change: TextDocumentContentChangeEvent) => SyntaxTree = applyContentChange) {}

  /** The workspace folders changed: every open document's place is found again. */
  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map((u) => URI.parse(u)).filter((u) => u.scheme === "file").map((u) => u.fsPath);
    for (const doc of this.docs.values()) {
      const place = this.placeOf(doc.uri);
      if (place.file !== doc.place.file || place.folder !== doc.place.folder) {
        doc.place = place;
        doc.revision = ++revisions;
      }
    }
  }

  get workspaceFolders(): readonly string[] { return this.folders; }

  open(uri: string, version: number | null, text: string): OpenDocument {
    const doc: OpenDocument = { uri, revision: ++revisions, version, ...treeOf(text), place: this.placeOf(uri) };
    this.docs.set(uri, doc);
    if (doc.place.file) this.uris.set(doc.place.file, uri);
    return doc;
  }

  change(uri: string, version: number | null, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    doc.revision = ++revisions;
    doc.version = version;
    if (doc.unparsed) {
      Object.assign(doc, treeOf(applyAsText(doc.tree.text, changes)));
      return doc;
    }
    for (let i = 0; i < changes.length; i++) {
      // Buffers are never changed, only replaced: this one is the text before the change.
      const before = doc.tree.buffer;
      try {
        doc.tree = this.applyChange(doc.tree, changes[i]);
      } catch (e) {
        // The tree may be half-changed: the text it should now hold is the old text with this
        // change and the rest applied, as the client holds it. Parse that afresh.
        Object.assign(doc, treeOf(applyAsText(before.toString(), changes.slice(i))));
        this.onRecovered(uri, e);
        break;
      }
    }
    // Grown past what the editor parses (a paste): kept as text from now on.
    if (!doc.unparsed && doc.tree.buffer.length > MAX_PARSED_LENGTH) Object.assign(doc, treeOf(doc.tree.text));
    return doc;
  }

  /** What the server holds of a document can no longer be trusted: parse its text afresh. */
  reparse(doc: OpenDocument): void {
    Object.assign(doc, treeOf(doc.tree.text));
    doc.revision = ++revisions;
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

/** The changes applied to plain text, as the reference text document applies them. */
function applyAsText(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  const doc = TextDocument.create("tsk:recovery", "tsk", 0, text);
  TextDocument.update(doc, [...changes], 1);
  return doc.getText();
}
