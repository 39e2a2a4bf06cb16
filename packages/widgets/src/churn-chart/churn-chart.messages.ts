import type { Catalog } from '../internal/messages.js';

export interface ChurnChartMessages {
  readonly logo: string;
  readonly gross: string;
  readonly net: string;
  readonly target: string;
  readonly churnedCustomers: string;
  readonly churnedMrr: string;
  /** The group that collects the smallest groups of a breakdown. */
  readonly other: string;
  readonly total: string;
  /** "Logo churn was above the 2.5% target in 4 of 12 periods." (`n`, `total` formatted) */
  readonly aboveTarget: (name: string, target: string, n: string, total: string) => string;
  /** "Churned customers over 12 months: 42 (SMB 64%, Enterprise 36%)." */
  readonly breakdownSummary: (what: string, total: string, span: string, parts: string) => string;
}

export const churnChartMessages: Catalog<'churnChart'> = {
  key: 'churnChart',
  en: {
    logo: 'Logo churn',
    gross: 'Gross MRR churn',
    net: 'Net MRR churn',
    target: 'Target',
    churnedCustomers: 'Churned customers',
    churnedMrr: 'Churned MRR',
    other: 'Other',
    total: 'Total',
    aboveTarget: (name, target, n, total) => `${name} was above the ${target} target in ${n} of ${total} periods.`,
    breakdownSummary: (what, total, span, parts) => `${what} over ${span}: ${total} (${parts}).`,
  },
};
