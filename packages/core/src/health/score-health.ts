import { formatDate, type DayIndex } from '../time/calendar-date.js';
import { DEFAULT_HEALTH_BANDS, healthBandOf, type HealthBand } from './health-bands.js';
import { checkHealthModel, type HealthModel } from './health-model.js';
import { scaleHealthValue } from './health-scale.js';
import { withoutFloatNoise } from '../stats/threshold-comparison.js';

/** A factor that had a value: what it was, what it scored and how much of the health it makes. */
export interface HealthFactorScore {
  readonly key: string;
  readonly label: string;
  /** The raw value (an NPS answer, a utilisation fraction, days …), unrounded. */
  readonly raw: number;
  /** The raw value on the factor's scale, 0–100. */
  readonly score: number;
  /**
   * The factor's share of the weight of the factors that have a value: `wᵢ ÷ Σ w` (present factors).
   * The present factors' weights add up to 1, so a card can show them as percentages.
   */
  readonly weight: number;
  /** `wᵢ·sᵢ ÷ Σ w` = `weight × score`: the points this factor adds; contributions add up to the health. */
  readonly contribution: number;
  /** The weight as the model states it. */
  readonly modelWeight: number;
}

/** A health score with everything that explains it. */
export interface HealthScore {
  /**
   * `Σ wᵢ·sᵢ ÷ Σ wᵢ` over the factors with a value, 0–100, unrounded except for binary-float noise
   * (69.99999999999999 is reported as 70); `null` when none has one (or their weights are all 0).
   */
  readonly score: number | null;
  readonly band: HealthBand | null;
  /** The factors with a value, in model order. */
  readonly factors: readonly HealthFactorScore[];
  /** Keys of the factors without a value, in model order: their weight is left out. */
  readonly missing: readonly string[];
}

/**
 * Scores one subject with a model whose checks have passed.
 *
 * @internal
 */
export function scoreWithCheckedModel<S>(model: HealthModel<S>, subject: S, asOf: DayIndex): HealthScore {
  const present: { key: string; label: string; raw: number; score: number; modelWeight: number }[] = [];
  const missing: string[] = [];
  let weightSum = 0;
  let weighted = 0;
  for (const factor of model.factors) {
    const raw = factor.value(subject, asOf);
    if (raw === undefined) {
      missing.push(factor.key);
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      throw new RangeError(
        `Health factor "${factor.key}" gave ${String(raw)} on ${formatDate(asOf)}: a value must be a finite number or undefined`,
      );
    }
    const score = scaleHealthValue(factor.scale, raw);
    present.push({ key: factor.key, label: factor.label ?? factor.key, raw, score, modelWeight: factor.weight });
    weightSum += factor.weight;
    weighted += factor.weight * score;
  }
  // Σ w·s ÷ Σ w is a weighted mean of scores in [0, 100]; the clamp only removes rounding overshoot
  // (100.00000000000001) so the score never leaves its range.
  // Float noise is removed too (69.99999999999999 → 70), so the score agrees with its band (metrics.md
  // §11) even for a reader that compares it with the edges without rounding.
  const mean = weightSum > 0 ? withoutFloatNoise(weighted / weightSum) : null;
  const score = mean === null ? null : mean < 0 ? 0 : mean > 100 ? 100 : mean;
  const factors = present.map((factor): HealthFactorScore => {
    const weight = weightSum > 0 ? factor.modelWeight / weightSum : 0;
    return { ...factor, weight, contribution: weightSum > 0 ? (factor.modelWeight * factor.score) / weightSum : 0 };
  });
  const band = score === null ? null : healthBandOf(score, model.bands ?? DEFAULT_HEALTH_BANDS);
  return { score, band, factors, missing };
}

/**
 * The health of one subject on `asOf` (metrics.md §6): each factor's raw value is scaled to 0–100,
 * and `health = Σ wᵢ·sᵢ ÷ Σ wᵢ` over the factors that have a value. A factor without a value is listed
 * in `missing` and its weight left out (as Gainsight does with NA), so the others carry the score.
 *
 * Example: NPS 9 → 100 (weight 2), utilisation 0.4 on a 0–0.8 scale → 50 (weight 1), usage missing
 * (weight 1) → (2·100 + 1·50) ÷ 3 = 83.33, green; contributions 66.67 + 16.67.
 *
 * @throws RangeError for an invalid model, or a factor value that is not a finite number.
 */
export function scoreHealth<S>(model: HealthModel<S>, subject: S, asOf: DayIndex): HealthScore {
  checkHealthModel(model);
  return scoreWithCheckedModel(model, subject, asOf);
}
