import { MOVEMENT_CODES } from './movements.js';
import type { RevenueLedger } from './revenue-ledger.js';
import type { SeriesSums } from './series-sums.js';

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
  const { customerLines, customerLineOffsets, lineFrom, lineTo, lineTicks, lineProduct, grid, width } = ledger;
  const start = customerLineOffsets[c] as number;
  const end = customerLineOffsets[c + 1] as number;
  // Pass 1: MRR per product in M−1; pass 2: MRR in M of the products absent in M−1.
  for (let k = start; k < end; k++) {
    const i = customerLines[k] as number;
    if ((lineFrom[i] as number) <= m - 1 && m - 1 < (lineTo[i] as number)) {
      const product = lineProduct[i] as number;
      scratch[product] = (scratch[product] as number) + (lineTicks[i] as number);
    }
  }
  let crossSell = 0;
  for (let k = start; k < end; k++) {
    const i = customerLines[k] as number;
    if ((lineFrom[i] as number) <= m && m < (lineTo[i] as number) && scratch[lineProduct[i] as number] === 0) crossSell += lineTicks[i] as number;
  }
  for (let k = start; k < end; k++) scratch[lineProduct[customerLines[k] as number] as number] = 0;
  const expansion = (grid[c * width + m] as number) - (grid[c * width + m - 1] as number);
  if (crossSell > expansion) crossSell = expansion;
  return { upsell: expansion - crossSell, crossSell };
}

/** Adds upsell and cross-sell of every expanding customer-month to the sums. */
export function accumulateExpansionSplits(ledger: RevenueLedger, codes: Uint8Array, sums: SeriesSums, groupOf: Int32Array | undefined): void {
  const { width } = ledger;
  const scratch = new Float64Array(ledger.products.length);
  const expansion = MOVEMENT_CODES.expansion;
  for (let cell = 0; cell < codes.length; cell++) {
    if (codes[cell] !== expansion) continue;
    const c = Math.floor(cell / width);
    const m = cell - c * width;
    const { upsell, crossSell } = splitExpansion(ledger, c, m, scratch);
    const slots = groupOf === undefined ? 1 : 2;
    for (let s = 0; s < slots; s++) {
      const i = (s === 0 ? 0 : (groupOf?.[c] ?? -1) + 1) * width + m;
      if (upsell > 0) {
        sums.upsellMrr[i] = (sums.upsellMrr[i] as number) + upsell;
        sums.upsellCustomers[i] = (sums.upsellCustomers[i] as number) + 1;
      }
      if (crossSell > 0) {
        sums.crossSellMrr[i] = (sums.crossSellMrr[i] as number) + crossSell;
        sums.crossSellCustomers[i] = (sums.crossSellCustomers[i] as number) + 1;
      }
    }
  }
}
