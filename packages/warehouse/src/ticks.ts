import { BILLING_INTERVALS, monthlyFactor, type BillingInterval, type MonthlyFactor } from '@cskit/core';

/**
 * The SQL counts money in *ticks* exactly as `@cskit/core`'s revenue ledger does, so that every
 * engine performs the very same binary-float operations as the JS engine: 1 minor unit of the
 * reporting currency is `scale` ticks, where `scale` is the least common multiple of every paying
 * line's monthly-factor denominator (interval base × interval_count) when that is at most
 * {@link MAX_SCALE}, else 12; and 1 when even that would let a sum pass 2^53. A line's ticks are
 * `amount × quantity × numerator × (scale ÷ denominator)`, times `rate × 10^(exponent shift)` when
 * converted: integers (held exactly in doubles) unless the scale fell back or a rate is a decimal.
 */
export const MAX_SCALE = 1 << 21;

/** The scale when the least common multiple is above {@link MAX_SCALE} (the ledger's fallback). */
export const FALLBACK_SCALE = 12;

/** The monthly factor of one interval of each kind, from `@cskit/core` (metrics.md §1). */
export const FACTOR_PER_INTERVAL: ReadonlyMap<BillingInterval, MonthlyFactor> = new Map(
  BILLING_INTERVALS.map((interval) => [interval, monthlyFactor(interval, 1)]),
);
