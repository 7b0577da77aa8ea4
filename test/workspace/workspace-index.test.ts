import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { parse } from "../../server/src/syntax/syntax-tree";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { WorkspaceIndex } from "../../server/src/workspace/workspace-index";
import { schemaContext } from "../validation/check";
import { MemoryFiles } from "../helpers/memory-files";

const root = path.resolve("/ws");
const p = (name: string) => path.join(root, ...name.split("/"));

function setup(files: Record<string, string>, folders = [root]) {
  const fs = new MemoryFiles();
  for (const [name, text] of Object.entries(files)) fs.write(p(name), text);
  const place = (file: string) => ({ file, folder: root });
  const index = new WorkspaceIndex({
    files: fs, folders, analyze: (tree, file) => analyzeDocument(tree, place(file), DEFAULT_VALIDATION_SETTINGS, schemaContext()),
  });
  index.indexFoldersNow();
  return { fs, index };
}

describe("the workspace index", () => {
  it("reads each file once, again only when its size or time changed, and analyses it only when its text did", () => {
    const { fs, index } = setup({ "a.tsk": "$x = 1\n", "b.tsk": "y = $x\n" });
    assert.equal(fs.reads, 2);
    assert.equal(index.counters.analyses, 2);
    assert.deepEqual(index.refreshFromDisk(p("a.tsk")).files.size, 0);
    assert.equal(fs.reads, 2, "an unchanged file is not read again");
    fs.touch(p("a.tsk"));
    index.refreshFromDisk(p("a.tsk"));
    assert.equal(fs.reads, 3, "a touched file is read");
    assert.equal(index.counters.analyses, 2, "but not analysed when its text is the same");
    fs.write(p("a.tsk"), "$x = 2\n");
    const change = index.refreshFromDisk(p("a.tsk"));
    assert.equal(index.counters.analyses, 3);
    assert.equal(change.files.size, 0, "a new value of the same global changes nothing others see");
    fs.write(p("a.tsk"), "$z = 2\n");
    assert.deepEqual([...index.refreshFromDisk(p("a.tsk")).files], [p("a.tsk")], "a global renamed is a change others see");
  });

  it("lets an open document's text win over the disk's until it closes", () => {
    const { fs, index } = setup({ "a.tsk": "$x = 1\n", "b.tsk": '@import("a.tsk")\ny = $x\n' });
    assert.equal(index.resolution.resolveGlobal(p("b.tsk"), "x"), p("a.tsk"));
    const tree = parse("$renamed = 1\n");
    const analysis = analyzeDocument(tree, { file: p("a.tsk"), folder: root }, DEFAULT_VALIDATION_SETTINGS, schemaContext());
    index.setOpen(p("a.tsk"), tree, analysis);
    assert.equal(index.resolution.resolveGlobal(p("b.tsk"), "x"), null);
    fs.write(p("a.tsk"), "$other = 1\n");
    index.refreshFromDisk(p("a.tsk"));
    assert.equal(index.resolution.resolveGlobal(p("b.tsk"), "renamed"), p("a.tsk"), "the open text still wins");
    index.close(p("a.tsk"));
    assert.equal(index.resolution.resolveGlobal(p("b.tsk"), "other"), p("a.tsk"), "closed, the disk's latest text counts");
  });

  it("forgets a deleted file, and every file of a deleted folder", () => {
    const { fs, index } = setup({ "a.tsk": "a = 1\n", "sub/b.tsk": "b = 1\n", "sub/deep/c.tsk": "c = 1\n" });
    assert.equal(index.size, 3);
    fs.delete(p("sub/b.tsk"));
    fs.delete(p("sub/deep/c.tsk"));
    const change = index.removeFromDisk(p("sub"));
    assert.deepEqual([...change.files].sort(), [p("sub/b.tsk"), p("sub/deep/c.tsk")]);
    assert.equal(index.size, 1);
  });

  it("resolves a global in this file, then its imports, then the nearest peanut.tsk (before peanu.tsk) up to the folder", () => {
    const { index } = setup({
      "peanut.tsk": "$top = 1\n$near = 0\n",
      "team/peanu.tsk": "$near = 1\n$both = 1\n",
      "team/peanut.tsk": "$both = 2\n",
      "team/app/main.tsk": '@import("lib.tsk")\nuse = $near\n$own = 1\n',
      "team/app/lib.tsk": '$lib = 1\n$near = 2\n@import("main.tsk")\n',
    }, [p("team")]);
    const main = p("team/app/main.tsk");
    const r = index.resolution;
    assert.equal(r.resolveGlobal(main, "own"), main);
    assert.equal(r.resolveGlobal(main, "near"), p("team/app/lib.tsk"), "an import comes before any peanut.tsk");
    assert.equal(r.resolveGlobal(main, "both"), p("team/peanut.tsk"), "peanut.tsk comes before peanu.tsk");
    assert.equal(r.resolveGlobal(main, "top"), null, "nothing above the workspace folder");
    assert.deepEqual(r.importCycle(main, "lib.tsk"), [main, p("team/app/lib.tsk"), main]);
  });

  it("finds the file @name.tsk reads here, in ./config, .. and ../config, in that order", () => {
    const { index } = setup({
      "app/main.tsk": "x = 1\n",
      "app/config/db.tsk": "a = 1\n",
      "db.tsk": "b = 1\n",
      "config/cache.tsk": "c = 1\n",
    });
    const r = index.resolution;
    assert.equal(r.readTarget(p("app/main.tsk"), "db.tsk"), p("app/config/db.tsk"));
    assert.equal(r.readTarget(p("app/main.tsk"), "cache.tsk"), p("config/cache.tsk"));
    assert.equal(r.readTarget(p("app/main.tsk"), "nope.tsk"), null);
  });

  it("says when services or the globals files read change, so that the files that depend on them are checked again", () => {
    const { fs, index } = setup({ "s.tsk": "services.a = { url = \"http://a\" }\n", "u.tsk": "x = $g\n" });
    fs.write(p("s.tsk"), "services.a = { depends_on = [\"b\"] }\n");
    assert.equal(index.refreshFromDisk(p("s.tsk")).services, true);
    fs.write(p("u.tsk"), "x = $g\ny = $h\n");
    const uses = index.refreshFromDisk(p("u.tsk"));
    assert.equal(uses.globalUses, true);
    assert.equal(uses.services, false);
    assert.deepEqual([...index.readersOf("h")], [p("u.tsk")]);
  });
});
