import type { BillingInterval, SubscriptionLine } from '../model/subscription-line.js';

/**
 * The factor turning a price per billing period into a monthly amount, as the exact fraction
 * `numerator / denominator` (metrics.md §1): a period of `count` intervals lasts `count` months
 * (month), `3·count` (quarter), `12·count` (year), `12·count/52` (week) or `12·count/365` (day).
 */
export interface MonthlyFactor {
  readonly numerator: number;
  readonly denominator: number;
}

/** The monthly factor of one interval of each kind (`interval_count` = 1). */
export const MONTHLY_FACTORS: Readonly<Record<BillingInterval, MonthlyFactor>> = {
  month: { numerator: 1, denominator: 1 },
  quarter: { numerator: 1, denominator: 3 },
  year: { numerator: 1, denominator: 12 },
  // 52 weeks are 12 months: a weekly price × 52/12 = × 13/3.
  week: { numerator: 13, denominator: 3 },
  day: { numerator: 365, denominator: 12 },
};

/** The monthly factor of `count` intervals (see {@link MonthlyFactor}). */
export function monthlyFactor(interval: BillingInterval, count: number): MonthlyFactor {
  const { numerator, denominator } = MONTHLY_FACTORS[interval];
  return { numerator, denominator: denominator * count };
}

/**
 * Normalised MRR of a line in minor units of its own currency, unrounded (metrics.md §1):
 * amount × quantity ÷ months in the billing period; 0 for a trial. A yearly 99.00 USD line is
 * 9900 ÷ 12 = 825 cents.
 */
export function normalisedMrrMinor(line: SubscriptionLine): number {
  if (line.isTrial) return 0;
  const { numerator, denominator } = monthlyFactor(line.interval, line.intervalCount);
  return (line.amountMinor * line.quantity * numerator) / denominator;
}
