import { quoteValue } from '../validation/quote-value.js';
import type { UsageEvent } from '../model/usage-event.js';
import { median, percentile } from '../stats/percentile.js';
import { formatDate, parseDate } from '../time/calendar-date.js';
import { firstDayOfMonth, parseMonth } from '../time/month.js';
import { customerEntries, type PerCustomer } from './customer-values.js';

/** Options of {@link timeToFirstValue}. */
export interface TimeToFirstValueOptions {
  /** The event name that marks first value (`report_exported`, `first_invoice_sent` …). */
  firstValueEvent: string;
  /**
   * Each customer's first active month, `YYYY-MM` (its cohort, from the revenue engine). Only these
   * customers are reported.
   */
  firstActiveMonths: PerCustomer<string>;
}

/** Time to first value of one customer. */
export interface CustomerTimeToFirstValue {
  customerId: string;
  firstActiveMonth: string;
  /** Date of the customer's first `firstValueEvent`, `YYYY-MM-DD`; `null` when it never happened. */
  firstValueDate: string | null;
  /**
   * Days from the first day of `firstActiveMonth` to `firstValueDate`; `null` when not reached.
   * Negative when value came before the first paid month (in a trial, for instance): kept as is
   * rather than clamped, so the number stays explainable.
   */
  days: number | null;
}

/** Time to first value of every customer, and its distribution. */
export interface TimeToFirstValueResult {
  /** One entry per customer of `firstActiveMonths`, sorted by id. */
  customers: CustomerTimeToFirstValue[];
  /** Customers with a first-value event. */
  reached: number;
  /** Customers without one. */
  notReached: number;
  /** Median of `days` over the customers that reached first value (type 7); `null` when none did. */
  medianDays: number | null;
  /** 90th percentile of `days` likewise. */
  p90Days: number | null;
}

/**
 * Time to first value (metrics.md §5): days from the start of a customer's first active month to its
 * first event named `firstValueEvent`.
 *
 * Example: first active month 2024-03, first `report_exported` on 2024-03-15 → 14 days (15 − 1).
 *
 * @throws RangeError for a malformed month in `firstActiveMonths` or a malformed event date.
 */
export function timeToFirstValue(
  events: readonly UsageEvent[],
  options: TimeToFirstValueOptions,
): TimeToFirstValueResult {
  const entries = customerEntries(options.firstActiveMonths);
  const firstValue = new Map<string, number>();
  for (const [customerId] of entries) firstValue.set(customerId, Number.POSITIVE_INFINITY);
  for (const event of events) {
    if (event.name !== options.firstValueEvent) continue;
    const earliest = firstValue.get(event.customerId);
    if (earliest === undefined) continue;
    const day = parseDate(event.date);
    if (day === undefined)
      throw new RangeError(
        `Usage event${event.row === undefined ? '' : ` in row ${event.row}`}: date ${quoteValue(event.date)} is not YYYY-MM-DD`,
      );
    if (day < earliest) firstValue.set(event.customerId, day);
  }
  const reachedDays: number[] = [];
  const customers = entries.map(([customerId, firstActiveMonth]): CustomerTimeToFirstValue => {
    const month = parseMonth(firstActiveMonth);
    if (month === undefined)
      throw new RangeError(
        `First active month of customer ${customerId} ${quoteValue(firstActiveMonth)} is not YYYY-MM`,
      );
    const day = firstValue.get(customerId) ?? Number.POSITIVE_INFINITY;
    if (day === Number.POSITIVE_INFINITY) return { customerId, firstActiveMonth, firstValueDate: null, days: null };
    const days = day - firstDayOfMonth(month);
    reachedDays.push(days);
    return { customerId, firstActiveMonth, firstValueDate: formatDate(day), days };
  });
  const sorted = Float64Array.from(reachedDays).sort();
  return {
    customers,
    reached: sorted.length,
    notReached: customers.length - sorted.length,
    medianDays: median(sorted),
    p90Days: percentile(sorted, 90),
  };
}
