import { quoteValue } from '../validation/quote-value.js';
import { withinThreshold } from '../stats/threshold-comparison.js';

/**
 * How a factor's raw value becomes a 0–100 score (metrics.md §6).
 *
 * - `linear`: `(raw − min) ÷ (max − min) × 100`, clamped to [0, 100]; with `invert`, `100 −` that, for
 *   values where less is better (days since the last login, tickets).
 * - `bands`: the score of the first band whose `upTo` is at least the raw value (`raw ≤ upTo`, the raw
 *   value rounded to 6 decimal places first, metrics.md §11: 0.1 + 0.2 is "up to 0.3"); the last
 *   band is open upwards (a raw value above every `upTo` takes the last band's score), so a JSON model
 *   never needs an infinite bound.
 */
export type HealthScale =
  | { readonly kind: 'linear'; readonly min: number; readonly max: number; readonly invert?: boolean | undefined }
  | { readonly kind: 'bands'; readonly bands: readonly HealthScaleBand[] };

/** One step of a `bands` scale: raw values up to `upTo` (included) score `score`. */
export interface HealthScaleBand {
  readonly upTo: number;
  /** 0–100. */
  readonly score: number;
}

/**
 * Checks a scale once, when a model is built, so scoring never meets a bad one.
 *
 * @throws RangeError naming `where` when `min ≥ max` or a bound is not finite, or when bands are empty,
 * not in strictly increasing `upTo` order, or score outside [0, 100].
 */
export function checkHealthScale(scale: HealthScale, where: string): void {
  if (scale.kind === 'linear') {
    if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || !(scale.min < scale.max)) {
      throw new RangeError(`${where}: a linear scale needs finite min < max, got min ${scale.min}, max ${scale.max}`);
    }
    return;
  }
  if (scale.kind !== 'bands') {
    throw new RangeError(
      `${where}: unknown scale kind ${quoteValue((scale as { kind: unknown }).kind)} (expected 'linear' or 'bands')`,
    );
  }
  if (!Array.isArray(scale.bands) || scale.bands.length === 0)
    throw new RangeError(`${where}: a bands scale needs at least one band`);
  let previous = Number.NEGATIVE_INFINITY;
  for (const [i, band] of scale.bands.entries()) {
    if (!Number.isFinite(band.upTo) || !(band.upTo > previous)) {
      throw new RangeError(`${where}: band ${i} upTo ${band.upTo} must be finite and above the previous band's`);
    }
    if (!(band.score >= 0 && band.score <= 100))
      throw new RangeError(`${where}: band ${i} score ${band.score} is outside 0–100`);
    previous = band.upTo;
  }
}

/**
 * The 0–100 score of a raw value under a (checked) scale.
 *
 * Example: `linear { min: 0, max: 60, invert: true }` and 15 days → 100 − 15 ÷ 60 × 100 = 75.
 */
export function scaleHealthValue(scale: HealthScale, raw: number): number {
  if (scale.kind === 'linear') {
    const position = (raw - scale.min) / (scale.max - scale.min);
    const clamped = position <= 0 ? 0 : position >= 1 ? 1 : position;
    // 100 − 100·p rather than 100·(1 − p): both ends stay exact (0 and 100) whatever p's rounding.
    return scale.invert === true ? 100 - clamped * 100 : clamped * 100;
  }
  const bands = scale.bands;
  for (const band of bands) if (withinThreshold(raw, band.upTo)) return band.score;
  return (bands[bands.length - 1] as HealthScaleBand).score;
}
