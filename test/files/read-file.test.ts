// Reading the files a configuration names: regular files only, bounded, never a network path;
// UTF-16 and NUL bytes told apart from UTF-8 text.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readFileBytes, readTextFile, MAX_CONFIG_BYTES } from "../../server/src/files/read-file";
import { decodeText, UTF16, NUL_BYTES } from "../../server/src/files/text-encoding";

const posix = process.platform !== "win32";

describe("readTextFile", () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-read-")); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a regular file, and one a symbolic link leads to", () => {
    fs.writeFileSync(path.join(dir, "a.tsk"), "a = 1\n");
    assert.deepEqual(readTextFile(path.join(dir, "a.tsk"), 100), { text: "a = 1\n" });
    if (posix) {
      fs.symlinkSync(path.join(dir, "a.tsk"), path.join(dir, "link.tsk"));
      assert.deepEqual(readTextFile(path.join(dir, "link.tsk"), 100), { text: "a = 1\n" });
    }
  });

  it("refuses a FIFO at once, without blocking", { skip: !posix, timeout: 20_000 }, () => {
    const fifo = path.join(dir, "fifo.tsk");
    execFileSync("mkfifo", [fifo]);
    assert.deepEqual(readFileBytes(fifo, 100), { error: "it is a named pipe (FIFO), not a regular file" });
  });

  it("refuses devices, folders, missing files and network paths, naming why", { skip: !posix }, () => {
    assert.deepEqual(readFileBytes("/dev/zero", MAX_CONFIG_BYTES), { error: "it is a device, not a regular file" });
    assert.deepEqual(readFileBytes(dir, 100), { error: "it is a folder, not a file" });
    assert.deepEqual(readFileBytes(path.join(dir, "none.tsk"), 100), { error: "no such file or folder" });
    const network = "it is a network path (\\\\host\\share or //host/share): only local files are read";
    assert.deepEqual(readFileBytes("//host/share/x.tsk", 100), { error: network });
    assert.deepEqual(readFileBytes("\\\\host\\share\\x.tsk", 100), { error: network });
  });

  it("refuses a file over the limit, by its size, without reading it", () => {
    const big = path.join(dir, "big.tsk");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 2 * 1024 * 1024 + 1); // sparse: costs no disk
    assert.deepEqual(readFileBytes(big, 2 * 1024 * 1024), { error: "it is larger than 2 MB, the most that is read" });
    fs.truncateSync(big, 2 * 1024 * 1024);
    assert.equal(readFileBytes(big, 2 * 1024 * 1024).bytes?.length, 2 * 1024 * 1024);
  });

  it("says a UTF-16 file is UTF-16, with a byte order mark (LE, BE) or without", () => {
    const text = "a = 1\nb = \"two\"\n";
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const [name, bytes] of [["le-bom", Buffer.concat([Buffer.from([0xff, 0xfe]), le])], ["be-bom", Buffer.concat([Buffer.from([0xfe, 0xff]), be])], ["le", le], ["be", be]] as const) {
      fs.writeFileSync(path.join(dir, `${name}.tsk`), bytes);
      assert.deepEqual(readTextFile(path.join(dir, `${name}.tsk`), 100), { error: UTF16, encoding: true }, name);
    }
    assert.equal(UTF16, "this file is UTF-16; TSK files are UTF-8: save it as UTF-8");
  });

  it("drops a UTF-8 byte order mark; tells NUL bytes apart from UTF-16", () => {
    assert.deepEqual(decodeText(Buffer.from("\ufeffa = 1\n", "utf8")), { text: "a = 1\n" });
    assert.deepEqual(decodeText(Buffer.from("a = 1\nb = \u0000\n", "utf8")), { error: NUL_BYTES });
    assert.deepEqual(decodeText(Buffer.from("name = \"café\"\n", "utf8")), { text: "name = \"café\"\n" });
  });
});
