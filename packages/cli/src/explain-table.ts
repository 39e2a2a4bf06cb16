import type { ExplainCustomerJson, ExplanationJson, MovementExplanationJson } from '@cskit/core';
import { leftColumn, moneyFormat, percent, renderTable, rightColumn } from './text-table.js';

type MovementPart = Omit<MovementExplanationJson, 'version' | 'currency'>;

/**
 * An explanation as plain-text tables for a terminal: for a movement, its customers (largest amount
 * first) and a total row; for a rate, its value and formula, then one such table per movement in it.
 */
export function formatExplanationTable(explanation: ExplanationJson): string {
  const money = moneyFormat(explanation.currency);
  const table = (part: MovementPart): string =>
    renderTable(
      `${part.movement}: ${money(part.mrr)} ${explanation.currency} from ${customerCount(part.customers.length)}`,
      [
        ...part.customers,
        { customerId: 'Total', previousMrr: Number.NaN, mrr: Number.NaN, amount: part.mrr, lines: [] },
      ],
      [
        leftColumn<ExplainCustomerJson>('Customer', (c) => c.customerId),
        rightColumn('MRR before', (c) => (Number.isNaN(c.previousMrr) ? '' : money(c.previousMrr))),
        rightColumn('MRR after', (c) => (Number.isNaN(c.mrr) ? '' : money(c.mrr))),
        rightColumn('Amount', (c) => money(c.amount)),
      ],
    );
  if ('movement' in explanation) {
    return `cskit explain: ${explanation.movement}, ${explanation.month}, ${explanation.currency}\n\n${table(explanation)}\n`;
  }
  const isCount = explanation.rate === 'logoChurnRate';
  const amount = (value: number): string => (isCount ? String(value) : money(value));
  const value = explanation.rate === 'quickRatio' ? (explanation.value?.toFixed(2) ?? '-') : percent(explanation.value);
  const heading = [
    `cskit explain: ${explanation.rate}, ${explanation.month}, ${explanation.currency}`,
    `${explanation.rate} = ${explanation.formula} = ${amount(explanation.numerator)} ÷ ${amount(explanation.denominator)} = ${value}`,
  ].join('\n');
  return `${[heading, ...explanation.movements.map(table)].join('\n\n')}\n`;
}

function customerCount(n: number): string {
  return n === 1 ? '1 customer' : `${n} customers`;
}
