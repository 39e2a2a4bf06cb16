import { plural } from '../internal/message-grammar.js';
import type { Catalog } from '../internal/messages.js';

/** The movements `cskit explain` explains, by their JSON name. */
export type MovementName = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation' | 'upsell' | 'crossSell';

export interface CustomerListMessages {
  /** The movements' names, as a heading starts ("Churn"). */
  readonly movements: Readonly<Record<MovementName, string>>;
  /** The heading: the movement's name (or the label) and the month ("Churn in March 2025"). */
  readonly heading: (movement: string, month: string) => string;
  /** The total line: the movement's total and how many customers make it up. */
  readonly total: (amount: string, customers: number) => string;
  readonly customer: string;
  readonly before: string;
  readonly after: string;
  readonly contribution: string;
  /** The first cell of the footer row. */
  readonly totalRow: string;
  /** Screen-reader name of a customer's list of lines that changed. */
  readonly linesChanged: string;
  /** A line without product, plan or id. */
  readonly line: string;
  readonly noCustomers: string;
  /** The pagination's accessible name and its buttons. */
  readonly pages: string;
  readonly previous: string;
  readonly next: string;
  /** Which rows are shown ("51–100 of 120"). */
  readonly range: (first: string, last: string, count: string) => string;
}

export const customerListMessages: Catalog<'customerList'> = {
  key: 'customerList',
  en: {
    movements: {
      new: 'New MRR',
      expansion: 'Expansion',
      contraction: 'Contraction',
      churn: 'Churn',
      reactivation: 'Reactivation',
      upsell: 'Upsell',
      crossSell: 'Cross-sell',
    },
    heading: (movement, month) => `${movement} in ${month}`,
    total: (amount, n) => `${amount} from ${n} ${plural('en', n, { one: 'customer', other: 'customers' })}`,
    customer: 'Customer',
    before: 'MRR before',
    after: 'MRR after',
    contribution: 'Contribution',
    totalRow: 'Total',
    linesChanged: 'Lines that changed',
    line: 'Line',
    noCustomers: 'No customers behind this number',
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
    range: (first, last, count) => `${first}–${last} of ${count}`,
  },
};
