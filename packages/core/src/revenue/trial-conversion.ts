import { NO_END_DAY, type RevenueLedger } from './revenue-ledger.js';
import type { SeriesSums } from './series-sums.js';

/**
 * Whether trial line i converted (metrics.md §2): its customer has a paid line (MRR > 0) starting on
 * or after the trial's start and at most `days` days after the trial's end (its start when open).
 * A paid line starting during the trial converts it too: an early upgrade is a conversion.
 */
export function trialConverted(ledger: RevenueLedger, i: number, days: number): boolean {
  const { customerLineOffsets, customerLines, lineStartDay, lineEndDay, lineTicks } = ledger;
  const c = ledger.lineCustomer[i] as number;
  const start = lineStartDay[i] as number;
  const end = lineEndDay[i] as number;
  const deadline = (end === NO_END_DAY ? start : end) + days;
  for (let k = customerLineOffsets[c] as number; k < (customerLineOffsets[c + 1] as number); k++) {
    const j = customerLines[k] as number;
    const paidStart = lineStartDay[j] as number;
    if ((lineTicks[j] as number) > 0 && paidStart >= start && paidStart <= deadline) return true;
  }
  return false;
}

/** Adds trials started per month (by `start_date`), and those converted, to the sums. */
export function accumulateTrialConversions(ledger: RevenueLedger, sums: SeriesSums, groupOf: Int32Array | undefined, days: number): void {
  const { width, lineTrial, lineStartMonth } = ledger;
  for (let i = 0; i < lineTrial.length; i++) {
    if (lineTrial[i] !== 1) continue;
    const m = lineStartMonth[i] as number;
    if (m < 0 || m >= width) continue;
    const converted = trialConverted(ledger, i, days) ? 1 : 0;
    const c = ledger.lineCustomer[i] as number;
    const slots = groupOf === undefined ? 1 : 2;
    for (let s = 0; s < slots; s++) {
      const at = (s === 0 ? 0 : (groupOf?.[c] ?? -1) + 1) * width + m;
      sums.trialsStarted[at] = (sums.trialsStarted[at] as number) + 1;
      sums.trialsConverted[at] = (sums.trialsConverted[at] as number) + converted;
    }
  }
}
