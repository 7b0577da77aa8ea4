// Offsets to line/character positions for a file that is not open: only where each line
// starts is kept (4 bytes a line), not the text.
import { findLineStarts, lineAt, type Position } from "../syntax/line-index";

export interface PositionMap {
  positionAt(offset: number): Position;
}

export class LineStarts implements PositionMap {
  private readonly starts: Uint32Array;

  constructor(text: string, private readonly length = text.length) {
    this.starts = Uint32Array.from(findLineStarts(text));
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.length));
    const line = lineAt(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }
}
