import type { RevenueAnalysis } from '../revenue/analyse-revenue.js';
import { customerMrr } from '../revenue/revenue-ledger.js';
import type { MonthIndex } from '../time/month.js';

/**
 * Each customer's month-end MRR as the revenue engine computed it, read through the one accessor
 * the ledger exports (`customerMrr`), so that segments and churn composition do not depend on how the
 * ledger lays out its cells. Movements are derived from consecutive months with the rules of
 * metrics.md §2 (churn: p > 0, q = 0; expansion: 0 < p < q), which need no option of the analysis.
 *
 * @internal
 */
export interface CustomerMonths {
  readonly customerIds: readonly string[];
  /** Month of offset 0. */
  readonly firstMonth: MonthIndex;
  /** Months of the analysis. */
  readonly width: number;
  /** Ticks per minor unit: `mrrTicks ÷ scale` is minor units. */
  readonly scale: number;
  /** Index of a customer id, or −1. */
  indexOf(customerId: string): number;
  /** MRR in ticks of customer `c` at month offset `m` (0 outside the analysis). */
  mrrTicks(c: number, m: number): number;
  /** Whether customer `c` churned in month offset `m`: active in m − 1, not in m. */
  churned(c: number, m: number): boolean;
  /** Whether customer `c` expanded in month offset `m`: active in m − 1 with less MRR than in m. */
  expanded(c: number, m: number): boolean;
}

/** @internal */
export function customerMonthsOf(analysis: RevenueAnalysis): CustomerMonths {
  const ledger = analysis.internals.ledger;
  const { customerIds, firstMonth, width, scale } = ledger;
  const index = new Map<string, number>(customerIds.map((id, c) => [id, c]));
  const mrrTicks = (c: number, m: number): number => (m < 0 || m >= width ? 0 : customerMrr(ledger, c, m));
  return {
    customerIds,
    firstMonth,
    width,
    scale,
    indexOf: (customerId) => index.get(customerId) ?? -1,
    mrrTicks,
    churned: (c, m) => mrrTicks(c, m - 1) > 0 && mrrTicks(c, m) === 0,
    expanded: (c, m) => {
      const p = mrrTicks(c, m - 1);
      return p > 0 && mrrTicks(c, m) > p;
    },
  };
}
