import { currencyExponent, parseMinorUnits } from '@cskit/core';
import type { SampleCompany, SampleRow } from '@cskit/core/sample';
import { sampleSubscriptionWithHistory } from './sample-history.js';
import { stripeBillingInvoices } from './stripe-invoices.js';
import { STRIPE_MOCK_API_KEY, type StripeMockAccount } from './stripe-account.js';
import {
  stripeCustomer,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  type StripeInvoiceRecord,
  type StripePriceObject,
  type StripeSubscriptionRecord,
} from './stripe-objects.js';

type Line = SampleRow<'subscriptions'>;

/** How long an open trial of the sample lasts in the mock: past any report, as an open trial is. */
const OPEN_TRIAL_SECONDS = 50 * 365 * 86_400;

/**
 * A Stripe account holding a sample company (`generateSample` of `@cskit/core/sample`): each customer
 * with its industry, size and region as metadata; each monthly subscription as one Stripe subscription
 * whose past (plan and seat changes, add-ons added and removed) is only in its invoices
 * (`sampleSubscriptionWithHistory`); each line of a yearly subscription or a trial as a subscription of one
 * item with its invoices (`stripeBillingInvoices`; a trial's billed 0). Invoices run up to the end of the
 * sample's last month. Timestamps are at noon UTC of the sample's dates, newest first as Stripe lists them.
 *
 * Syncing it in UTC gives lines whose report equals the sample's own report: the connector rebuilds
 * the monthly subscriptions' lines from their invoices.
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
  const priceOf = (row: Line): StripePriceObject => {
    const amount = parseMinorUnits(row.amount, currencyExponent(row.currency));
    if (!amount.ok) throw new RangeError(`sample line ${row.line_id}: amount ${row.amount} is not an amount`);
    return stripePrice({
      id: `price_${row.plan}_${row.interval}_${row.amount}_${row.currency}`.toLowerCase(),
      product: row.product,
      currency: row.currency,
      unitAmount: amount.minor,
      interval: row.interval as 'month' | 'year',
      intervalCount: Number(row.interval_count),
    });
  };
  const [year, month] = sample.lastMonth.split('-').map(Number);
  const until = new Date(Date.UTC(year ?? 1970, month ?? 1, 1)).toISOString();
  const bySubscription = new Map<string, Line[]>();
  for (const row of sample.subscriptions) {
    bySubscription.set(row.subscription_id, [...(bySubscription.get(row.subscription_id) ?? []), row]);
  }
  const subscriptions: StripeSubscriptionRecord[] = [];
  const invoices: StripeInvoiceRecord[] = [];
  for (const [id, rows] of bySubscription) {
    if (rows.every((row) => row.is_trial !== 'true' && row.interval === 'month')) {
      const grouped = sampleSubscriptionWithHistory(id, rows, { until, at: noon, priceOf });
      subscriptions.push(grouped.subscription);
      invoices.push(...grouped.invoices);
      continue;
    }
    for (const row of rows) {
      const subscription = singleLineSubscription(row, priceOf(row), noon);
      subscriptions.push(subscription);
      invoices.push(...stripeBillingInvoices(subscription, { until }));
    }
  }
  const newestFirst = <T extends { readonly created: number; readonly id: string }>(a: T, b: T): number =>
    b.created - a.created || (a.id < b.id ? 1 : -1);
  return {
    apiKey: STRIPE_MOCK_API_KEY,
    customers: customers.sort(newestFirst),
    subscriptions: subscriptions.sort(newestFirst),
    invoices: invoices.sort(newestFirst),
  };
}

/**
 * A sample line as a subscription of one item: a yearly line (a yearly subscription's seats can change
 * mid-term, which Stripe bills with prorations only, so its history is not in invoices) or a trial. A
 * trial line becomes a subscription with that trial which ended with it.
 */
function singleLineSubscription(
  row: Line,
  price: StripePriceObject,
  noon: (date: string) => string,
): StripeSubscriptionRecord {
  const id = `sub_${row.line_id}`;
  const item = stripeSubscriptionItem({
    id: row.line_id,
    subscription: id,
    price,
    quantity: Number(row.quantity),
    created: noon(row.start_date),
  });
  const common = {
    id,
    customer: row.customer_id,
    currency: row.currency,
    startDate: noon(row.start_date),
    items: [item],
  };
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
}
