// The folder scan's limit: past it, the scan says it stopped and how many files it saw and left out.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { listTskFiles, scanTskFiles } from "../../server/src/workspace/folder-scan";
import { findTskFiles } from "../../server/src/cli/find-files";

describe("scanTskFiles", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-scan-"));
    fs.mkdirSync(path.join(dir, "sub"));
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, `f${i}.tsk`), "a = 1\n");
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, "sub", `g${i}.tsk`), "a = 1\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists everything below the limit, and says it did not stop", () => {
    const all = scanTskFiles(dir, 100);
    assert.equal(all.files.length, 8);
    assert.deepEqual([all.stoppedEarly, all.skipped], [false, 0]);
    assert.deepEqual(listTskFiles(dir, 100), all.files);
  });

  it("past the limit, says it stopped, and counts the files it saw and left out", () => {
    const cut = scanTskFiles(dir, 3);
    assert.equal(cut.files.length, 3);
    assert.equal(cut.stoppedEarly, true);
    assert.equal(cut.skipped, 2, "the other two of the top folder; sub/ was never read");
  });

  it("is not what tsk check uses: the command checks every file it is given, with no limit", () => {
    assert.equal(findTskFiles([dir]).files.length, 8);
  });
});
