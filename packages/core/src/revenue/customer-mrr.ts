import type { RevenueAnalysis } from './analyse-revenue.js';
import { customerMrr } from './revenue-ledger.js';

/**
 * One customer's MRR in every computed month (minor units, unrounded), aligned with
 * `analysis.months`; `undefined` when the customer has no lines.
 */
export function customerMrrByMonth(analysis: RevenueAnalysis, customerId: string): number[] | undefined {
  const { ledger } = analysis.internals;
  const c = ledger.customerIds.indexOf(customerId);
  if (c < 0) return undefined;
  return Array.from({ length: ledger.width }, (_, m) => customerMrr(ledger, c, m) / ledger.scale);
}
