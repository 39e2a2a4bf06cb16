import { currencyExponent, parseMinorUnits } from '@cskit/core';
import type { SampleCompany } from '@cskit/core/sample';
import { stripeBillingInvoices } from './stripe-invoices.js';
import { STRIPE_MOCK_API_KEY, type StripeMockAccount } from './stripe-account.js';
import {
  stripeCustomer,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  type StripeSubscriptionRecord,
} from './stripe-objects.js';

/** How long an open trial of the sample lasts in the mock: past any report, as an open trial is. */
const OPEN_TRIAL_SECONDS = 50 * 365 * 86_400;

/**
 * A Stripe account holding a sample company (`generateSample` of `@cskit/core/sample`): each customer
 * with its industry, size and region as metadata, and each subscription line as a subscription of one
 * item, and its invoices: one per billing period up to the end of the sample's last month
 * (`stripeBillingInvoices`; a trial's billed 0). A trial line becomes a subscription with that trial
 * which ended with it. Timestamps are at noon UTC of the sample's dates, newest first as Stripe lists them.
 *
 * Syncing it in UTC gives lines whose report equals the sample's own report.
 */
export function stripeAccountFromSample(sample: SampleCompany): StripeMockAccount {
  const noon = (date: string): string => `${date}T12:00:00Z`;
  const customers = sample.customers.map((row) =>
    stripeCustomer({
      id: row.customer_id,
      name: row.name,
      created: noon(row.created_at),
      country: row.country,
      metadata: { industry: row.industry, size: row.size, region: row.region },
    }),
  );
  const subscriptions: StripeSubscriptionRecord[] = sample.subscriptions.map((row) => {
    const currency = row.currency;
    const amount = parseMinorUnits(row.amount, currencyExponent(currency));
    if (!amount.ok) throw new RangeError(`sample line ${row.line_id}: amount ${row.amount} is not an amount`);
    const id = `sub_${row.line_id}`;
    const price = stripePrice({
      id: `price_${row.plan}_${row.interval}_${row.amount}_${currency}`.toLowerCase(),
      product: row.product,
      currency,
      unitAmount: amount.minor,
      interval: row.interval as 'month' | 'year',
      intervalCount: Number(row.interval_count),
    });
    const item = stripeSubscriptionItem({
      id: row.line_id,
      subscription: id,
      price,
      quantity: Number(row.quantity),
      created: noon(row.start_date),
    });
    const common = { id, customer: row.customer_id, currency, startDate: noon(row.start_date), items: [item] };
    if (row.is_trial !== 'true') {
      return stripeSubscription({ ...common, ...(row.end_date === '' ? {} : { endedAt: noon(row.end_date) }) });
    }
    // The trial ended when the line did (canceled at its end), or is still open.
    const trialEnd =
      row.end_date === ''
        ? new Date((Date.parse(noon(row.start_date)) / 1000 + OPEN_TRIAL_SECONDS) * 1000).toISOString()
        : noon(row.end_date);
    return stripeSubscription({
      ...common,
      trialStart: noon(row.start_date),
      trialEnd,
      ...(row.end_date === '' ? { status: 'trialing' as const } : { endedAt: noon(row.end_date) }),
    });
  });
  const newestFirst = <T extends { readonly created: number; readonly id: string }>(a: T, b: T): number =>
    b.created - a.created || (a.id < b.id ? 1 : -1);
  const [year, month] = sample.lastMonth.split('-').map(Number);
  const until = new Date(Date.UTC(year ?? 1970, month ?? 1, 1)).toISOString();
  return {
    apiKey: STRIPE_MOCK_API_KEY,
    customers: customers.sort(newestFirst),
    subscriptions: subscriptions.sort(newestFirst),
    invoices: subscriptions.flatMap((s) => stripeBillingInvoices(s, { until })).sort(newestFirst),
  };
}
