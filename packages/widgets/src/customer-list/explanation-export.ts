import { exportNumber, type TableSpec } from '../internal/chart/data-table.js';
import { pickMessages } from '../internal/messages.js';
import { byContribution, isRateExplanation, type ExplanationInput } from './customer-list-data.js';
import { customerListMessages } from './customer-list.messages.js';
import { movementHeader } from './rate-view.js';

/**
 * The customers of an explanation as one table for export (`<cs-customer-list>` imports this module
 * on first export): the movement table's columns (for a rate, with the movement, as its JSON names
 * it, first), every customer of every page, money as numbers. The footer's total is left out: it is
 * not a customer, and a sum of the column would count it twice.
 */
export function explanationExport(e: ExplanationInput, label: string, locale: string): TableSpec {
  const m = pickMessages(customerListMessages, locale);
  const rate = isRateExplanation(e);
  return {
    caption: label,
    columns: [...(rate ? [movementHeader(locale)] : []), m.customer, m.before, m.after, m.contribution],
    rows: (rate ? e.movements : [e]).flatMap((part) =>
      byContribution(part.customers).map((c) => [
        ...(rate ? [part.movement] : []),
        c.customerId,
        exportNumber(c.previousMrr),
        exportNumber(c.mrr),
        exportNumber(c.amount),
      ]),
    ),
  };
}
