import { reachesThreshold } from '../stats/threshold-comparison.js';

/** The band of a health score: `red` < `yellow` ≤ … < `green` ≤ (metrics.md §6). */
export type HealthBand = 'red' | 'yellow' | 'green';

/**
 * The lower bound of each band, as the `bands` object of the `cskit health` JSON
 * (shared/spec/report.md): a score is `green` from `green` up, `yellow` from `yellow` up, else `red`.
 */
export interface HealthBands {
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
}

/** The default thresholds: red < 40 ≤ yellow < 70 ≤ green. */
export const DEFAULT_HEALTH_BANDS: HealthBands = { red: 0, yellow: 40, green: 70 };

/**
 * Checks thresholds.
 *
 * @throws RangeError unless `red ≤ yellow ≤ green`, all finite.
 */
export function checkHealthBands(bands: HealthBands): void {
  const { red, yellow, green } = bands;
  if (![red, yellow, green].every(Number.isFinite) || !(red <= yellow && yellow <= green)) {
    throw new RangeError(
      `Health bands must be finite and rise from red to yellow to green, got ${JSON.stringify(bands)}`,
    );
  }
}

/**
 * The band of a score: `green` when `score ≥ green`, `yellow` when `score ≥ yellow`, else `red`, with
 * the score rounded to 6 decimal places first (metrics.md §11), so factors that give 70 on paper and
 * 69.99999999999999 in doubles are green. With the defaults, 39.999 is red, 40 yellow, 69.999 yellow
 * and 70 green.
 */
export function healthBandOf(score: number, bands: HealthBands = DEFAULT_HEALTH_BANDS): HealthBand {
  if (reachesThreshold(score, bands.green)) return 'green';
  if (reachesThreshold(score, bands.yellow)) return 'yellow';
  return 'red';
}
