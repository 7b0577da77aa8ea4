// "did you mean …": the known name closest to a misspelt one, if any is close enough.

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The closest candidate within a third of the word's length (at least 1, at most 3 edits); or,
 * unless `prefix` is false, the one candidate a word cut short begins.
 */
export function didYouMean(word: string, candidates: Iterable<string>, { prefix = true } = {}): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  const all = [...candidates];
  for (const c of all) {
    const distance = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (distance < bestDistance) { best = c; bestDistance = distance; }
  }
  if (bestDistance <= limit) return best;
  // A word cut short ("expo") means the one candidate it begins, if only one does.
  if (prefix && lower.length >= 3) {
    const starting = all.filter((c) => c.toLowerCase().startsWith(lower));
    if (starting.length === 1) return starting[0];
  }
  return undefined;
}
