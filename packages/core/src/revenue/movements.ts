import type { RevenueLedger } from './revenue-ledger.js';
import type { SeriesSums } from './series-sums.js';

/** The five MRR movements of metrics.md §2. */
export type MovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

/** The movements in the order of the report. */
export const MOVEMENT_KINDS: readonly MovementKind[] = ['new', 'expansion', 'contraction', 'churn', 'reactivation'];

/** Movement codes stored per customer-month (0 = no movement). */
export const MOVEMENT_CODES: Readonly<Record<MovementKind, number>> = {
  new: 1,
  expansion: 2,
  contraction: 3,
  churn: 4,
  reactivation: 5,
};
const NEW = 1,
  EXPANSION = 2,
  CONTRACTION = 3,
  CHURN = 4,
  REACTIVATION = 5;

function addCell(
  sums: SeriesSums,
  slot: number,
  m: number,
  q: number,
  p: number,
  code: number,
  q12: number,
  cohort: number,
): void {
  const width = sums.width;
  const i = slot * width + m;
  if (q > 0) {
    sums.mrr[i] = (sums.mrr[i] as number) + q;
    sums.customers[i] = (sums.customers[i] as number) + 1;
  }
  if (code !== 0) {
    const amount =
      code === NEW || code === REACTIVATION ? q : code === EXPANSION ? q - p : code === CONTRACTION ? p - q : p;
    const mrr = sums.movementMrr[code - 1] as Float64Array;
    const customers = sums.movementCustomers[code - 1] as Float64Array;
    mrr[i] = (mrr[i] as number) + amount;
    customers[i] = (customers[i] as number) + 1;
    if (code === NEW && cohort === m)
      sums.cohortCustomers[slot * width + m] = (sums.cohortCustomers[slot * width + m] as number) + 1;
  }
  if (q12 > 0) {
    sums.nrr12[i] = (sums.nrr12[i] as number) + q;
    sums.grr12[i] = (sums.grr12[i] as number) + (q < q12 ? q : q12);
  }
  if (cohort >= 0 && q > 0) {
    const cell = (slot * width + cohort) * width + (m - cohort);
    sums.cohortActive[cell] = (sums.cohortActive[cell] as number) + 1;
    sums.cohortMrr[cell] = (sums.cohortMrr[cell] as number) + q;
  }
}

/**
 * The one pass over customers: classifies each customer-month (metrics.md §2, movements netted per
 * customer because they compare the customer's month totals) and adds it to the sums of slot 0 and,
 * when grouping, of the customer's group. Retention (nrr12/grr12) and cohort sums ride along, as they
 * need the same walk through each customer's months.
 *
 * @returns the movement code of every stored customer-month, laid out like `ledger.grid`.
 */
export function accumulateCustomerMonths(
  ledger: RevenueLedger,
  sums: SeriesSums,
  groupOf: Int32Array | undefined,
  reactivationWindowMonths: number,
): Uint8Array {
  const { grid, width, customerStart, customerCells } = ledger;
  const customers = ledger.customerIds.length;
  const codes = new Uint8Array(grid.length);
  for (let c = 0; c < customers; c++) {
    const start = customerStart[c] as number;
    // Cell of month offset m is base + m; a customer's stored months begin with its first active one.
    const base = (customerCells[c] as number) - start;
    const groupSlot = groupOf === undefined ? 0 : (groupOf[c] as number) + 1;
    let p = 0;
    let lastActive = -1;
    const cohort = start;
    for (let m = start; m < width; m++) {
      const q = grid[base + m] as number;
      // After a customer leaves, its months add nothing anywhere.
      if (q === 0 && p === 0) continue;
      let code = 0;
      if (q > 0) {
        if (p === 0) {
          // The gap is the number of inactive months between the last active month and M.
          code = lastActive < 0 || m - lastActive - 1 > reactivationWindowMonths ? NEW : REACTIVATION;
        } else if (q > p) code = EXPANSION;
        else if (q < p) code = CONTRACTION;
        lastActive = m;
      } else code = CHURN;
      codes[base + m] = code;
      const q12 = m - 12 >= start ? (grid[base + m - 12] as number) : 0;
      addCell(sums, 0, m, q, p, code, q12, cohort);
      if (groupSlot > 0) addCell(sums, groupSlot, m, q, p, code, q12, cohort);
      p = q;
    }
  }
  return codes;
}
