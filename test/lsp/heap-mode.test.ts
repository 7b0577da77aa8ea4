// The server keeps V8's defaults while it reads many files at once, and the economical heap
// settings otherwise, however bulk work overlaps (a folder added while the first is read).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { HeapMode } from "../../server/src/lsp/heap-mode";

describe("the heap mode", () => {
  it("is economical but while bulk work runs, until the last of it ends", async () => {
    const modes: boolean[] = [];
    const mode = new HeapMode((economical) => modes.push(economical));
    mode.start();
    let finishFirst!: () => void;
    const first = mode.inBulk(() => new Promise<void>((resolve) => { finishFirst = resolve; }));
    const second = mode.inBulk(async () => "second");
    assert.equal(await second, "second");
    assert.deepEqual(modes, [true, false], "still bulk while the first runs");
    finishFirst();
    await first;
    assert.deepEqual(modes, [true, false, true]);
  });

  it("is economical again when bulk work fails", async () => {
    const modes: boolean[] = [];
    const mode = new HeapMode((economical) => modes.push(economical));
    await assert.rejects(mode.inBulk(async () => { throw new Error("unreadable"); }), /unreadable/);
    assert.deepEqual(modes, [false, true]);
  });
});
