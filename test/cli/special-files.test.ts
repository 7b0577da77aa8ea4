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
import { tsk } from "./run-tsk";

const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, ["--max-old-space-size=512", tsk, ...args], { cwd, encoding: "utf8", timeout: 20_000, env: { ...process.env, FORCE_COLOR: "0" } });
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
    assert.equal(r.stdout, "1 file checked: no problems\n");
    assert.equal(r.stderr, "tsk: fifo.tsk: cannot read this file: it is a named pipe (FIFO), not a regular file\n");
    assert.equal(r.status, 2, "unreadable input");
  });

  it("does not follow a link out of the folder (to /dev/zero, to a file elsewhere) unless asked", () => {
    const f = folder("links");
    fs.symlinkSync("/dev/zero", path.join(f, "zero.tsk"));
    fs.symlinkSync(path.join(outside, "secret.tsk"), path.join(f, "shadow.tsk"));
    const r = run(["check", "."], f);
    assert.equal(r.signal, null, "finished");
    assert.equal(r.stdout, "1 file checked: no problems\n");
    assert.equal(r.stderr, "tsk: warning: 2 symbolic links lead out of the folders named and were not followed (--follow-symlinks follows them):\n  shadow.tsk\n  zero.tsk\n");
    assert.equal(r.status, 0);
    const followed = run(["check", "--follow-symlinks", "."], f);
    assert.equal(followed.signal, null, "finished");
    assert.equal(followed.stderr, "tsk: zero.tsk: cannot read this file: it is a device, not a regular file\n");
    assert.match(followed.stdout, /^shadow\.tsk\n  1:/m, "asked for, the linked file is checked");
    assert.equal(followed.status, 2);
  });

  it("reads a link given on the command line, and follows links that stay inside the folder, each file once", () => {
    const f = folder("inside");
    fs.symlinkSync(path.join(f, "ok.tsk"), path.join(f, "again.tsk"));
    fs.symlinkSync(f, path.join(f, "loop"));
    const r = run(["check", "."], f);
    assert.equal(r.stdout, "1 file checked: no problems\n");
    assert.equal(r.stderr, "");
    const named = run(["check", path.join(dir, "links", "shadow.tsk")], f);
    assert.match(named.stdout, /^1 file checked: /m);
    assert.doesNotMatch(named.stdout, /cannot read/);
  });

  it("refuses a file larger than 32 MB by its size", () => {
    const f = folder("large");
    fs.writeFileSync(path.join(f, "big.tsk"), "");
    fs.truncateSync(path.join(f, "big.tsk"), 32 * 1024 * 1024 + 1);
    const r = run(["check", "big.tsk"], f);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, "", "tsk: big.tsk: cannot read this file: it is larger than 32 MB, the most that is read\n"]);
  });

  it("says once that a UTF-16 file is UTF-16, not an error per NUL", () => {
    const f = folder("utf16");
    const le = Buffer.from("services.a.port = 1\nname = \"x\"\n", "utf16le");
    fs.writeFileSync(path.join(f, "bom.tsk"), Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
    fs.writeFileSync(path.join(f, "plain.tsk"), le);
    fs.writeFileSync(path.join(f, "big-endian.tsk"), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]));
    const r = run(["check", "."], f);
    const message = "  1:1  error  this file is UTF-16; TSK files are UTF-8: save it as UTF-8  [not-utf8]";
    assert.equal(r.stdout, ["big-endian.tsk", message, "", "bom.tsk", message, "", "plain.tsk", message, "", "4 files checked: 3 errors, 0 warnings in 3 files", ""].join("\n"));
    assert.equal(r.status, 1);
  });

  it("names a schema that is a FIFO, a device or a network path without reading it", () => {
    const f = folder("schemas");
    execFileSync("mkfifo", [path.join(f, "fifo.json")]);
    fs.writeFileSync(path.join(f, "a.tsk"), "#!schema ./fifo.json\na = 1\n");
    fs.writeFileSync(path.join(f, "b.tsk"), "#!schema /dev/zero\na = 1\n");
    fs.writeFileSync(path.join(f, "c.tsk"), "#!schema //host/share/x.json\na = 1\n");
    const r = run(["check", "a.tsk", "b.tsk", "c.tsk"], f);
    assert.equal(r.signal, null, "finished");
    assert.deepEqual(r.stdout.split("\n").filter((l) => l.startsWith("  1:1")), [
      "  1:1  warning  schema ./fifo.json: cannot read the schema: it is a named pipe (FIFO), not a regular file  [schema-not-found]",
      "  1:1  warning  schema /dev/zero: cannot read the schema: it is a device, not a regular file  [schema-not-found]",
      "  1:1  warning  schema //host/share/x.json: it is a network path (\\\\host\\share or //host/share): only local files are read  [schema-not-found]",
    ]);
    assert.match(r.stdout, /\n3 files checked: 0 errors, 3 warnings in 3 files\n$/);
  });

  it("escapes control characters in file names it prints", () => {
    const f = folder("names");
    fs.writeFileSync(path.join(f, "\u001b[31mred\u202e.tsk"), "a =\n");
    const r = run(["check", "."], f);
    assert.equal(r.stdout, "\\u001B[31mred\\u202E.tsk\n  1:3  error  expected a value after '='  [expected-value]\n    1 | a =\n      |   ^\n\n2 files checked: 1 error, 0 warnings in 1 file\n");
    const json = run(["check", "--format", "json", "."], f);
    assert.doesNotMatch(json.stdout, /[\u001b\u202e]/);
    assert.equal(JSON.parse(json.stdout)[0].file, "\u001b[31mred\u202e.tsk");
  });
  it("a binary file named .tsk (an ELF, a PNG) or Latin-1 text: one error each, none of its bytes on the terminal", () => {
    const f = folder("binary");
    fs.writeFileSync(path.join(f, "elf.tsk"), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.from("\u001b[2J\u001b]0;owned\u0007 = 1\n"), Buffer.alloc(64)]));
    fs.writeFileSync(path.join(f, "image.tsk"), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from("IHDR\u001b[31m")]));
    fs.writeFileSync(path.join(f, "latin1.tsk"), Buffer.from('a = 1\nname = "caf\xe9 \x1b[31m"\n', "latin1"));
    const r = run(["check", "elf.tsk", "image.tsk", "latin1.tsk"], f);
    assert.equal(r.stdout, [
      "elf.tsk", "  1:1  error  this file holds NUL bytes: it is not UTF-8 text  [not-utf8]", "",
      "image.tsk", "  1:1  error  this file holds NUL bytes: it is not UTF-8 text  [not-utf8]", "",
      "latin1.tsk", "  1:1  error  this file is not UTF-8 text (line 2 has bytes that are not UTF-8): TSK files are UTF-8: save it as UTF-8  [not-utf8]", "",
      "3 files checked: 3 errors, 0 warnings in 3 files", "",
    ].join("\n"));
    assert.equal(r.status, 1);
    for (const format of ["json", "sarif"]) {
      const out = run(["check", "--format", format, "elf.tsk", "image.tsk", "latin1.tsk"], f).stdout;
      assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, format);
    }
  });

  it("a source line holding control or bidi characters is shown escaped, the caret under the escapes", () => {
    const f = folder("control");
    fs.writeFileSync(path.join(f, "ctl.tsk"), '"\u001b[2J\u202e" = 1\n"\u001b[2J\u202e" = 2\n');
    const r = run(["check", "ctl.tsk"], f);
    assert.equal(r.stdout, [
      "ctl.tsk",
      "  2:1  warning  '\"\\u001b[2J\\u202E\"' is already set on line 1; this later value wins  [duplicate-key]",
      '    2 | "\\u001B[2J\\u202E" = 2',
      "      | ^^^^^^^^^^^^^^^^^",
      "",
      "1 file checked: 0 errors, 1 warning in 1 file",
      "",
    ].join("\n"));
  });
});
