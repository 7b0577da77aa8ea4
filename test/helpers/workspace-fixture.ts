// Multi-file workspaces written to a temp folder by a test, and positions in their files
// found by the text around them (so a test says "the `host` in db.tsk", not "line 1, 4").
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export class Workspace {
  readonly root: string;

  constructor(prefix: string, readonly files: Record<string, string>) {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  path(name: string): string { return path.join(this.root, ...name.split("/")); }
  uri(name: string): string { return pathToFileURL(this.path(name)).toString(); }
  get rootUri(): string { return pathToFileURL(this.root).toString(); }

  write(name: string, text: string): void {
    fs.mkdirSync(path.dirname(this.path(name)), { recursive: true });
    fs.writeFileSync(this.path(name), text);
    this.files[name] = text;
  }

  remove(name: string): void {
    fs.rmSync(this.path(name));
    delete this.files[name];
  }

  move(from: string, to: string): void {
    fs.renameSync(this.path(from), this.path(to));
    this.files[to] = this.files[from];
    delete this.files[from];
  }

  /** Where `needle` (its `nth` occurrence) starts in file `name`, plus `delta` characters. */
  at(name: string, needle: string, delta = 0, nth = 0): Position {
    return positionIn(this.files[name], offsetOf(this.files[name], needle, nth) + delta);
  }

  /** The range of `needle` in file `name`; `inner` picks a part of it. */
  range(name: string, needle: string, inner = needle, nth = 0): Range {
    const text = this.files[name];
    const start = offsetOf(text, needle, nth) + needle.indexOf(inner);
    return { start: positionIn(text, start), end: positionIn(text, start + inner.length) };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

function offsetOf(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) is not in the text`);
  }
  return at;
}

function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}
