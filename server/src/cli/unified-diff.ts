// A unified diff of two texts by lines (Myers' algorithm: time proportional to the lines times
// the number of differences, small for formatting), with three lines of context, as
// `diff -u`, `ruff format --diff` and `prettier --check` users read it.
const CONTEXT = 3;

type Op = { kind: " " | "-" | "+"; line: string; a: number; b: number };

export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${name}`, `+++ ${name}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === " ") { i++; continue; }
    // A hunk: from CONTEXT lines before this change to CONTEXT after the last change that is
    // no more than 2 * CONTEXT unchanged lines further on.
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    let j = i;
    while (j < ops.length) {
      if (ops[j].kind !== " ") { end = j; j++; continue; }
      let k = j;
      while (k < ops.length && ops[k].kind === " ") k++;
      if (k < ops.length && k - j <= 2 * CONTEXT) { j = k; continue; }
      break;
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT);
    const hunk = ops.slice(start, stop);
    const aLines = hunk.filter((o) => o.kind !== "+").length;
    const bLines = hunk.filter((o) => o.kind !== "-").length;
    const aStart = hunk.find((o) => o.kind !== "+")?.a ?? hunk[0].a;
    const bStart = hunk.find((o) => o.kind !== "-")?.b ?? hunk[0].b;
    out.push(`@@ -${range(aStart, aLines)} +${range(bStart, bLines)} @@`);
    for (const o of hunk) out.push(o.kind + o.line.replace(/\r$/, ""));
    i = stop;
  }
  return out.join("\n") + "\n";
}

/** `start,count` as unified diffs write it: 1-based, and the line before when nothing is there. */
function range(start: number, count: number): string {
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The edit script from `a` to `b`, each op with its 0-based line in `a` and `b`. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) { done = true; break; }
    }
  }
  // Back from the end through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { x--; y--; ops.push({ kind: " ", line: a[x], a: x, b: y }); }
    if (d > 0) {
      if (x === prevX) { y--; ops.push({ kind: "+", line: b[y], a: x, b: y }); }
      else { x--; ops.push({ kind: "-", line: a[x], a: x, b: y }); }
    }
  }
  return ops.reverse();
}
