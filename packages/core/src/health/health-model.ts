import { quoteValue } from '../validation/quote-value.js';
import type { DayIndex } from '../time/calendar-date.js';
import { checkHealthBands, type HealthBands } from './health-bands.js';
import { checkHealthScale, type HealthScale } from './health-scale.js';
import type { HealthSubject } from './customer-data.js';

/**
 * One factor of a health model (metrics.md §6).
 *
 * `value` reads the factor's raw value for a customer on a day, or `undefined` when the customer has
 * none (no NPS answer yet, no seats): the factor is then reported as missing and its weight left out.
 * It must only look at data dated on or before `asOf`, so that the score 30 days ago (the trend) is
 * what it was then.
 *
 * @typeParam S - what a customer is to `value`: a {@link HealthSubject} for models run on a dataset;
 * anything for models run on your own objects.
 */
export interface HealthFactor<S = HealthSubject> {
  /** Stable id (`nps`, `seatUtilisation` …), unique in the model; `missing` lists these. */
  readonly key: string;
  /** What a card shows; default: the key. */
  readonly label?: string | undefined;
  /** Relative weight, ≥ 0; only ratios between weights matter. */
  readonly weight: number;
  readonly value: (subject: S, asOf: DayIndex) => number | undefined;
  readonly scale: HealthScale;
}

/** A health model: its factors, and the band thresholds (default red < 40 ≤ yellow < 70 ≤ green). */
export interface HealthModel<S = HealthSubject> {
  readonly factors: readonly HealthFactor<S>[];
  readonly bands?: HealthBands | undefined;
}

/**
 * Checks a model once before scoring with it.
 *
 * @throws RangeError naming the factor for an empty or repeated key, a negative or non-finite weight or
 * a bad scale, and for bad band thresholds or a model without factors.
 */
export function checkHealthModel(model: HealthModel<never>): void {
  if (!Array.isArray(model.factors) || model.factors.length === 0)
    throw new RangeError('A health model needs at least one factor');
  const keys = new Set<string>();
  for (const factor of model.factors) {
    const where = `Health factor ${quoteValue(factor.key)}`;
    if (typeof factor.key !== 'string' || factor.key === '')
      throw new RangeError('Every health factor needs a non-empty key');
    if (keys.has(factor.key)) throw new RangeError(`${where} appears twice`);
    keys.add(factor.key);
    if (!(Number.isFinite(factor.weight) && factor.weight >= 0)) {
      throw new RangeError(`${where}: weight must be a non-negative number, got ${factor.weight}`);
    }
    if (typeof factor.value !== 'function') throw new RangeError(`${where}: value must be a function`);
    checkHealthScale(factor.scale, where);
  }
  if (model.bands !== undefined) checkHealthBands(model.bands);
}
