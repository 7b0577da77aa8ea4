// `tsk check` on what a folder may hold besides config files: FIFOs, links to devices and to
// files elsewhere, files too large, UTF-16 files, schemas that are no regular files. Each
// run has a time limit: a FIFO once hung the command, /dev/zero made it grow without end.
// (The reproductions of shared/repro/cli-special-files.sh, made here.)
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

const tsk = path.join(repoRoot, "bin/tsk.js");
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, ["--max-old-space-size=512", tsk, ...args], { cwd, encoding: "utf8", timeout: 20_000 });
const posix = process.platform !== "win32";

describe("tsk check and special files", { skip: !posix }, () => {
  let dir: string;
  let outside: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-special-"));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-outside-"));
    fs.writeFileSync(path.join(outside, "secret.tsk"), "root:$6$SECRETHASH:19000:0:99999:7:::\n");
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const folder = (name: string) => {
    const f = path.join(dir, name);
    fs.mkdirSync(f);
    fs.writeFileSync(path.join(f, "ok.tsk"), "a = 1\n");
    return f;
  };

  it("names a FIFO it will not read, and does not hang on it", () => {
    const f = folder("fifo");
    execFileSync("mkfifo", [path.join(f, "fifo.tsk")]);
    const r = run(["check", "."], f);
    assert.equal(r.signal, null, "finished");
    assert.equal(r.stdout, "fifo.tsk:1:1 error cannot read this file: it is a named pipe (FIFO), not a regular file [unreadable-file]\n1 error, 0 warnings in 2 files\n");
    assert.equal(r.status, 1);
  });

  it("does not follow a link out of the folder (to /dev/zero, to a file elsewhere) unless asked", () => {
    const f = folder("links");
    fs.symlinkSync("/dev/zero", path.join(f, "zero.tsk"));
    fs.symlinkSync(path.join(outside, "secret.tsk"), path.join(f, "shadow.tsk"));
    const r = run(["check", "."], f);
    assert.equal(r.signal, null, "finished");
    assert.equal(r.stdout, "0 errors, 0 warnings in 1 file\n");
    assert.equal(r.stderr, "tsk: warning: 2 symbolic links lead out of the folders named and were not followed (--follow-symlinks follows them):\n  shadow.tsk\n  zero.tsk\n");
    assert.equal(r.status, 0);
    const followed = run(["check", "--follow-symlinks", "."], f);
    assert.equal(followed.signal, null, "finished");
    assert.match(followed.stdout, /^zero\.tsk:1:1 error cannot read this file: it is a device, not a regular file \[unreadable-file\]$/m);
    assert.match(followed.stdout, /^shadow\.tsk:1:/m, "asked for, the linked file is checked");
    assert.equal(followed.stderr, "");
  });

  it("reads a link given on the command line, and follows links that stay inside the folder, each file once", () => {
    const f = folder("inside");
    fs.symlinkSync(path.join(f, "ok.tsk"), path.join(f, "again.tsk"));
    fs.symlinkSync(f, path.join(f, "loop"));
    const r = run(["check", "."], f);
    assert.equal(r.stdout, "0 errors, 0 warnings in 1 file\n");
    assert.equal(r.stderr, "");
    const named = run(["check", path.join(dir, "links", "shadow.tsk")], f);
    assert.match(named.stdout, /in 1 file\n$/);
    assert.doesNotMatch(named.stdout, /cannot read/);
  });

  it("refuses a file larger than 32 MB by its size", () => {
    const f = folder("large");
    fs.writeFileSync(path.join(f, "big.tsk"), "");
    fs.truncateSync(path.join(f, "big.tsk"), 32 * 1024 * 1024 + 1);
    const r = run(["check", "big.tsk"], f);
    assert.equal(r.stdout, "big.tsk:1:1 error cannot read this file: it is larger than 32 MB, the most that is read [unreadable-file]\n1 error, 0 warnings in 1 file\n");
  });

  it("says once that a UTF-16 file is UTF-16, not an error per NUL", () => {
    const f = folder("utf16");
    const le = Buffer.from("services.a.port = 1\nname = \"x\"\n", "utf16le");
    fs.writeFileSync(path.join(f, "bom.tsk"), Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
    fs.writeFileSync(path.join(f, "plain.tsk"), le);
    fs.writeFileSync(path.join(f, "big-endian.tsk"), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]));
    const r = run(["check", "."], f);
    const message = "error this file is UTF-16; TSK files are UTF-8: save it as UTF-8 [not-utf8]";
    assert.equal(r.stdout, [`big-endian.tsk:1:1 ${message}`, `bom.tsk:1:1 ${message}`, `plain.tsk:1:1 ${message}`, "3 errors, 0 warnings in 4 files", ""].join("\n"));
  });

  it("names a schema that is a FIFO, a device or a network path without reading it", () => {
    const f = folder("schemas");
    execFileSync("mkfifo", [path.join(f, "fifo.json")]);
    fs.writeFileSync(path.join(f, "a.tsk"), "#!schema ./fifo.json\na = 1\n");
    fs.writeFileSync(path.join(f, "b.tsk"), "#!schema /dev/zero\na = 1\n");
    fs.writeFileSync(path.join(f, "c.tsk"), "#!schema //host/share/x.json\na = 1\n");
    const r = run(["check", "a.tsk", "b.tsk", "c.tsk"], f);
    assert.equal(r.signal, null, "finished");
    assert.equal(r.stdout, [
      "a.tsk:1:1 warning schema ./fifo.json: cannot read the schema: it is a named pipe (FIFO), not a regular file [schema-not-found]",
      "b.tsk:1:1 warning schema /dev/zero: cannot read the schema: it is a device, not a regular file [schema-not-found]",
      "c.tsk:1:1 warning schema //host/share/x.json: it is a network path (\\\\host\\share or //host/share): only local files are read [schema-not-found]",
      "0 errors, 3 warnings in 3 files", "",
    ].join("\n"));
  });

  it("escapes control characters in file names it prints", () => {
    const f = folder("names");
    fs.writeFileSync(path.join(f, "\u001b[31mred\u202e.tsk"), "a =\n");
    const r = run(["check", "."], f);
    assert.equal(r.stdout, "\\u001B[31mred\\u202E.tsk:1:3 error expected a value after '=' [expected-value]\n1 error, 0 warnings in 2 files\n");
    const json = run(["check", "--format", "json", "."], f);
    assert.doesNotMatch(json.stdout, /[\u001b\u202e]/);
    assert.equal(JSON.parse(json.stdout)[0].file, "\u001b[31mred\u202e.tsk");
  });
});
