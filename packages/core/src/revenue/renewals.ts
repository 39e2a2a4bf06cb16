import { monthIndexOfDateText } from '../time/calendar-date.js';
import { customerMrr, type RevenueLedger } from './revenue-ledger.js';
import { addForCustomer, type SeriesSums } from './series-sums.js';

/**
 * The month line i is up for renewal in (metrics.md §2): the month of the `end_date` of a paid line
 * whose billing period is longer than a month (quarterly, yearly, every 2+ months …). It is renewed
 * when its customer is active in that month.
 *
 * @returns the month offset, or −1 when the line is not up for renewal within the computed months.
 */
export function renewalMonthOf(ledger: RevenueLedger, i: number): number {
  if (ledger.lineRenewable[i] !== 1) return -1;
  // Only renewable lines need their end month, so it is read from the line rather than stored.
  const endDate = ledger.lines[i]?.endDate ?? '';
  const m = monthIndexOfDateText(endDate) - ledger.firstMonth;
  return m >= 0 && m < ledger.width ? m : -1;
}

/** Adds the lines up for renewal, and those renewed, to the sums. */
export function accumulateRenewals(ledger: RevenueLedger, sums: SeriesSums, groupOf: Int32Array | undefined): void {
  const { width, lineCustomer } = ledger;
  for (let i = 0; i < lineCustomer.length; i++) {
    const m = renewalMonthOf(ledger, i);
    if (m < 0) continue;
    const c = lineCustomer[i] as number;
    addForCustomer(sums.renewalsDue, width, m, 1, c, groupOf);
    if (customerMrr(ledger, c, m) > 0) addForCustomer(sums.renewed, width, m, 1, c, groupOf);
  }
}
