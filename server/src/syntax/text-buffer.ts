// A document's text as a short list of pieces, so that an edit does not copy the whole text.
// The incremental parser reads only windows around an edit; whoever wants the whole string
// gets it built once and kept until the next edit.

interface Piece { source: string; start: number; end: number }

/** More pieces than this and the next edit joins them into one string again. */
const MAX_PIECES = 64;

export class TextBuffer {
  private pieces: Piece[];
  private whole: string | null;
  readonly length: number;

  constructor(text: string) {
    this.pieces = [{ source: text, start: 0, end: text.length }];
    this.whole = text;
    this.length = text.length;
  }

  private static fromPieces(pieces: Piece[], length: number): TextBuffer {
    const b = Object.create(TextBuffer.prototype) as TextBuffer;
    b.pieces = pieces;
    b.whole = null;
    (b as { length: number }).length = length;
    return b;
  }

  toString(): string {
    if (this.whole === null) {
      this.whole = this.pieces.map((p) => p.source.slice(p.start, p.end)).join("");
      this.pieces = [{ source: this.whole, start: 0, end: this.whole.length }];
    }
    return this.whole;
  }

  slice(from: number, to: number): string {
    from = Math.max(0, from);
    to = Math.min(this.length, to);
    if (to <= from) return "";
    if (this.whole !== null) return this.whole.slice(from, to);
    let out = "";
    let at = 0;
    for (const p of this.pieces) {
      const len = p.end - p.start;
      if (at + len > from && at < to) {
        out += p.source.slice(p.start + Math.max(0, from - at), p.start + Math.min(len, to - at));
      }
      at += len;
      if (at >= to) break;
    }
    return out;
  }

  charCodeAt(offset: number): number {
    if (this.whole !== null) return this.whole.charCodeAt(offset);
    let at = 0;
    for (const p of this.pieces) {
      const len = p.end - p.start;
      if (offset < at + len) return offset < at ? NaN : p.source.charCodeAt(p.start + offset - at);
      at += len;
    }
    return NaN;
  }

  charAt(offset: number): string {
    return this.slice(offset, offset + 1);
  }

  /** A new buffer with [start, end) replaced by `insert`; this one is unchanged. */
  edit(start: number, end: number, insert: string): TextBuffer {
    const out: Piece[] = [];
    let at = 0;
    let placed = false;
    const place = () => {
      if (!placed && insert.length > 0) out.push({ source: insert, start: 0, end: insert.length });
      placed = true;
    };
    for (const p of this.pieces) {
      const len = p.end - p.start;
      const pStart = at;
      const pEnd = at + len;
      at = pEnd;
      if (pEnd <= start) { out.push(p); continue; }
      if (pStart >= end) { place(); out.push(p); continue; }
      if (pStart < start) out.push({ source: p.source, start: p.start, end: p.start + (start - pStart) });
      place();
      if (pEnd > end) out.push({ source: p.source, start: p.start + (end - pStart), end: p.end });
    }
    place();
    const buffer = TextBuffer.fromPieces(out, this.length - (end - start) + insert.length);
    if (out.length > MAX_PIECES) buffer.toString();
    return buffer;
  }
}
