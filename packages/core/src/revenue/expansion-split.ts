import { MOVEMENT_CODES } from './movements.js';
import { customerLines } from './customer-lines.js';
import { customerMrr, type RevenueLedger } from './revenue-ledger.js';
import { addForCustomer, type SeriesSums } from './series-sums.js';

/** Upsell and cross-sell of one expanding customer-month, in ticks. */
export interface ExpansionSplit {
  readonly upsell: number;
  readonly crossSell: number;
}

/**
 * Splits customer c's expansion in month offset m by product (metrics.md §2): MRR on products the
 * customer did not have in M−1 is cross-sell, the rest of the expansion is upsell.
 *
 * The net change on the products it had plus the MRR of new products is exactly the expansion, so
 * flooring each part at 0 and scaling them to the expansion reduces to capping cross-sell at the
 * expansion. `scratch` holds one slot per product, zero on entry and on return.
 */
export function splitExpansion(ledger: RevenueLedger, c: number, m: number, scratch: Float64Array): ExpansionSplit {
  const { offsets, from: lineFrom, to: lineTo, ticks: lineTicks, product: lineProduct } = customerLines(ledger);
  const start = offsets[c] as number;
  const end = offsets[c + 1] as number;
  // Pass 1: MRR per product in M−1; pass 2: MRR in M of the products absent in M−1.
  for (let k = start; k < end; k++) {
    if ((lineFrom[k] as number) <= m - 1 && m - 1 < (lineTo[k] as number)) {
      const product = lineProduct[k] as number;
      scratch[product] = (scratch[product] as number) + (lineTicks[k] as number);
    }
  }
  let crossSell = 0;
  for (let k = start; k < end; k++) {
    if ((lineFrom[k] as number) <= m && m < (lineTo[k] as number) && scratch[lineProduct[k] as number] === 0)
      crossSell += lineTicks[k] as number;
  }
  for (let k = start; k < end; k++) scratch[lineProduct[k] as number] = 0;
  const expansion = customerMrr(ledger, c, m) - customerMrr(ledger, c, m - 1);
  if (crossSell > expansion) crossSell = expansion;
  return { upsell: expansion - crossSell, crossSell };
}

/** Adds upsell and cross-sell of every expanding customer-month to the sums. */
export function accumulateExpansionSplits(
  ledger: RevenueLedger,
  codes: Uint8Array,
  sums: SeriesSums,
  groupOf: Int32Array | undefined,
): void {
  const { width, customerStart, customerCells } = ledger;
  const scratch = new Float64Array(ledger.products.length);
  const expansion = MOVEMENT_CODES.expansion;
  for (let c = 0; c < customerStart.length; c++) {
    const base = (customerCells[c] as number) - (customerStart[c] as number);
    for (let m = customerStart[c] as number; m < width; m++) {
      if (codes[base + m] !== expansion) continue;
      const { upsell, crossSell } = splitExpansion(ledger, c, m, scratch);
      if (upsell > 0) {
        addForCustomer(sums.upsellMrr, width, m, upsell, c, groupOf);
        addForCustomer(sums.upsellCustomers, width, m, 1, c, groupOf);
      }
      if (crossSell > 0) {
        addForCustomer(sums.crossSellMrr, width, m, crossSell, c, groupOf);
        addForCustomer(sums.crossSellCustomers, width, m, 1, c, groupOf);
      }
    }
  }
}
