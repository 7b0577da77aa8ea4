// ARCHITECTURE.md, invariant 9: no list of the input's size spread into a call's arguments.
// `list.push(...other)` passes every element as an argument, and past ~120,000 of them the
// stack overflows (an array of 130,000 elements once killed `tsk check` this way).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("no spread into push", () => {
  it("finds no `push(...` or `unshift(...` in the server's sources", () => {
    const found = sources(path.join(repoRoot, "server/src")).flatMap((f) =>
      fs.readFileSync(f, "utf8").split("\n").flatMap((line, i) => (/\.(push|unshift)\(\s*\.\.\./.test(line) ? [`${path.relative(repoRoot, f)}:${i + 1}`] : [])));
    assert.deepEqual(found, []);
  });
});
