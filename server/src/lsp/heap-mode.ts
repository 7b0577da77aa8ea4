// How V8 keeps the heap, by what the server is doing. Reading a workspace's thousands of files
// at once wants V8's defaults: a heap that grows in large steps, few full collections (set as
// below from the start, indexing 1,000 files took twice as long). Editing wants the heap small:
// `--optimize-for-size` makes the old generation grow in 2 MB steps between full collections,
// not 8 MB; `--heap-growing-percent=30` by 30 % of what is live, not up to 300 %; and a
// growth factor of 1 keeps the young generation at the size it has, not growing it to 16 MB
// semi-spaces after a burst such as opening a large file. V8 reads these as it goes, so they
// can change while the server runs, on every platform and however it was started. At 10,000
// lines they take the peak from ~130 MB to under 95 MB, keystroke latency unchanged
// (docs/benchmarks.md).
import * as v8 from "node:v8";

export class HeapMode {
  private bulk = 0;

  constructor(private readonly apply: (economical: boolean) => void = setV8Economy) {}

  /** Economical from now on, but while bulk work runs. */
  start(): void {
    if (this.bulk === 0) this.apply(true);
  }

  /** Runs `work` with V8's defaults: work that builds a large heap at once. */
  async inBulk<T>(work: () => Promise<T>): Promise<T> {
    if (this.bulk++ === 0) this.apply(false);
    try {
      return await work();
    } finally {
      if (--this.bulk === 0) this.apply(true);
    }
  }
}

function setV8Economy(economical: boolean): void {
  v8.setFlagsFromString(economical ? "--optimize-for-size" : "--no-optimize-for-size");
  v8.setFlagsFromString(`--heap-growing-percent=${economical ? 30 : 0}`);
  v8.setFlagsFromString(`--semi-space-growth-factor=${economical ? 1 : 2}`);
}

/** The server's process has one heap, and one mode. */
export const heapMode = new HeapMode();
