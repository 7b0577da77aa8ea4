// Tests mark a position in a text with `|`, as the vscode-json-languageservice tests do.

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf("|");
  if (offset < 0 || marked.indexOf("|", offset + 1) >= 0) throw new Error("mark exactly one cursor with |");
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
