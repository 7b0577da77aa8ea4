// The tokens of one window, lexed as the statement layer asks for them. The lexer reads a
// string to the end of its line at most; inside ( or [ the statement layer, which alone knows
// which brackets its statement has open, asks for the string to be read again over lines
// (readOverLines). Lexing lazily, a piece at a time, is what lets that cost little: what
// follows such a string is lexed once, from the string's end, not once as text and again
// after the string.
import type { IToken } from "chevrotain";
import { blankBefore, lex, Newline, startsLine, stringOverLines } from "./tokens";

/** A piece lexed at once: starts this long, doubles each time, up to MAX_PIECE. */
const MIN_PIECE = 64;
const MAX_PIECE = 16 * 1024;

export class TokenStream {
  private readonly tokens: IToken[] = [];
  /** Where lexing goes on: every token so far ends at or before it. */
  private lexedTo = 0;
  private piece = MIN_PIECE;
  /** The furthest token asked for since the statement layer last set it: how far it looked. */
  furthest = -1;

  constructor(
    readonly text: string,
    /** Whether offset 0 of `text` starts a line of the document. */
    private readonly atLineStart: boolean,
  ) {}

  /** Token `i`; undefined past the end or before the start, as an array's would be. */
  get(i: number): IToken {
    if (i > this.furthest) this.furthest = i;
    return i < this.tokens.length ? this.tokens[i] : this.lexUpTo(i);
  }

  private lexUpTo(i: number): IToken {
    while (this.tokens.length <= i && this.lexedTo < this.text.length) this.lexPiece();
    return this.tokens[i];
  }

  /**
   * Lexes the next piece, which ends after a line break (or at the text's end): every token
   * that ends before the piece does saw all the characters it depends on, since only tokens
   * that may span lines look past a line's end, and one of those that does not close in the
   * piece runs to its end. A token that reaches the piece's end is lexed again with the next.
   */
  private lexPiece(): void {
    const text = this.text;
    const from = this.lexedTo;
    for (let size = this.piece; ; size *= 4) {
      const to = afterLineBreak(text, from + size);
      const fresh = lex(text.slice(from, to), startsLine(text, from, this.atLineStart), blankBefore(text, from, this.atLineStart));
      let keep = fresh.length;
      const last = fresh[keep - 1];
      if (to < text.length && last && last.tokenType !== Newline && last.startOffset + last.image.length === to - from) keep--;
      if (keep === 0 && fresh.length > 0) continue;
      for (let k = 0; k < keep; k++) {
        const t = fresh[k];
        t.startOffset += from;
        t.endOffset = t.startOffset + t.image.length - 1;
        this.tokens.push(t);
      }
      this.lexedTo = keep < fresh.length ? fresh[keep].startOffset + from : to;
      this.piece = Math.min(MAX_PIECE, size * 2);
      return;
    }
  }

  /**
   * Reads the string that is token `i` again as one that may span lines (tokens.ts,
   * stringOverLines) and returns it. The tokens lexed after it are dropped and lexed again
   * from its end, starting with a small piece: the next such string may be near.
   */
  readOverLines(i: number): IToken {
    const old = this.tokens[i];
    const string = stringOverLines(this.text, old.startOffset);
    const end = string.startOffset + string.image.length;
    if (end === old.startOffset + old.image.length) return old;
    this.tokens.length = i;
    this.tokens.push(string);
    this.lexedTo = end;
    this.piece = MIN_PIECE;
    return string;
  }
}

/** The offset just after the first line break at or after `from`, or the text's end. */
function afterLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}
