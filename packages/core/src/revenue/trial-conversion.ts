import type { SubscriptionLine } from '../model/subscription-line.js';
import { monthIndexOfDateText, parseDate } from '../time/calendar-date.js';
import { customerLines } from './customer-lines.js';
import type { RevenueLedger } from './revenue-ledger.js';
import { addForCustomer, type SeriesSums } from './series-sums.js';

/**
 * Whether trial line i converted (metrics.md §2, §11): its customer has a paid line (MRR > 0) with a
 * positive length (its end after its start, or open) starting on or after the trial's start and at
 * most `days` days after the trial's end (its start when open). A paid line starting during the trial
 * converts it too: an early upgrade is a conversion. A paid line that ends on its start date never
 * bills, so it converts nothing.
 */
export function trialConverted(ledger: RevenueLedger, i: number, days: number): boolean {
  const { offsets, index, ticks } = customerLines(ledger);
  const c = ledger.lineCustomer[i] as number;
  const trial = ledger.lines[i] as SubscriptionLine;
  // Trials are few: their customers' dates are read from the lines rather than stored for every line.
  const start = parseDate(trial.startDate) ?? 0;
  const deadline = (parseDate(trial.endDate ?? trial.startDate) ?? 0) + days;
  for (let k = offsets[c] as number; k < (offsets[c + 1] as number); k++) {
    if ((ticks[k] as number) === 0) continue;
    const paid = ledger.lines[index[k] as number] as SubscriptionLine;
    const paidStart = parseDate(paid.startDate) ?? 0;
    if (paid.endDate !== undefined && (parseDate(paid.endDate) ?? 0) <= paidStart) continue;
    if (paidStart >= start && paidStart <= deadline) return true;
  }
  return false;
}

/** Adds trials started per month (by `start_date`), and those converted, to the sums. */
export function accumulateTrialConversions(
  ledger: RevenueLedger,
  sums: SeriesSums,
  groupOf: Int32Array | undefined,
  days: number,
): void {
  const { width, lineTrial } = ledger;
  for (let i = 0; i < lineTrial.length; i++) {
    if (lineTrial[i] !== 1) continue;
    const m = monthIndexOfDateText((ledger.lines[i] as SubscriptionLine).startDate) - ledger.firstMonth;
    if (m < 0 || m >= width) continue;
    const c = ledger.lineCustomer[i] as number;
    addForCustomer(sums.trialsStarted, width, m, 1, c, groupOf);
    if (trialConverted(ledger, i, days)) addForCustomer(sums.trialsConverted, width, m, 1, c, groupOf);
  }
}
