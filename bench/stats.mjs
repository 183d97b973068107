// The statistics every bench section uses: quantiles over sorted samples, a summary with the
// interquartile range, per-round ratios, and call orders that rotate through every permutation.

/** The q-quantile of sorted values, interpolated; NaN for none. */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median, quartiles, min, max and count of the finite values. */
export function summary(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return { median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0], max: s[s.length - 1], n: s.length };
}

/** Per-round ratios a[i] / b[i], summarised. */
export const ratios = (a, b) => summary(a.map((x, i) => x / b[i]));

/** Every order of the list (the bench rotates through them so no call always runs first). */
export function permutations(list) {
  if (list.length <= 1) return [list];
  return list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((p) => [x, ...p]));
}
