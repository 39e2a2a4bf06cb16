import type { Catalog } from '../internal/messages.js';

/** The rates `cskit explain --rate` explains, by their JSON name. */
export type RateName = 'logoChurnRate' | 'grossMrrChurnRate' | 'netMrrChurnRate' | 'grr' | 'nrr' | 'quickRatio';

/** The strings only a rate's explanation needs (loaded with it, rate-view.ts). */
export interface RateViewMessages {
  /** The rates' names, as a heading starts ("Net revenue retention"). */
  readonly rates: Readonly<Record<RateName, string>>;
  /** Name of the table that takes a rate apart into numerator and denominator. */
  readonly parts: string;
  readonly part: string;
  readonly amount: string;
  readonly numerator: string;
  readonly denominator: string;
  /** A rate's starting MRR and its denominator: the MRR of the month before ("MRR in February 2024"). */
  readonly mrrIn: (month: string) => string;
  /** The logo churn rate's denominator: the customers of the month before. */
  readonly customersIn: (month: string) => string;
  /** The logo churn rate's numerator. */
  readonly churnedCustomers: string;
  /** Header of the movement column when a rate's customers are exported as one table. */
  readonly movement: string;
}

export const rateViewMessages: Catalog<'rateView'> = {
  key: 'rateView',
  en: {
    movement: 'Movement',
    rates: {
      logoChurnRate: 'Logo churn rate',
      grossMrrChurnRate: 'Gross MRR churn rate',
      netMrrChurnRate: 'Net MRR churn rate',
      grr: 'Gross revenue retention',
      nrr: 'Net revenue retention',
      quickRatio: 'Quick ratio',
    },
    parts: 'How the number is made',
    part: 'Part',
    amount: 'Amount',
    numerator: 'Numerator',
    denominator: 'Denominator',
    mrrIn: (month) => `MRR in ${month}`,
    customersIn: (month) => `Customers in ${month}`,
    churnedCustomers: 'Churned customers',
  },
};
