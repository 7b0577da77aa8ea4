// Offsets to line/character positions and back. Characters are UTF-16 code units, as LSP
// counts them by default (and as JavaScript strings index them). CRLF counts as one break.

export interface Position { line: number; character: number }

/** Where each line of `text` starts; CRLF counts as one break. */
export function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line that holds `offset`, given where lines start. */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class LineIndex {
  /** Offset where each line starts. */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = findLineStarts(text);
  }

  get lineCount(): number { return this.starts.length; }

  /** Where line `line` starts; the text's end for a line past the last. */
  lineStart(line: number): number {
    return line < this.starts.length ? this.starts[Math.max(0, line)] : this.text.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const line = lineAt(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }

  /** Clamps like LSP: a line past the end is the end; a character past the line is its end. */
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.starts[p.line];
    const next = p.line + 1 < this.starts.length ? this.starts[p.line + 1] : this.text.length;
    let end = next;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(start, Math.min(start + Math.max(0, p.character), end));
  }
}
