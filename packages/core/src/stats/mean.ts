/** The arithmetic mean of values; `null` for none (never NaN). */
export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}

/** `numerator ÷ denominator`, or `null` when the denominator is 0 (metrics.md §0: no NaN, no Infinity). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
