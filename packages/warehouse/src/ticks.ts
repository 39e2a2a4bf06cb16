import { BILLING_INTERVALS, monthlyFactor, type BillingInterval } from '@cskit/core';

/**
 * The SQL counts money in *ticks*, integers, so that sums are exact in every engine and ties of
 * half a cent stay ties (metrics.md §0 rounds half-to-even once, from unrounded sums). A line's
 * normalised MRR is amount × quantity × factor ÷ interval_count with factor 1, 1/3, 1/12, 13/3 or
 * 365/12 (metrics.md §1): in twelfths of a minor unit that is an integer ÷ interval_count, and
 * 27720 = lcm(1 … 12) makes it an integer for every interval_count from 1 to 12 (and 14, 15, 18, 20,
 * 21, 22, 24, 28, 30, 33, 35, 36, …, every divisor of 27720).
 */
export const COUNT_MULTIPLE = 27_720;

/** Ticks per minor unit of the reporting currency: 12 × {@link COUNT_MULTIPLE}. */
export const TICKS_PER_MINOR = 12 * COUNT_MULTIPLE;

/**
 * Twelfths of a month's price per billing interval, from `@cskit/core`'s factors: a monthly price is
 * 12 twelfths, a quarterly one 4, yearly 1, weekly 52 (× 13/3), daily 365 (× 365/12).
 */
export const TWELFTHS_PER_INTERVAL: ReadonlyMap<BillingInterval, number> = new Map(
  BILLING_INTERVALS.map((interval) => {
    const { numerator, denominator } = monthlyFactor(interval, 1);
    return [interval, (12 * numerator) / denominator];
  }),
);
