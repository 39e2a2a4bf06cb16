import type { Customer } from '../model/customer.js';
import type { FxRate } from '../model/fx-rate.js';
import type { NpsResponse } from '../model/nps-response.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import type { Ticket } from '../model/ticket.js';
import { readCustomers } from '../readers/customers.js';
import { readFxRates } from '../readers/fx-rates.js';
import { readNpsResponses } from '../readers/nps-responses.js';
import { readSubscriptionLines } from '../readers/subscription-lines.js';
import { readTickets } from '../readers/tickets.js';
import { generateSample, type SampleOptions } from './generate-sample.js';

/** The sample company as typed, validated records: what a connector would hand to the core. */
export interface SampleDataset {
  readonly currency: string;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly customers: readonly Customer[];
  readonly subscriptions: readonly SubscriptionLine[];
  readonly fx: readonly FxRate[];
  readonly nps: readonly NpsResponse[];
  readonly tickets: readonly Ticket[];
}

/**
 * Generates the sample company and reads it through the same validating readers as user data, so the
 * docs app, tests and `cskit report --sample` all see records exactly as a CSV import would produce.
 */
export function sampleDataset(options: SampleOptions = {}): SampleDataset {
  const sample = generateSample(options);
  const read = { onError: 'throw', timeZone: 'UTC' } as const;
  return {
    currency: sample.reportingCurrency,
    firstMonth: sample.firstMonth,
    lastMonth: sample.lastMonth,
    customers: readCustomers(sample.customers, { ...read, source: 'sample/customers.csv' }).records,
    subscriptions: readSubscriptionLines(sample.subscriptions, { ...read, source: 'sample/subscriptions.csv' }).records,
    fx: readFxRates(sample.fx, { ...read, source: 'sample/fx.csv' }).records,
    nps: readNpsResponses(sample.nps, { ...read, source: 'sample/nps.csv' }).records,
    tickets: readTickets(sample.tickets, { ...read, source: 'sample/tickets.csv' }).records,
  };
}
