/**
 * The `p`-th percentile (0–100) of values sorted in ascending order, by linear interpolation between
 * the closest ranks (metrics.md §0; numpy's default, Hyndman & Fan "type 7"):
 * with h = (n − 1) × p ÷ 100, the result is x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]).
 * `percentile([1, 2, 3, 4], 90)` is 3 + 0.7 × (4 − 3) = 3.7.
 *
 * The values must already be sorted (a {@link sortedNumbers} copy, for instance): callers take
 * several percentiles of one series, and sorting once is their job.
 *
 * @returns `null` for no values (there is no percentile of nothing, and no NaN leaves the core).
 * @throws RangeError when `p` is not within [0, 100].
 */
export function percentile(sortedValues: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile must be from 0 to 100, got ${p}`);
  const n = sortedValues.length;
  if (n === 0) return null;
  const h = ((n - 1) * p) / 100;
  const lower = Math.floor(h);
  const below = sortedValues[lower] as number;
  if (lower >= n - 1) return sortedValues[n - 1] as number;
  const above = sortedValues[lower + 1] as number;
  const fraction = h - lower;
  // Clamping keeps the result within its two ranks whatever the rounding of the product, so the
  // percentile never decreases as p grows, even across a rank.
  return Math.min(above, Math.max(below, below + fraction * (above - below)));
}

/** The median (50th percentile, {@link percentile}) of sorted values; `null` for none. */
export function median(sortedValues: ArrayLike<number>): number | null {
  return percentile(sortedValues, 50);
}

/** A sorted copy of numbers (numeric order, which `Array#sort` without a comparator is not). */
export function sortedNumbers(values: Iterable<number>): Float64Array {
  return Float64Array.from(values).sort();
}
