// Small statistics and formatting helpers shared by every part of the bench.

/** The value below which `p` percent of the samples lie (nearest rank). NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Runs `f` once and returns how long it took, in milliseconds. */
export function time(f: () => void): number {
  const t = performance.now();
  f();
  return since(t);
}

/** A deterministic random source, so that every run generates the same configuration and edits. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    // mulberry32: small, fast and good enough for picking values and places.
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ms(v: number): string {
  if (!Number.isFinite(v)) return "—";
  if (v < 1) return `${v.toFixed(3)} ms`;
  if (v < 10) return `${v.toFixed(2)} ms`;
  if (v < 1000) return `${v.toFixed(1)} ms`;
  return `${(v / 1000).toFixed(2)} s`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export function ratio(v: number): string {
  return Number.isFinite(v) ? `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}×` : "—";
}

export function mark(ok: boolean): string {
  return ok ? "✓" : "✗";
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? pad(c, widths[i], "end") : pad(c, widths[i], "start"))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

// Counts code points, so that ×, ✓ and — take one column each.
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, side: "start" | "end"): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return side === "start" ? fill + s : s + fill;
}

/** One target line: what is asked, what was measured, met or not. */
export function target(what: string, measured: string, ok: boolean): string {
  return `  ${mark(ok)} ${what}: ${measured}`;
}
