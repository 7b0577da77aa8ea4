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

/** The text a LineIndex reads: a string, or a TextBuffer. */
export interface CharSource {
  readonly length: number;
  charCodeAt(offset: number): number;
}

export class LineIndex {
  private constructor(
    /** Offset where each line starts. Typed: an edit makes a new one, outside the JS heap. */
    private readonly starts: Uint32Array,
    private readonly text: CharSource,
  ) {}

  static of(text: string): LineIndex {
    return new LineIndex(Uint32Array.from(findLineStarts(text)), text);
  }

  /**
   * The index of the text after replacing [start, end) of this one's by `inserted` characters:
   * lines before the edit are kept, the edited ones found again in `text` (the new text), and
   * the ones after it moved. Costs the number of lines, not the length of the text.
   */
  edited(start: number, end: number, inserted: number, text: CharSource): LineIndex {
    const delta = inserted - (end - start);
    // From the line before the edit's (a '\r' just before it may pair with a '\n' typed after it)
    // to an old line start at least two characters after it (its break is then untouched).
    const first = Math.max(0, lineAt(this.starts, start) - 1);
    let reuse = lineAt(this.starts, end + 1) + 1;
    while (reuse < this.starts.length && this.starts[reuse] < end + 2) reuse++;
    const from = this.starts[first];
    const to = reuse < this.starts.length ? this.starts[reuse] + delta : text.length;
    const scanned: number[] = [];
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
        if (i + 1 < to) scanned.push(i + 1);
      } else if (c === 10 && i + 1 < to) {
        scanned.push(i + 1);
      }
    }
    // A break that ends the scanned text starts the first reused line, or a last line.
    if (reuse >= this.starts.length && to > from) {
      const last = text.charCodeAt(to - 1);
      if (last === 10 || last === 13) scanned.push(to);
    }
    const kept = first + 1;
    const moved = Math.max(0, this.starts.length - reuse);
    const starts = new Uint32Array(kept + scanned.length + moved);
    starts.set(this.starts.subarray(0, kept));
    for (let i = 0; i < scanned.length; i++) starts[kept + i] = scanned[i];
    for (let i = 0, at = kept + scanned.length; i < moved; i++) starts[at + i] = this.starts[reuse + i] + delta;
    return new LineIndex(starts, text);
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
