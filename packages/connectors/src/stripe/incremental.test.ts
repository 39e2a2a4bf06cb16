import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  recordStripeEvent,
  stripeCustomer,
  stripeBillingInvoices,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  unixSeconds,
  type StripeMockAccount,
  type StripeSubscriptionRecord,
} from '../mocks/index.js';
import { stripeTestBed, syncStoppedAtPage } from '../test-support/stripe-test-bed.js';
import { syncStripe, type SyncProgress } from './sync-stripe.js';

const bed = stripeTestBed('cskit-stripe-incremental-');
let account: StripeMockAccount;
let root: string;
let requests: string[];

beforeEach(() => {
  account = bed.account;
  root = bed.out;
  // Stripe's log of the account: the sync checkpoints at its newest event.
  recordStripeEvent(account, 'customer.created', { id: 'cus_trial', object: 'customer' });
  requests = [];
  bed.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${url.pathname}${url.pathname === '/v1/events' ? decodeURIComponent(url.search) : ''}`);
  });
});

const FILES = ['customers.csv', 'subscriptions.csv'];

async function files(dir: string): Promise<string[]> {
  return Promise.all(FILES.map((file) => readFile(join(dir, file), 'utf8')));
}

function replaceSubscription(id: string, change: (s: StripeSubscriptionRecord) => StripeSubscriptionRecord): void {
  account.subscriptions = account.subscriptions.map((s) => (s.id === id ? change(s) : s));
}

/** State B: what changed in Stripe after the first sync, each change with the event Stripe sends. */
function changeAccount(): void {
  // A subscription canceled since.
  replaceSubscription('sub_tokyo', (s) => ({
    ...s,
    status: 'canceled',
    ended_at: unixSeconds('2024-06-10T00:00:00Z'),
    canceled_at: unixSeconds('2024-06-10T00:00:00Z'),
  }));
  recordStripeEvent(account, 'customer.subscription.deleted', { id: 'sub_tokyo', object: 'subscription' });

  // Changed items: a third seat on sub_bakery.
  replaceSubscription('sub_bakery', (s) => ({ ...s, items: s.items.map((i) => ({ ...i, quantity: 3 })) }));
  recordStripeEvent(account, 'customer.subscription.updated', { id: 'sub_bakery', object: 'subscription' });

  // A customer renamed, and one that lost its only `owner, team` metadata key (so the column goes).
  account.customers = account.customers.map((c) =>
    c.id === 'cus_acme' ? { ...c, name: 'Acme Holdings, Inc.' } : c.id === 'cus_bakery' ? { ...c, metadata: {} } : c,
  );
  recordStripeEvent(account, 'customer.updated', { id: 'cus_acme', object: 'customer' });
  recordStripeEvent(account, 'customer.updated', { id: 'cus_bakery', object: 'customer' });

  // A customer deleted (Stripe cancels its subscriptions).
  account.customers = account.customers.filter((c) => c.id !== 'cus_trial');
  account.deletedCustomers = ['cus_trial'];
  recordStripeEvent(account, 'customer.deleted', { id: 'cus_trial', object: 'customer' });
  replaceSubscription('sub_trial', (s) => ({
    ...s,
    status: 'canceled',
    ended_at: unixSeconds('2024-09-20T00:00:00Z'),
  }));
  recordStripeEvent(account, 'customer.subscription.deleted', { id: 'sub_trial', object: 'subscription' });

  // A new customer with a new subscription, and its first invoice.
  const price = stripePrice({
    id: 'price_new_usd',
    product: 'prod_new',
    currency: 'usd',
    unitAmount: 9900,
    interval: 'month',
  });
  const subscription = stripeSubscription({
    id: 'sub_new',
    customer: 'cus_new',
    currency: 'usd',
    startDate: '2024-09-15T00:00:00Z',
    items: [
      stripeSubscriptionItem({
        id: 'si_new',
        subscription: 'sub_new',
        price,
        quantity: 1,
        created: '2024-09-15T00:00:00Z',
      }),
    ],
  });
  account.customers.unshift(
    stripeCustomer({ id: 'cus_new', name: 'New, "Co"', created: '2024-09-15T00:00:00Z', country: 'FR' }),
  );
  account.subscriptions.unshift(subscription);
  account.invoices = [...stripeBillingInvoices(subscription, { until: '2024-10-01' }), ...(account.invoices ?? [])];
  recordStripeEvent(account, 'customer.created', { id: 'cus_new', object: 'customer' });
  recordStripeEvent(account, 'customer.subscription.created', { id: 'sub_new', object: 'subscription' });
  recordStripeEvent(account, 'invoice.paid', {
    id: 'in_new_001',
    object: 'invoice',
    ...{ parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_new' } } },
  });

  // History: October's draft of sub_acme_seats (9 seats) is finalized and paid, and the item follows.
  account.invoices = account.invoices.map((i) => (i.id === 'in_seats_10' ? { ...i, status: 'paid' } : i));
  replaceSubscription('sub_acme_seats', (s) => ({ ...s, items: s.items.map((i) => ({ ...i, quantity: 9 })) }));
  recordStripeEvent(account, 'invoice.paid', {
    id: 'in_seats_10',
    object: 'invoice',
    ...{ parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_acme_seats' } } },
  });
}

// The longer tests run four syncs: a 2-minute timeout, for CPUs shared with other suites.
describe('a later cskit sync stripe', () => {
  it('reads only what the events say changed, and writes what a full sync of the new state writes', async () => {
    const incremental = join(root, 'incremental');
    const first = await syncStripe({ apiKey: account.apiKey, out: incremental });
    expect(first.incremental).toBe(false);
    const before = await files(incremental);

    changeAccount();
    requests = [];
    const events: SyncProgress[] = [];
    const later = await syncStripe({ apiKey: account.apiKey, out: incremental, onProgress: (e) => events.push(e) });
    expect(later.incremental).toBe(true);
    expect(events[0]).toEqual({ type: 'start', resumed: false, incremental: true });
    // No list of every customer or subscription: the events, then each changed object.
    expect(requests.filter((r) => r === '/v1/customers' || r === '/v1/subscriptions')).toEqual([]);
    expect(requests.filter((r) => /^\/v1\/(customers|subscriptions)\//.test(r)).sort()).toEqual([
      '/v1/customers/cus_acme',
      '/v1/customers/cus_bakery',
      '/v1/customers/cus_new',
      '/v1/customers/cus_trial',
      '/v1/subscriptions/sub_acme_seats',
      '/v1/subscriptions/sub_bakery',
      '/v1/subscriptions/sub_new',
      '/v1/subscriptions/sub_tokyo',
      '/v1/subscriptions/sub_trial',
    ]);
    expect(requests.find((r) => r.startsWith('/v1/events?') && r.includes('created[gte]='))).toBeDefined();

    const full = join(root, 'full');
    const fresh = await syncStripe({ apiKey: account.apiKey, out: full });
    expect(fresh.incremental).toBe(false);
    const after = await files(full);
    expect(await files(incremental)).toEqual(after);
    expect(later.notes).toEqual(fresh.notes);
    // And the changes are in: the state really moved from A to B.
    expect(after).not.toEqual(before);
    expect(after[0]).not.toContain('cus_trial');
    expect(after[0]).not.toContain('owner, team');
    expect(after[0]).toContain('cus_new,"New, ""Co""",2024-09-15,FR');
    expect(after[1]).toContain('si_tokyo_pro,sub_tokyo,cus_tokyo,prod_pro,price_pro_jpy,2024-01-20,2024-06-10,');
    expect(after[1]).toContain(
      'si_seats,sub_acme_seats,cus_acme,prod_seat,price_seat_25_usd,2024-10-01,,25.00,USD,month,1,9,',
    );
  }, 120_000);

  it('lists everything again when the last sync is older than the 30 days Stripe keeps events', async () => {
    const out = join(root, 'old');
    await syncStripe({ apiKey: account.apiKey, out });
    changeAccount();
    requests = [];
    const events: SyncProgress[] = [];
    const later = await syncStripe({
      apiKey: account.apiKey,
      out,
      now: () => Date.now() + 31 * 86_400_000,
      onProgress: (e) => events.push(e),
    });
    expect(later.incremental).toBe(false);
    expect(events[0]).toEqual({
      type: 'start',
      resumed: false,
      incremental: false,
      fullBecause:
        'the checkpoint of the last sync (its newest event) is more than 30 days old, and Stripe keeps events for 30 days',
    });
    expect(requests).toContain('/v1/subscriptions');
    await syncStripe({ apiKey: account.apiKey, out: join(root, 'full') });
    expect(await files(out)).toEqual(await files(join(root, 'full')));
  });

  it('lists everything again when Stripe had no event to go on from, or the files are gone', async () => {
    account.events = [];
    const out = join(root, 'quiet');
    await syncStripe({ apiKey: account.apiKey, out });
    recordStripeEvent(account, 'customer.updated', { id: 'cus_acme', object: 'customer' });
    const events: SyncProgress[] = [];
    await syncStripe({ apiKey: account.apiKey, out, onProgress: (e) => events.push(e) });
    expect(events[0]).toMatchObject({ incremental: false, fullBecause: expect.stringContaining('no event') });

    await rm(join(out, 'subscriptions.csv'));
    events.length = 0;
    const again = await syncStripe({ apiKey: account.apiKey, out, onProgress: (e) => events.push(e) });
    expect(again.incremental).toBe(false);
    expect(events[0]).toMatchObject({
      fullBecause: 'customers.csv or subscriptions.csv of the last sync is gone or was changed',
    });
  });

  it('resumes an interrupted incremental run and writes what an uninterrupted one writes', async () => {
    const whole = join(root, 'whole');
    const resumed = join(root, 'resumed');
    await syncStripe({ apiKey: account.apiKey, out: whole });
    await syncStripe({ apiKey: account.apiKey, out: resumed });
    changeAccount();
    await syncStripe({ apiKey: account.apiKey, out: whole, pageSize: 2 });

    await syncStoppedAtPage({ apiKey: account.apiKey, out: resumed, pageSize: 2 }, 3);
    const events: SyncProgress[] = [];
    await syncStripe({ apiKey: account.apiKey, out: resumed, pageSize: 2, onProgress: (e) => events.push(e) });
    expect(events[0]).toEqual({ type: 'start', resumed: true, incremental: true });
    for (const file of [...FILES, 'stripe-sync-state.json']) {
      expect(await readFile(join(resumed, file), 'utf8')).toBe(await readFile(join(whole, file), 'utf8'));
    }
  }, 120_000);
});
