/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  // Three rolling rows instead of a matrix: suggestions compare one id with every id of a block.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = new Array<number>(t.length + 1);
  let current = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) previous[j] = j;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length];
}

/**
 * The candidate the user most likely meant, or undefined when none is close enough to suggest
 * (a suggestion that is plainly wrong is worse than none).
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!needle || needle.length > 64) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let score = editDistance(needle, c);
    // A prefix or a contained word ("mass" for "mass-market") is a strong hint.
    if (c.startsWith(needle) || needle.startsWith(c)) score = Math.min(score, 1);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestScore <= limit ? best : undefined;
}
