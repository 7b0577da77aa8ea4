// Durations as configs write them ("500ms", "10s", "1m", "2h", "7d"), or whole seconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or null when the value is no duration. Numbers count as seconds. */
export function durationMs(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v * 1000;
  if (typeof v !== "string") return null;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(v.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
}

export function formatMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
