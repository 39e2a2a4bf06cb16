import { reachesThreshold, withinThreshold } from '../stats/threshold-comparison.js';
import type { CustomerFacts } from './customer-facts.js';

/** A segment and the condition of its customers; in a list, the first rule that matches wins. */
export interface SegmentRule {
  readonly segment: string;
  readonly when: (facts: CustomerFacts) => boolean;
}

/** Thresholds of the default rules (metrics.md §7). */
export interface SegmentThresholds {
  /** `vip`: the customer and everyone with at least its MRR are at most this share of active customers (default 0.1). */
  vipShare?: number | undefined;
  /** `potential`: seat utilisation at or above this (default 0.8). */
  potentialUtilisation?: number | undefined;
  /** `potential`: an expansion within this many months, the latest complete one included (default 3). */
  expansionMonths?: number | undefined;
  /** `core`: MRR at or above this percentile of active customers' MRR (default 50, the median). */
  corePercentile?: number | undefined;
}

/** The default segments, in rule order. */
export const DEFAULT_SEGMENTS: readonly string[] = ['vip', 'potential', 'core', 'secondary'];

/**
 * The default segmentation of metrics.md §7, first match wins:
 *
 * 1. `vip` — MRR in the top 10 %: the customer, with every customer whose MRR is at least its own,
 *    makes up at most 10 % of the active customers (`mrrShareAtOrAbove ≤ vipShare`). Ties are never
 *    split, so the top 10 % can hold fewer than 10 % of customers, never more; with fewer than 10 active
 *    customers nobody is vip (no customer fits in 10 % of them).
 * 2. `potential` — seat utilisation ≥ 80 %, or an expansion in the last 3 months (and not vip, which
 *    the rule order ensures).
 * 3. `core` — MRR at or above the median of active customers.
 * 4. `secondary` — the rest.
 *
 * Shares and utilisation meet their thresholds rounded to 6 decimal places (metrics.md §11); MRR is
 * compared exactly (it is money, and its percentile is interpolated between customers' own MRRs).
 *
 * @throws RangeError for a threshold out of range.
 */
export function defaultSegmentRules(thresholds: SegmentThresholds = {}): SegmentRule[] {
  const vipShare = thresholds.vipShare ?? 0.1;
  const utilisation = thresholds.potentialUtilisation ?? 0.8;
  const months = thresholds.expansionMonths ?? 3;
  const corePercentile = thresholds.corePercentile ?? 50;
  if (!(vipShare >= 0 && vipShare <= 1)) throw new RangeError(`vipShare must be from 0 to 1, got ${vipShare}`);
  if (!(utilisation >= 0 && Number.isFinite(utilisation)))
    throw new RangeError(`potentialUtilisation must be a non-negative number, got ${utilisation}`);
  if (!Number.isSafeInteger(months) || months < 0)
    throw new RangeError(`expansionMonths must be a non-negative integer, got ${months}`);
  if (!(corePercentile >= 0 && corePercentile <= 100))
    throw new RangeError(`corePercentile must be from 0 to 100, got ${corePercentile}`);
  return [
    { segment: 'vip', when: (f) => withinThreshold(f.mrrShareAtOrAbove, vipShare) },
    {
      segment: 'potential',
      when: (f) =>
        (f.seatUtilisation !== null && reachesThreshold(f.seatUtilisation, utilisation)) ||
        (f.monthsSinceExpansion !== null && f.monthsSinceExpansion < months),
    },
    {
      segment: 'core',
      when: (f) => {
        const threshold = f.population.mrrPercentile(corePercentile);
        return threshold !== null && f.mrr >= threshold;
      },
    },
    { segment: 'secondary', when: () => true },
  ];
}

/**
 * Each customer's segment: the `segment` of the first rule whose `when` holds, or `null` when none
 * does (a custom list without a catch-all rule).
 *
 * @returns a map from customer id to segment, in the order of `facts`.
 */
export function assignSegments(
  facts: readonly CustomerFacts[],
  rules: readonly SegmentRule[] = defaultSegmentRules(),
): Map<string, string | null> {
  const segments = new Map<string, string | null>();
  for (const fact of facts) {
    let segment: string | null = null;
    for (const rule of rules) {
      if (rule.when(fact)) {
        segment = rule.segment;
        break;
      }
    }
    segments.set(fact.customerId, segment);
  }
  return segments;
}
