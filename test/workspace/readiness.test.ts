// Readiness of the workspace index: which folders are read, what a newer update does to one
// running, the schemas changing while the index is read, and the folder scan's limits.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { WorkspaceIndex } from "../../server/src/workspace/workspace-index";
import { inSkippedFolder, listTskFiles, scanTskFiles } from "../../server/src/workspace/folder-scan";
import { schemaContext } from "../validation/check";
import { MemoryFiles } from "../helpers/memory-files";

const root = path.resolve("/ws");
const p = (name: string) => path.join(root, ...name.split("/"));

/** An index whose analyses note the schema generation they ran under. */
function setup(count: number, folders = [p("a")]) {
  const files = new MemoryFiles();
  for (let i = 0; i < count; i++) files.write(p(`a/f${i}.tsk`), `k${i} = ${i}\n`);
  let schemas = 1;
  const analysedUnder = new Map<string, number>();
  const index = new WorkspaceIndex({
    files, folders,
    analyze: (tree, file) => {
      analysedUnder.set(file, schemas);
      return analyzeDocument(tree, { file, folder: root }, DEFAULT_VALIDATION_SETTINGS, schemaContext());
    },
  });
  return { files, index, analysedUnder, newSchemas: () => { schemas++; } };
}

describe("readiness of the workspace index", () => {
  it("is complete only once every folder, including one added later, has been read", async () => {
    const { index, files } = setup(3);
    assert.equal(index.complete, false);
    await index.update();
    assert.equal(index.complete, true);
    files.write(p("b/g.tsk"), "g = 1\n");
    index.changeFolders([p("a"), p("b")]);
    assert.equal(index.complete, false, "a folder just added is not read yet");
    await index.update();
    assert.equal(index.complete, true);
    assert.ok(index.summary(p("b/g.tsk")));
  });

  it("stops an update a newer one supersedes, and the newer one does the rest", async () => {
    const { index } = setup(400);
    let cancelled = false;
    const first = index.update({ cancelled: () => cancelled });
    await new Promise((r) => setImmediate(r));
    cancelled = true;
    await first;
    assert.equal(index.complete, false, "a cancelled update leaves its folder unread");
    await index.update();
    assert.equal(index.complete, true);
    assert.equal(index.size, 400);
  });

  it("analyses again, with the new schemas, the files read before they changed mid-update", async () => {
    const { index, analysedUnder, newSchemas } = setup(600);
    let cancelled = false;
    const first = index.update({ cancelled: () => cancelled });
    // Let the update read some files, then the schemas change: it is superseded.
    for (let i = 0; i < 5 && analysedUnder.size === 0; i++) await new Promise((r) => setTimeout(r, 20));
    newSchemas();
    index.markAllStale();
    cancelled = true;
    await first;
    const readEarly = analysedUnder.size;
    assert.ok(readEarly > 0 && readEarly < 600, `${readEarly} files read before the change`);
    await index.update();
    assert.equal(analysedUnder.size, 600);
    assert.deepEqual([...new Set(analysedUnder.values())], [2], "every file analysed under the new schemas");
  });

  it("keeps what the limits left out, says why, and reads it again once they are raised", async () => {
    const { index } = setup(5);
    await index.update({ limits: { maxFiles: 3, maxFolders: 100 } });
    assert.equal(index.size, 3);
    assert.deepEqual(index.partial, [`read 3 config files of ${p("a")} and left out 2 more (tsk.maxIndexedFiles)`]);
    index.rescanPartial();
    await index.update();
    assert.equal(index.size, 5);
    assert.deepEqual(index.partial, []);
  });
});

describe("the folder scan", () => {
  const tree = (dirs: string[], files: string[]) => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-scan-")));
    for (const d of dirs) fs.mkdirSync(path.join(base, d), { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(base, f), "a = 1\n");
    return base;
  };

  it("stops at the folder limit and the file limit, and says where", async () => {
    const base = tree(Array.from({ length: 12 }, (_, i) => `d${i}`), ["a.tsk", "d3/b.tsk", "d7/c.tsk"]);
    try {
      const folders = await scanTskFiles(base, { maxFiles: 100, maxFolders: 5 });
      assert.equal(folders.stoppedEarly, `stopped after 5 folders of ${base}`);
      const files = listTskFiles(base, { maxFiles: 2, maxFolders: 100 });
      assert.equal(files.files.length, 2);
      assert.equal(files.stoppedEarly, `read 2 config files of ${base} and left out 1 more (tsk.maxIndexedFiles)`);
      const all = listTskFiles(base);
      assert.deepEqual([all.files.length, all.stoppedEarly], [3, null]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  it("lets other work run between folders", async () => {
    const base = tree(Array.from({ length: 30 }, (_, i) => `d${i}`), ["d29/x.tsk"]);
    try {
      let ranMeanwhile = false;
      setImmediate(() => { ranMeanwhile = true; });
      const result = await scanTskFiles(base);
      assert.equal(result.files.length, 1);
      assert.ok(ranMeanwhile);
      let cancel = false;
      setImmediate(() => { cancel = true; });
      const stopped = await scanTskFiles(base, undefined, () => cancel);
      assert.ok(stopped.files.length === 0, "a cancelled scan stops before it reaches the file");
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  it("skips node_modules and build folders below the workspace folder only", () => {
    const ws = path.resolve("/home/me/dist/ws");
    assert.equal(inSkippedFolder(path.join(ws, "services.tsk"), ws), false);
    assert.equal(inSkippedFolder(path.join(ws, "node_modules", "x", "a.tsk"), ws), true);
    assert.equal(inSkippedFolder(path.join(ws, "out", "a.tsk"), ws), true);
    assert.equal(inSkippedFolder(path.join(ws, "config", "dist.tsk"), ws), false);
  });
});


