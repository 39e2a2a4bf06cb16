import type { RevenueLedger } from './revenue-ledger.js';

/**
 * The lines of each customer, contiguous: customer c's lines are positions
 * `offsets[c] … offsets[c + 1]` of `index` (input positions) and of the copies of the columns the
 * per-customer walks read, so those walks touch contiguous memory.
 */
export interface CustomerLines {
  readonly offsets: Int32Array;
  readonly index: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly ticks: Float64Array;
  readonly product: Int32Array;
}

// Only upsell/cross-sell, trial conversion and explanations walk a customer's lines; the report does
// not, so the index is built on first use and kept with its ledger.
const built = new WeakMap<RevenueLedger, CustomerLines>();

/** The lines of each customer (a counting sort of the ledger's lines by customer, stable). */
export function customerLines(ledger: RevenueLedger): CustomerLines {
  const cached = built.get(ledger);
  if (cached !== undefined) return cached;
  const { lineCustomer, lineFrom, lineTo, lineTicks, lineProduct } = ledger;
  const n = lineCustomer.length;
  const customers = ledger.customerIds.length;
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) {
    const next = (lineCustomer[i] as number) + 1;
    offsets[next] = (offsets[next] as number) + 1;
  }
  for (let c = 0; c < customers; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const cursor = offsets.slice(0, customers);
  const index = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const ticks = new Float64Array(n);
  const product = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = lineCustomer[i] as number;
    const k = cursor[c] as number;
    cursor[c] = k + 1;
    index[k] = i;
    from[k] = lineFrom[i] as number;
    to[k] = lineTo[i] as number;
    ticks[k] = lineTicks[i] as number;
    product[k] = lineProduct[i] as number;
  }
  const result = { offsets, index, from, to, ticks, product };
  built.set(ledger, result);
  return result;
}
