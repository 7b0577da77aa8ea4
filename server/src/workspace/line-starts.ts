// Offsets to line/character positions for a file that is not open: only where each line
// starts is kept (4 bytes a line), not the text.
import type { Position } from "../syntax/line-index";

export interface PositionMap {
  positionAt(offset: number): Position;
}

export class LineStarts implements PositionMap {
  private readonly starts: Uint32Array;

  constructor(text: string, private readonly length = text.length) {
    const found: number[] = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        found.push(i + 1);
      } else if (c === 10) {
        found.push(i + 1);
      }
    }
    this.starts = Uint32Array.from(found);
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
