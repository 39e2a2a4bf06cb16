/** Decimal places a computed score or rate is rounded to before it meets a threshold (metrics.md §11). */
export const THRESHOLD_DECIMALS = 6;

const FACTOR = 10 ** THRESHOLD_DECIMALS;

/**
 * A computed score or rate as threshold comparisons see it: rounded to 6 decimal places (metrics.md §11,
 * "Band edges"). Binary floats make factors that should give exactly 70 give 69.99999999999999; a
 * band edge or segment threshold must not fall between the two. The value itself is reported
 * unrounded; only the comparison uses this.
 *
 * Values too large for 6 decimals to exist in a double (|x| ≥ 2^53 ÷ 10^6), and non-finite ones, come
 * back unchanged.
 */
export function roundedForComparison(value: number): number {
  const scaled = value * FACTOR;
  if (!Number.isFinite(scaled) || Math.abs(scaled) >= Number.MAX_SAFE_INTEGER) return value;
  // Math.round rounds half up, and −0 + 0 is 0, so −0.0000001 compares like 0.
  return Math.round(scaled) / FACTOR + 0;
}

/** `value ≥ threshold`, with `value` rounded to 6 decimal places first. */
export function reachesThreshold(value: number, threshold: number): boolean {
  return roundedForComparison(value) >= threshold;
}

/** `value ≤ threshold`, with `value` rounded to 6 decimal places first. */
export function withinThreshold(value: number, threshold: number): boolean {
  return roundedForComparison(value) <= threshold;
}

/**
 * `value` without binary-float noise: the 6-decimal value it is meant to be when it lies within a
 * trillionth (relative) of one (69.99999999999999 → 70), else `value` unchanged (30.555555555555557 stays). A
 * reported score then agrees with its band for any reader comparing it with the edges itself, while
 * real digits are kept.
 */
export function withoutFloatNoise(value: number): number {
  const rounded = roundedForComparison(value);
  // 1e-12 relative: binary-float noise of a weighted mean is around 1e-14, while a coarser bound (1e-9
  // was used first) snapped 99.9999999 to 100 in one summation order and not in another.
  return Math.abs(rounded - value) <= 1e-12 * Math.max(1, Math.abs(value)) ? rounded : value;
}
