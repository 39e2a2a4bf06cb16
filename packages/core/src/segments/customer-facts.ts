import { quoteValue } from '../validation/quote-value.js';
import type { CustomerData } from '../health/customer-data.js';
import { defaultHealthAsOf } from '../health/score-customers.js';
import type { Customer } from '../model/customer.js';
import { customerMonthsOf } from '../churn-composition/customer-months.js';
import { percentile } from '../stats/percentile.js';
import { formatDate, parseDate, type DayIndex } from '../time/calendar-date.js';
import { lastDayOfMonth, monthOfDay } from '../time/month.js';

/** The active customers a segmentation compares each customer with. */
export interface SegmentPopulation {
  /** Customers active on `asOf` (MRR > 0). */
  readonly activeCustomers: number;
  /** Median MRR of the active customers (type 7), minor units; `null` with none. */
  readonly medianMrr: number | null;
  /** The `p`-th percentile (0–100, type 7) of the active customers' MRR; `null` with none. */
  mrrPercentile(p: number): number | null;
}

/** What segment rules look at: one active customer on `asOf`. Money in minor units, unrounded. */
export interface CustomerFacts {
  readonly customerId: string;
  readonly customer: Customer | undefined;
  /** The customer's attributes (`{}` without a record). */
  readonly attributes: Readonly<Record<string, string>>;
  /** MRR on `asOf`. */
  readonly mrr: number;
  /**
   * Share of the active customers whose MRR is at least this customer's (itself included): 1 ÷ n for
   * the largest customer alone at the top. Tied customers share one value, so a rule on it never
   * splits a tie.
   */
  readonly mrrShareAtOrAbove: number;
  /** Distinct users in the last `seatWindowDays` (30) days ÷ seats on `asOf`; `null` without usage data or seats. */
  readonly seatUtilisation: number | null;
  /**
   * Months since the latest expansion movement, counted back from the last month whose snapshot is on
   * or before `asOf` (0 = in that month); `null` when the customer never expanded.
   */
  readonly monthsSinceExpansion: number | null;
  readonly population: SegmentPopulation;
}

/** Options of {@link customerFacts}. */
export interface CustomerFactsOptions {
  /** `YYYY-MM-DD` (default: the last day of the latest month in the data). */
  asOf?: string | undefined;
  /** Days of usage counted for seat utilisation (default 30, as metrics.md §5). */
  seatWindowDays?: number | undefined;
}

/**
 * The facts of every customer active on `asOf`, sorted by id, for {@link assignSegments}.
 *
 * `monthsSinceExpansion` reads the revenue engine's movements. Movements are month-end snapshots, so
 * with `asOf` on the last day of a month that month counts; with a mid-month `asOf` the last complete
 * month is the month before (its snapshot is the latest one already known on `asOf`).
 *
 * @throws RangeError for a malformed `asOf` or window.
 */
export function customerFacts(
  data: CustomerData,
  options: CustomerFactsOptions = {},
): { asOf: string; facts: CustomerFacts[] } {
  const asOfText = options.asOf ?? defaultHealthAsOf(data);
  const asOf: DayIndex | undefined = parseDate(asOfText);
  if (asOf === undefined) throw new RangeError(`asOf ${quoteValue(asOfText)} is not a date YYYY-MM-DD`);
  const window = options.seatWindowDays ?? 30;
  if (!Number.isSafeInteger(window) || window < 1)
    throw new RangeError(`seatWindowDays must be a positive integer, got ${window}`);

  const active = data.subjects
    .map((subject) => ({ subject, mrr: subject.mrrOn(asOf) }))
    .filter((entry) => entry.mrr > 0);
  const sorted = Float64Array.from(active, (entry) => entry.mrr).sort();
  const n = sorted.length;
  const population: SegmentPopulation = {
    activeCustomers: n,
    medianMrr: percentile(sorted, 50),
    mrrPercentile: (p) => percentile(sorted, p),
  };
  // Customers with MRR ≥ x = n − (first position holding a value ≥ x).
  const atOrAbove = (mrr: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < mrr) lo = mid + 1;
      else hi = mid;
    }
    return n - lo;
  };

  const months = customerMonthsOf(data.analysis);
  const { width, firstMonth } = months;
  const lastMonth = asOf === lastDayOfMonth(monthOfDay(asOf)) ? monthOfDay(asOf) : monthOfDay(asOf) - 1;

  const facts = active.map(({ subject, mrr }): CustomerFacts => {
    const seats = subject.seatsOn(asOf);
    const seatUtilisation =
      subject.sources.usage && seats > 0 ? subject.activeUsers(asOf - window + 1, asOf) / seats : null;
    let monthsSinceExpansion: number | null = null;
    const c = months.indexOf(subject.customerId);
    // Months after the analysis' last one have no movement: no line changes after the latest date.
    for (let m = Math.min(lastMonth - firstMonth, width - 1); c >= 0 && m >= 0; m--) {
      if (months.expanded(c, m)) {
        monthsSinceExpansion = lastMonth - firstMonth - m;
        break;
      }
    }
    return {
      customerId: subject.customerId,
      customer: subject.customer,
      attributes: subject.customer?.attributes ?? {},
      mrr,
      mrrShareAtOrAbove: atOrAbove(mrr) / n,
      seatUtilisation,
      monthsSinceExpansion,
      population,
    };
  });
  return { asOf: formatDate(asOf), facts };
}
