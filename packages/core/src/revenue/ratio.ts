/**
 * `numerator ÷ denominator`, or `null` when the denominator is 0 (metrics.md §0: no NaN or Infinity
 * ever leaves the core).
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}
