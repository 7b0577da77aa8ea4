// Tests mark a position in a text with `|`, as the vscode-json-languageservice tests do.

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf("|");
  if (offset < 0 || marked.indexOf("|", offset + 1) >= 0) throw new Error("mark exactly one cursor with |");
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The same, with the cursor as an LSP position (line, UTF-16 character): for tests over LSP. */
export function withCursorPosition(marked: string): { text: string; position: { line: number; character: number } } {
  const { text, offset } = withCursor(marked);
  const before = text.slice(0, offset).split("\n");
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}
