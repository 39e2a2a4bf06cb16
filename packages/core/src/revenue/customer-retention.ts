import { monthRangeOf } from '../stats/period.js';
import { customerMrr } from './revenue-ledger.js';
import type { RevenueAnalysis } from './analyse-revenue.js';
import { ratio } from './ratio.js';

/** Customer retention over a range of months, with its parts (metrics.md §2). */
export interface CustomerRetention {
  /** S: customers active in the month before the range. */
  readonly start: number;
  /** E: customers active in the last month of the range. */
  readonly end: number;
  /** N: customers active in the last month that were not active in the month before the range. */
  readonly acquired: number;
  /** (E − N) ÷ S: the share of the starting customers still active at the end; `null` when S = 0. */
  readonly rate: number | null;
}

/**
 * Customer retention rate over the months `from` … `to` (`YYYY-MM`, inclusive), for all customers or
 * for one group of the analysis' `groupBy`.
 *
 * A range that starts before the first month of the analysis is computed over the months that exist
 * (metrics.md §11): it starts at the first month, whose month before has no active customer, so S = 0
 * and the rate is `null`; a range that ends before the data has no month at all: zeros and `null`.
 *
 * @throws RangeError for a malformed month, `to` before `from`, a range that ends after the analysis'
 * last month (those months were not computed), or a group the analysis does not have.
 */
export function customerRetentionRate(
  analysis: RevenueAnalysis,
  from: string,
  to: string,
  options: { group?: string | null } = {},
): CustomerRetention {
  const { ledger, groupOf } = analysis.internals;
  const { width, firstMonth } = ledger;
  const [first, last] = monthRangeOf({ from, to });
  const b = last - firstMonth;
  if (b >= width)
    throw new RangeError(
      `Months ${from} … ${to} end after the analysis (${analysis.months[0] ?? '(none)'} … ${analysis.months.at(-1) ?? '(none)'})`,
    );
  const group = groupIndexOf(analysis, options.group);
  // Months before the data do not exist: the range starts at the first one that does.
  const a = Math.max(first - firstMonth, 0);
  if (b < a) return { start: 0, end: 0, acquired: 0, rate: null };
  let start = 0;
  let end = 0;
  let acquired = 0;
  for (let c = 0; c < ledger.customerIds.length; c++) {
    if (group >= 0 && groupOf?.[c] !== group) continue;
    const before = customerMrr(ledger, c, a - 1) > 0;
    const after = customerMrr(ledger, c, b) > 0;
    if (before) start += 1;
    if (after) end += 1;
    if (after && !before) acquired += 1;
  }
  return { start, end, acquired, rate: ratio(end - acquired, start) };
}

/**
 * Index of a group of the analysis, or −1 for "all customers" (`group` undefined).
 *
 * @throws RangeError when the analysis has no such group.
 */
export function groupIndexOf(analysis: RevenueAnalysis, group: string | null | undefined): number {
  if (group === undefined) return -1;
  const index = analysis.groups.findIndex((entry) => entry.key === group);
  if (index < 0) throw new RangeError(`No group ${JSON.stringify(group)} of ${analysis.groupBy ?? '(no groupBy)'}`);
  return index;
}
