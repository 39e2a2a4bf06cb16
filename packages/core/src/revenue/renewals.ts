import { NO_END_MONTH, type RevenueLedger } from './revenue-ledger.js';
import type { SeriesSums } from './series-sums.js';

/**
 * Whether line i is up for renewal in the month of its `end_date` (metrics.md §2): a paid line whose
 * billing period is longer than a month (quarterly, yearly, every 2+ months …) and that has an end.
 * It is renewed when its customer is active in that month.
 *
 * @returns the month offset it is up for renewal in, or −1.
 */
export function renewalMonthOf(ledger: RevenueLedger, i: number): number {
  const m = ledger.lineEndMonth[i] as number;
  if (ledger.lineRenewable[i] !== 1 || m === NO_END_MONTH) return -1;
  return m >= 0 && m < ledger.width ? m : -1;
}

/** Adds the lines up for renewal, and those renewed, to the sums. */
export function accumulateRenewals(ledger: RevenueLedger, sums: SeriesSums, groupOf: Int32Array | undefined): void {
  const { width, grid, lineCustomer } = ledger;
  for (let i = 0; i < ledger.lines.length; i++) {
    const m = renewalMonthOf(ledger, i);
    if (m < 0) continue;
    const c = lineCustomer[i] as number;
    const renewed = (grid[c * width + m] as number) > 0 ? 1 : 0;
    const slots = groupOf === undefined ? 1 : 2;
    for (let s = 0; s < slots; s++) {
      const at = (s === 0 ? 0 : (groupOf?.[c] ?? -1) + 1) * width + m;
      sums.renewalsDue[at] = (sums.renewalsDue[at] as number) + 1;
      sums.renewed[at] = (sums.renewed[at] as number) + renewed;
    }
  }
}
