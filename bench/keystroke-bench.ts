// Part 2: the cost of one keystroke in the parser. A character is typed into a value and
// then deleted, at random places, with `applyEdit` on a tree that lives across the edits,
// as the language server holds it.
import { parse } from "../server/src/syntax/syntax-tree";
import { applyEdit } from "../server/src/syntax/incremental";
import type { SyntaxTree } from "../server/src/syntax/syntax-tree";
import { lineCount, sizedConfig } from "./render-config";
import { fullGc } from "./gc";
import { mb, ms, percentile, ratio, rng, table, target, time } from "./stats";

/** The file sizes of the keystroke and LSP parts; TSK_BENCH_LINES=10000 (or 1000,10000) for a quicker look. */
export const LINE_SIZES = process.env.TSK_BENCH_LINES ? process.env.TSK_BENCH_LINES.split(",").map(Number) : [1_000, 10_000, 100_000];
/** Each pair is an insertion and its deletion: 200 edits. */
const EDIT_PAIRS = 100;
const WARMUP_PAIRS = 100;

/** A place inside a value where typing a character keeps it the same kind of value. */
export interface ValueSpot { offset: number; char: string }

/** Places inside string and number values of a TSK or YAML text, in text order. */
export function valueSpots(text: string): ValueSpot[] {
  const spots: ValueSpot[] = [];
  for (const m of text.matchAll(/(?:[=:]) "([^"\n]+)"/g)) spots.push({ offset: m.index + m[0].length - 1 - Math.ceil(m[1].length / 2), char: "x" });
  for (const m of text.matchAll(/(?:[=:]) (\d+)$/gm)) spots.push({ offset: m.index + m[0].length - 1, char: "7" });
  return spots.sort((a, b) => a.offset - b.offset);
}

export function pickSpots(text: string, count: number, seed: number): ValueSpot[] {
  const all = valueSpots(text);
  const random = rng(seed);
  return Array.from({ length: count }, () => all[Math.floor(random() * all.length)]);
}

export interface KeystrokeFigures { lines: number; bytes: number; p50: number; p95: number; max: number }

/** Types each spot's character and deletes it again; the times of every edit. */
function typeAndDelete(tree: SyntaxTree, spots: ValueSpot[], out: number[] | null): SyntaxTree {
  for (const s of spots) {
    const insert = time(() => { tree = applyEdit(tree, { start: s.offset, end: s.offset, text: s.char }); });
    const remove = time(() => { tree = applyEdit(tree, { start: s.offset, end: s.offset + 1, text: "" }); });
    out?.push(insert, remove);
  }
  return tree;
}

export function runKeystrokeBench(): KeystrokeFigures[] {
  console.log(`\n## 2. Keystroke re-parse: ${EDIT_PAIRS * 2} single-character edits (type into a value, delete it) with applyEdit\n`);
  const figures = LINE_SIZES.map((lines): KeystrokeFigures => {
    const { tsk } = sizedConfig(lines, lineCount);
    let tree = parse(tsk);
    tree = typeAndDelete(tree, pickSpots(tsk, WARMUP_PAIRS, lines + 1), null);
    fullGc();
    const samples: number[] = [];
    tree = typeAndDelete(tree, pickSpots(tsk, EDIT_PAIRS, lines), samples);
    // Every insertion was deleted again: the tree must hold the original text, without a problem.
    if (tree.text !== tsk || tree.problems().length > 0) throw new Error(`the edited ${lines}-line tree does not match its text`);
    return { lines: lineCount(tsk), bytes: Buffer.byteLength(tsk), p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
  });
  printKeystrokes(figures);
  return figures;
}

function printKeystrokes(figures: KeystrokeFigures[]): void {
  const small = figures[0];
  const large = figures[figures.length - 1];
  console.log(table(["TSK file", "size", "p50 per edit", "p95 per edit", "max", "p50 ÷ 1k p50"], figures.map((f) => [
    `${f.lines.toLocaleString("en-US")} lines`, mb(f.bytes), ms(f.p50), ms(f.p95), ms(f.max), ratio(f.p50 / small.p50),
  ])));
  const growth = large.p50 / small.p50;
  console.log("\nTargets:");
  console.log(target("100k lines: p50 ≤ 2 ms", ms(large.p50), large.p50 <= 2));
  console.log(target("100k lines: p50 within 2× of 1k lines", ratio(growth), growth <= 2));
}
