import { quoteValue } from '../validation/quote-value.js';
import type { ChurnReason } from '../model/churn-reason.js';
import type { Customer } from '../model/customer.js';
import type { RevenueAnalysis } from '../revenue/analyse-revenue.js';
import { attributeValues, compareGroupKeys } from '../stats/group-by-attribute.js';
import { ratio } from '../stats/mean.js';
import { median } from '../stats/percentile.js';
import { monthRangeOf, type MonthRange } from '../stats/period.js';
import { parseDate } from '../time/calendar-date.js';
import { formatMonth, lastDayOfMonth } from '../time/month.js';
import { customerMonthsOf } from './customer-months.js';

/** One churn: a customer active in month M − 1 and not in M. Money in minor units, unrounded. */
export interface ChurnEvent {
  readonly customerId: string;
  /** The churn month M, `YYYY-MM`. */
  readonly month: string;
  /** MRR lost: the customer's MRR in M − 1. */
  readonly mrr: number;
  /** Months the customer was active (MRR > 0) before M, over its whole history. */
  readonly tenureMonths: number;
  /** The matched churn reason, or `null` when none matched. */
  readonly reason: string | null;
  /** The matched reason record's `voluntary`, `null` when unknown or unmatched. */
  readonly voluntary: boolean | null;
  /** The value of `groupBy` for this customer (`null` without one); `null` when not grouping. */
  readonly group: string | null;
}

/** The churns of one group, and its share of all churns in the period. */
export interface ChurnGroup {
  /** The attribute value or reason; `null` for customers without one (listed last). */
  readonly key: string | null;
  /** Churns (customers) in the group. */
  readonly customers: number;
  /** Churned MRR in the group, minor units. */
  readonly mrr: number;
  /** `customers ÷` all churns; `null` when there are none. */
  readonly customerShare: number | null;
  /** `mrr ÷` all churned MRR; `null` when it is 0. */
  readonly mrrShare: number | null;
  /** Median `tenureMonths` of the group's churns (type 7). */
  readonly medianTenureMonths: number | null;
}

/** Options of {@link churnComposition}. */
export interface ChurnCompositionOptions extends MonthRange {
  /** Customer records, for `groupBy`. */
  customers?: readonly Customer[] | undefined;
  /** A customer attribute (`industry`, `size`, `segment` with `withSegments` …, or `name`). */
  groupBy?: string | undefined;
  /** Why customers left; each churn takes at most one (see {@link churnComposition}). */
  churnReasons?: readonly ChurnReason[] | undefined;
}

/** Who churned in a period, taken apart by an attribute and by reason. */
export interface ChurnComposition {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  /** Churns in the period: the sum of the months' churned customers. */
  readonly customers: number;
  /** Churned MRR in the period: the sum of the months' churn movements, minor units. */
  readonly mrr: number;
  readonly medianTenureMonths: number | null;
  /** Every churn, by month then customer id. */
  readonly churns: readonly ChurnEvent[];
  readonly groupBy: string | undefined;
  /** Per value of `groupBy`, sorted, `null` last; empty without `groupBy`. */
  readonly groups: readonly ChurnGroup[];
  /** Per churn reason, sorted, `null` ("unknown") last. */
  readonly reasons: readonly ChurnGroup[];
}

function groupChurns(
  churns: readonly ChurnEvent[],
  keyOf: (churn: ChurnEvent) => string | null,
  ticksOf: ReadonlyMap<ChurnEvent, number>,
  scale: number,
  totalCustomers: number,
  totalMrr: number,
): ChurnGroup[] {
  const groups = new Map<string | null, ChurnEvent[]>();
  for (const churn of churns) {
    const key = keyOf(churn);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = []));
    group.push(churn);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareGroupKeys(a, b))
    .map(([key, group]) => {
      // Sums in ticks (exact integers without FX), divided once, as the revenue engine's totals are.
      const mrr = group.reduce((sum, churn) => sum + (ticksOf.get(churn) as number), 0) / scale;
      return {
        key,
        customers: group.length,
        mrr,
        customerShare: ratio(group.length, totalCustomers),
        mrrShare: ratio(mrr, totalMrr),
        medianTenureMonths: median(Float64Array.from(group, (churn) => churn.tenureMonths).sort()),
      };
    });
}

/**
 * Churn composition over a range of months (metrics.md §8): the churns of the revenue engine (a
 * customer active in M − 1 and not in M) in months `from` … `to`, grouped by a customer attribute and
 * by churn reason, with each group's share of the churned customers and MRR and its median tenure.
 * Answers "our 8 % churn is 40 small accounts and 4 large ones — which industry, which reason, which
 * tenure?".
 *
 * - A customer who churns twice in the period counts twice (once per churn), so the totals equal the
 *   sum of the months' churn movements.
 * - Tenure is the number of months the customer was active before its churn month, over its whole
 *   history (months of an earlier stint count too).
 * - Reasons: a churn in month M takes the customer's latest reason dated on or before the last day of
 *   M + 1 (a reason recorded in the weeks after the end counts) and after the last day of the month
 *   after the customer's previous churn (a reason never serves two churns). Reasons are often
 *   recorded when notice is given, months before an annual plan ends, so there is no lower bound
 *   otherwise. A churn without a matching reason is in the `null` group (shown as "unknown").
 *
 * A range that starts before the data covers the months that exist; one wholly before it has no churn.
 *
 * @throws RangeError for a malformed range, a range that ends after the analysis, or a malformed reason date.
 */
export function churnComposition(analysis: RevenueAnalysis, options: ChurnCompositionOptions): ChurnComposition {
  const [first, last] = monthRangeOf(options);
  const months = customerMonthsOf(analysis);
  const { width, firstMonth, scale, customerIds } = months;
  // Months before the data do not exist (metrics.md §11): the range starts at the first that does,
  // and a range wholly before the data has no churn.
  const a = Math.max(first - firstMonth, 0);
  const b = last - firstMonth;
  if (!(b < width)) {
    throw new RangeError(
      `Months ${options.from} … ${options.to} end after the analysis (${analysis.months[0] ?? '(none)'} … ${analysis.months.at(-1) ?? '(none)'})`,
    );
  }

  const reasonsOf = new Map<string, { day: number; sequence: number; reason: ChurnReason }[]>();
  for (const [i, reason] of (options.churnReasons ?? []).entries()) {
    const day = parseDate(reason.date);
    if (day === undefined)
      throw new RangeError(
        `Churn reason ${reason.row === undefined ? i : `in row ${reason.row}`}: date ${quoteValue(reason.date)} is not YYYY-MM-DD`,
      );
    let list = reasonsOf.get(reason.customerId);
    if (list === undefined) reasonsOf.set(reason.customerId, (list = []));
    list.push({ day, sequence: reason.row ?? i, reason });
  }
  for (const list of reasonsOf.values()) list.sort((x, y) => x.day - y.day || x.sequence - y.sequence);

  const groupBy = options.groupBy;
  const valueOf = groupBy === undefined ? new Map<string, string>() : attributeValues(options.customers ?? [], groupBy);

  const churns: ChurnEvent[] = [];
  const ticksOf = new Map<ChurnEvent, number>();
  for (let c = 0; c < customerIds.length; c++) {
    const customerId = customerIds[c] as string;
    const reasons = reasonsOf.get(customerId) ?? [];
    let activeMonths = 0;
    // Reasons dated after this day are still free for a later churn.
    let usedUpTo = Number.NEGATIVE_INFINITY;
    for (let m = 0; m <= b; m++) {
      if (months.churned(c, m)) {
        const windowEnd = lastDayOfMonth(firstMonth + m + 1);
        if (m >= a) {
          let match: ChurnReason | undefined;
          for (let k = reasons.length - 1; k >= 0; k--) {
            const entry = reasons[k] as (typeof reasons)[number];
            if (entry.day <= windowEnd) {
              if (entry.day > usedUpTo) match = entry.reason;
              break;
            }
          }
          const ticks = months.mrrTicks(c, m - 1);
          const churn: ChurnEvent = {
            customerId,
            month: formatMonth(firstMonth + m),
            mrr: ticks / scale,
            tenureMonths: activeMonths,
            reason: match?.reason ?? null,
            voluntary: match?.voluntary ?? null,
            group: groupBy === undefined ? null : (valueOf.get(customerId) ?? null),
          };
          churns.push(churn);
          ticksOf.set(churn, ticks);
        }
        usedUpTo = windowEnd;
      }
      if (months.mrrTicks(c, m) > 0) activeMonths++;
    }
  }
  churns.sort((x, y) =>
    x.month < y.month
      ? -1
      : x.month > y.month
        ? 1
        : x.customerId < y.customerId
          ? -1
          : x.customerId > y.customerId
            ? 1
            : 0,
  );

  const customers = churns.length;
  const mrr = churns.reduce((sum, churn) => sum + (ticksOf.get(churn) as number), 0) / scale;
  return {
    from: options.from,
    to: options.to,
    currency: analysis.currency,
    customers,
    mrr,
    medianTenureMonths: median(Float64Array.from(churns, (churn) => churn.tenureMonths).sort()),
    churns,
    groupBy,
    groups: groupBy === undefined ? [] : groupChurns(churns, (churn) => churn.group, ticksOf, scale, customers, mrr),
    reasons: groupChurns(churns, (churn) => churn.reason, ticksOf, scale, customers, mrr),
  };
}
