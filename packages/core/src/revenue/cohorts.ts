import { formatMonth } from '../time/month.js';
import type { SeriesSums } from './series-sums.js';

/** The customers whose first active month is `cohort`, followed month by month (metrics.md §2). */
export interface RevenueCohort {
  readonly cohort: string;
  readonly customers: number;
  /** Σ MRR of the cohort's customers in the cohort month, minor units unrounded. */
  readonly mrr: number;
  /** Index = age k in months: share of the cohort's customers active in K+k (element 0 is 1). */
  readonly logoRetention: readonly number[];
  /** Σ MRR_c(K+k) ÷ Σ MRR_c(K) over the cohort's customers; can exceed 1. */
  readonly revenueRetention: readonly number[];
}

/** The cohorts of slot `slot` of the sums, with ages up to the last month computed. */
export function cohortsOf(sums: SeriesSums, slot: number, firstMonth: number, scale: number): RevenueCohort[] {
  const { width } = sums;
  const cohorts: RevenueCohort[] = [];
  for (let k = 0; k < width; k++) {
    const customers = sums.cohortCustomers[slot * width + k] as number;
    if (customers === 0) continue;
    const row = (slot * width + k) * width;
    const startMrr = sums.cohortMrr[row] as number;
    const logoRetention: number[] = [];
    const revenueRetention: number[] = [];
    for (let age = 0; age < width - k; age++) {
      logoRetention.push((sums.cohortActive[row + age] as number) / customers);
      // Every customer of a cohort is active in its first month, so startMrr > 0.
      revenueRetention.push((sums.cohortMrr[row + age] as number) / startMrr);
    }
    cohorts.push({
      cohort: formatMonth(firstMonth + k),
      customers,
      mrr: startMrr / scale,
      logoRetention,
      revenueRetention,
    });
  }
  return cohorts;
}
