import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { readCustomersCsv, readSubscriptionLinesCsv } from '../csv/index.js';
import {
  changeDuringListing,
  driftStripeSchema,
  generatedStripeAccount,
  recordStripeEvent,
  stripeCustomer,
  stripeHandlers,
  stripePrice,
  stripeRateLimited,
  stripeServerError,
  stripeSubscription,
  stripeSubscriptionItem,
} from '../mocks/index.js';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { stripeTestBed, syncStoppedAtPage } from '../test-support/stripe-test-bed.js';
import { syncStripe, type SyncProgress } from './sync-stripe.js';

const bed = stripeTestBed();
const { server } = bed;

/** The files a sync wrote, read back through the CSV connector as `cskit report` reads them. */
async function readBack(dir: string) {
  const customers = await readCustomersCsv(await readFile(join(dir, 'customers.csv'), 'utf8'), {
    source: 'customers.csv',
  });
  const lines = await readSubscriptionLinesCsv(await readFile(join(dir, 'subscriptions.csv'), 'utf8'), {
    source: 'subscriptions.csv',
  });
  return { customers: customers.records, lines: lines.records };
}

describe('syncStripe on the demo account', () => {
  it('lists canceled subscriptions too (status=all), with their end date', async () => {
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const { lines } = await readBack(bed.out);
    // Without status=all Stripe leaves sub_bakery_old out entirely.
    expect(lines.find((line) => line.lineId === 'si_bakery_old')).toMatchObject({
      subscriptionId: 'sub_bakery_old',
      startDate: '2024-01-10',
      endDate: '2024-03-05',
      amountMinor: 5000,
      currency: 'EUR',
    });
  });

  it('reads every item of a subscription with more than 10, paging /v1/subscription_items', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => requests.push(new URL(request.url).pathname));
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    server.events.removeAllListeners();
    const { lines } = await readBack(bed.out);
    const acme = lines.filter((line) => line.subscriptionId === 'sub_acme').map((line) => line.lineId);
    expect(acme).toEqual(Array.from({ length: 12 }, (_, i) => `si_acme_${String(i + 1).padStart(2, '0')}`));
    expect(requests.filter((path) => path === '/v1/subscription_items')).toHaveLength(1);
  });

  it('keeps three currencies apart, JPY without decimals', async () => {
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const text = await readFile(join(bed.out, 'subscriptions.csv'), 'utf8');
    // ¥5,000 is unit_amount 5000 (JPY has no minor unit), not 50.00.
    expect(text).toContain(
      'si_tokyo_pro,sub_tokyo,cus_tokyo,prod_pro,price_pro_jpy,2024-01-20,,5000,JPY,month,1,3,false',
    );
    const { lines } = await readBack(bed.out);
    expect(new Set(lines.map((line) => line.currency))).toEqual(new Set(['USD', 'EUR', 'JPY']));
    expect(lines.find((line) => line.lineId === 'si_tokyo_pro')?.amountMinor).toBe(5000);
  });

  it('writes names with commas, quotes and markup that read back unchanged', async () => {
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const { customers } = await readBack(bed.out);
    const byId = new Map(customers.map((customer) => [customer.customerId, customer]));
    expect(byId.get('cus_bakery')?.name).toBe(`Bob's "Best" <b>Bakery</b>`);
    expect(byId.get('cus_acme')?.name).toBe('Acme, Inc.');
    expect(byId.get('cus_trial')?.name).toBe('Trial =1+1, Ltd.');
    expect(byId.get('cus_tokyo')?.name).toBe('東京ラボ株式会社');
    expect(byId.get('cus_bakery')?.attributes).toEqual({
      country: 'DE',
      'metadata.segment': 'smb',
      'metadata.owner, team': 'Ana "AJ" Jones',
    });
    expect(byId.get('cus_acme')?.createdAt).toBe('2024-01-15');
  });

  it('adds a trial line and starts the paid line at the end of the trial', async () => {
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const { lines } = await readBack(bed.out);
    expect(lines.filter((line) => line.subscriptionId === 'sub_trial')).toMatchObject([
      { lineId: 'si_trial', startDate: '2024-03-15', isTrial: false, amountMinor: 3000 },
      { lineId: 'si_trial-trial', startDate: '2024-03-01', endDate: '2024-03-15', isTrial: true },
    ]);
  });

  it('takes a forever percent-off coupon off the amount, and notes the coupons it does not apply', async () => {
    const result = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const { lines } = await readBack(bed.out);
    // 1,200.00 EUR a year less 25 % forever = 900.00 EUR.
    expect(lines.find((line) => line.lineId === 'si_bakery_team')).toMatchObject({ amountMinor: 90_000, quantity: 2 });
    // The repeating 50 % coupon of sub_acme is not applied: 10.00 USD stays.
    expect(lines.find((line) => line.lineId === 'si_acme_01')?.amountMinor).toBe(1000);
    expect(result.notes).toEqual([
      'sub_acme: discount di_acme_welcome not applied (coupon WELCOME50: 50% off, repeating)',
    ]);
  });

  it('writes a state file without the key', async () => {
    const result = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const state = await readFile(result.statePath, 'utf8');
    expect(JSON.parse(state)).toMatchObject({ source: 'stripe', status: 'complete', settings: { timeZone: 'UTC' } });
    expect(state).not.toContain(bed.account.apiKey);
    expect(state).not.toContain(bed.account.apiKey.slice(-8));
  });

  it('picks up a subscription canceled since the last sync, from its event', async () => {
    recordStripeEvent(bed.account, 'customer.created', { id: 'cus_trial', object: 'customer' });
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    const index = bed.account.subscriptions.findIndex((s) => s.id === 'sub_tokyo');
    const tokyo = bed.account.subscriptions[index];
    if (tokyo === undefined) throw new Error('sub_tokyo is missing from the demo account');
    bed.account.subscriptions[index] = {
      ...tokyo,
      status: 'canceled',
      ended_at: Date.parse('2024-06-10T00:00:00Z') / 1000,
    };
    recordStripeEvent(bed.account, 'customer.subscription.deleted', { id: 'sub_tokyo', object: 'subscription' });
    const later = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out });
    expect(later.incremental).toBe(true);
    const { lines } = await readBack(bed.out);
    expect(lines.find((line) => line.lineId === 'si_tokyo_pro')?.endDate).toBe('2024-06-10');
  });
});

describe('syncStripe when the API fails', () => {
  it('waits as long as Retry-After says after a 429, then goes on', async () => {
    const times: number[] = [];
    server.use(
      http.get('https://api.stripe.com/v1/customers', () => {
        times.push(Date.now());
      }),
      stripeRateLimited({ path: '/v1/customers', retryAfterSeconds: 2 }),
    );
    const events: SyncProgress[] = [];
    // A 10 ms backoff: any longer wait comes from Retry-After.
    await syncStripe({
      apiKey: bed.account.apiKey,
      out: bed.out,
      retry: { initialDelayMs: 10 },
      onProgress: (e) => events.push(e),
    });
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      { type: 'retry', attempt: 1, reason: 'HTTP 429 (rate limited)', waitMs: 2000 },
    ]);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1990);
    expect((await readBack(bed.out)).customers).toHaveLength(4);
  });

  it('retries 5xx with backoff and gives up after maxRetries', async () => {
    server.use(stripeServerError({ times: 2 }));
    const events: SyncProgress[] = [];
    await syncStripe({
      apiKey: bed.account.apiKey,
      out: bed.out,
      retry: { initialDelayMs: 5 },
      onProgress: (e) => events.push(e),
    });
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.reason)).toEqual([
      'HTTP 500',
      'HTTP 500',
    ]);

    server.use(stripeServerError({ times: 3 }));
    await expect(
      syncStripe({
        apiKey: bed.account.apiKey,
        out: join(bed.out, 'again'),
        retry: { initialDelayMs: 5, maxRetries: 2 },
      }),
    ).rejects.toMatchObject({ statusCode: 500 });
  });

  it('stops on a 401 without quoting the key', async () => {
    const key = 'sk_test_not_the_right_key_9876';
    const error: unknown = await syncStripe({ apiKey: key, out: bed.out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect(error).toMatchObject({ status: 401 });
    expect(String((error as Error).message)).not.toContain('9876');
    await expect(access(join(bed.out, 'customers.csv'))).rejects.toThrow();
  });

  it('stops on a 403 for a key that may not read subscriptions', async () => {
    bed.account.restrictedKey = 'rk_test_cannot_read_1234';
    await expect(syncStripe({ apiKey: bed.account.restrictedKey, out: bed.out })).rejects.toMatchObject({
      name: 'SourceAuthError',
      status: 403,
    });
  });

  it('names an item it cannot map by id and field, and writes nothing', async () => {
    const tiered = stripePrice({
      id: 'price_tiered',
      product: 'prod_volume',
      currency: 'usd',
      unitAmount: null,
      interval: 'month',
      billingScheme: 'tiered',
    });
    bed.account.subscriptions.unshift(
      stripeSubscription({
        id: 'sub_volume',
        customer: 'cus_acme',
        currency: 'usd',
        startDate: '2024-05-01T00:00:00Z',
        items: [
          stripeSubscriptionItem({
            id: 'si_volume',
            subscription: 'sub_volume',
            price: tiered,
            quantity: 40,
            created: '2024-05-01T00:00:00Z',
          }),
        ],
      }),
    );
    const error: unknown = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CskitValidationError);
    expect((error as CskitValidationError).issues).toEqual([
      {
        source: 'stripe',
        id: 'si_volume',
        field: 'price.billing_scheme',
        value: 'tiered',
        reason: 'tiered prices have no single unit amount to map yet',
      },
    ]);
    await expect(access(join(bed.out, 'subscriptions.csv'))).rejects.toThrow();
  });
});

describe('syncStripe with records core rejects', () => {
  it('names them by Stripe id and field, and writes nothing', async () => {
    const broken = stripePrice({
      id: 'price_neg',
      product: 'prod_neg',
      currency: 'usd',
      unitAmount: -100,
      interval: 'month',
    });
    bed.account.subscriptions.unshift(
      stripeSubscription({
        id: 'sub_neg',
        customer: 'cus_acme',
        currency: 'usd',
        startDate: '2024-05-01T00:00:00Z',
        items: [
          stripeSubscriptionItem({
            id: 'si_neg',
            subscription: 'sub_neg',
            price: broken,
            quantity: 1,
            created: '2024-05-01T00:00:00Z',
          }),
        ],
      }),
    );
    const error: unknown = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'subscriptions.csv id si_neg, field amount, value "-1.00": amounts cannot be negative',
    );
    await expect(access(join(bed.out, 'subscriptions.csv'))).rejects.toThrow();
  });

  it('finds an id repeated on another page', async () => {
    const [newest] = bed.account.customers;
    if (newest === undefined) throw new Error('the demo account has no customers');
    bed.account.customers.push({ ...newest, name: 'the same id again' });
    const error: unknown = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out, pageSize: 2 }).catch(
      (e: unknown) => e,
    );
    expect((error as CskitValidationError).issues).toMatchObject([
      {
        source: 'customers.csv',
        id: 'cus_trial',
        field: 'customer_id',
        // customers.csv is in order of id: cus_acme, cus_bakery, cus_tokyo, then cus_trial twice.
        reason: 'duplicate customer_id (first in row 5)',
      },
    ]);
  });
});

describe('syncStripe when the objects of Stripe change shape', () => {
  it('ignores fields it does not know', async () => {
    await syncStripe({ apiKey: bed.account.apiKey, out: join(bed.out, 'before') });
    driftStripeSchema(bed.account);
    await syncStripe({ apiKey: bed.account.apiKey, out: join(bed.out, 'after') });
    for (const file of ['customers.csv', 'subscriptions.csv']) {
      expect(await readFile(join(bed.out, 'after', file), 'utf8')).toBe(
        await readFile(join(bed.out, 'before', file), 'utf8'),
      );
    }
  });

  it('names a required field that went missing, by object id and Stripe path', async () => {
    driftStripeSchema(bed.account, { remove: { id: 'si_tokyo_pro', field: 'price' } });
    const error: unknown = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out }).catch((e: unknown) => e);
    expect((error as CskitValidationError).issues).toMatchObject([
      { source: 'stripe', id: 'si_tokyo_pro', field: 'price.id', value: '' },
      { source: 'stripe', id: 'si_tokyo_pro', field: 'price.currency' },
      { source: 'stripe', id: 'si_tokyo_pro', field: 'price.product' },
    ]);

    driftStripeSchema(bed.account, { remove: { id: 'cus_trial', field: 'created' } });
    // Another directory: the first one would resume after the customers it already has.
    await expect(syncStripe({ apiKey: bed.account.apiKey, out: join(bed.out, 'fresh') })).rejects.toThrow(
      'stripe id cus_trial, field created, value "": the customer has no created (a number): Stripe always sends it',
    );
  });
});

describe('syncStripe interrupted', () => {
  // A 3-minute timeout: seven syncs of 60 subscriptions in pages of 7: slow on CPUs shared with other suites.
  it('resumes after an abort and writes what an uninterrupted sync writes', async () => {
    bed.use(generatedStripeAccount({ customers: 60 }));
    const whole = join(bed.out, 'whole');
    const resumed = join(bed.out, 'resumed');
    await syncStripe({ apiKey: bed.account.apiKey, out: whole, pageSize: 7 });

    for (const stopAfter of [3, 9, 12]) {
      await syncStoppedAtPage({ apiKey: bed.account.apiKey, out: resumed, pageSize: 7 }, stopAfter);
      const events: SyncProgress[] = [];
      await syncStripe({ apiKey: bed.account.apiKey, out: resumed, pageSize: 7, onProgress: (e) => events.push(e) });
      expect(events[0]).toEqual({ type: 'start', resumed: true, incremental: false });
      for (const file of ['customers.csv', 'subscriptions.csv', 'stripe-sync-state.json']) {
        expect(await readFile(join(resumed, file), 'utf8')).toBe(await readFile(join(whole, file), 'utf8'));
      }
    }
  }, 180_000);
});

describe('syncStripe on the failure-mode fixtures', () => {
  it('misses a customer created behind its cursor while it lists, and the next run lists it', async () => {
    const created = stripeCustomer({ id: 'cus_latecomer', name: 'Latecomer', created: '2024-05-01' });
    server.use(changeDuringListing(bed.account, { change: (a) => a.customers.unshift(created) }));
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out, pageSize: 2 });
    // Stripe lists newest first: the new customer lands before the cursor of page 2.
    expect((await readBack(bed.out)).customers.map((c) => c.customerId)).not.toContain('cus_latecomer');
    await syncStripe({ apiKey: bed.account.apiKey, out: bed.out, pageSize: 2 });
    expect((await readBack(bed.out)).customers.map((c) => c.customerId)).toContain('cus_latecomer');
  });

  it('stops naming the repeated record, instead of doubling it, on a server whose cursor is inclusive', async () => {
    server.resetHandlers(...stripeHandlers(bed.account, { cursor: 'inclusive' }));
    const error: unknown = await syncStripe({ apiKey: bed.account.apiKey, out: bed.out, pageSize: 2 }).catch(
      (e: unknown) => e,
    );
    // The first record to repeat is an item: sub_acme's items beyond the 10 inline ones are paged from
    // /v1/subscription_items, whose second page starts again at the last item of the first (si_acme_10).
    expect((error as CskitValidationError).issues).toMatchObject([
      {
        source: 'subscriptions.csv',
        id: 'si_acme_10',
        field: 'line_id',
        reason: 'duplicate line_id (first in row 12)',
      },
    ]);
    await expect(access(join(bed.out, 'customers.csv'))).rejects.toThrow(/ENOENT/);
    await expect(access(join(bed.out, 'subscriptions.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('gets through a 429 storm (every other request) with every record, and resumes after one that outlasts its retries', async () => {
    const clean = join(bed.out, 'clean');
    await syncStripe({ apiKey: bed.account.apiKey, out: clean, pageSize: 2 });

    server.use(stripeRateLimited({ every: 2, retryAfterSeconds: 0 }));
    const events: SyncProgress[] = [];
    const stormy = join(bed.out, 'stormy');
    await syncStripe({
      apiKey: bed.account.apiKey,
      out: stormy,
      pageSize: 2,
      retry: { initialDelayMs: 1 },
      onProgress: (e) => events.push(e),
    });
    const retries = events.filter((e) => e.type === 'retry');
    // Each request that is answered 429 is retried once, and the retry (the next request) goes through.
    expect(retries.length).toBeGreaterThanOrEqual(4);
    expect(retries.every((e) => e.type === 'retry' && e.attempt === 1 && e.reason === 'HTTP 429 (rate limited)')).toBe(
      true,
    );

    // Past the customers, the subscriptions fail 4 times in a row: more than 2 retries can wait out.
    server.resetHandlers(
      stripeRateLimited({ path: '/v1/subscriptions', times: 4, retryAfterSeconds: 0 }),
      ...stripeHandlers(bed.account),
    );
    const resumed = join(bed.out, 'resumed');
    await expect(
      syncStripe({
        apiKey: bed.account.apiKey,
        out: resumed,
        pageSize: 2,
        retry: { initialDelayMs: 1, maxRetries: 2 },
      }),
    ).rejects.toMatchObject({ statusCode: 429 });
    const after: SyncProgress[] = [];
    await syncStripe({
      apiKey: bed.account.apiKey,
      out: resumed,
      pageSize: 2,
      retry: { initialDelayMs: 1 },
      onProgress: (e) => after.push(e),
    });
    expect(after[0]).toEqual({ type: 'start', resumed: true, incremental: false });
    for (const file of ['customers.csv', 'subscriptions.csv']) {
      const expected = await readFile(join(clean, file), 'utf8');
      expect(await readFile(join(stormy, file), 'utf8')).toBe(expected);
      expect(await readFile(join(resumed, file), 'utf8')).toBe(expected);
    }
  });
});
