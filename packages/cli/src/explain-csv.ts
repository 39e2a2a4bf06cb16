import { toCsv } from '@cskit/core/sample';
import type { ExplanationJson } from '@cskit/core';

/** The columns of `cskit explain --format csv`. */
export const EXPLAIN_CSV_COLUMNS = [
  'month',
  'currency',
  'movement',
  'customer_id',
  'previous_mrr',
  'mrr',
  'amount',
] as const;

/**
 * An explanation as CSV: one row per customer of each movement (for a rate, of every movement in it),
 * largest amount first; numbers written as in the JSON. Lines are left out: use JSON for them.
 */
export function formatExplanationCsv(explanation: ExplanationJson): string {
  const parts = 'movement' in explanation ? [explanation] : explanation.movements;
  const rows = parts.flatMap((part) =>
    part.customers.map((c) => ({
      month: part.month,
      currency: explanation.currency,
      movement: part.movement,
      customer_id: c.customerId,
      previous_mrr: String(c.previousMrr),
      mrr: String(c.mrr),
      amount: String(c.amount),
    })),
  );
  return toCsv(rows, { columns: [...EXPLAIN_CSV_COLUMNS] });
}
