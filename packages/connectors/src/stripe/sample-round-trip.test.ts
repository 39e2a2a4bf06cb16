import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, readFxRates, readSubscriptionLines } from '@cskit/core';
import { generateSample, sampleToCsv } from '@cskit/core/sample';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCustomersCsv, readSubscriptionLinesCsv } from '../csv/index.js';
import { stripeAccountFromSample, stripeHandlers } from '../mocks/index.js';
import { syncStripe } from './sync-stripe.js';

/** `value` with every number rounded to 12 significant digits. */
function toPrecision(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(toPrecision);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toPrecision(v)]));
  }
  return value;
}

const sample = generateSample({ customers: 300, months: 24, endMonth: '2024-12' });
const account = stripeAccountFromSample(sample);
const server = setupServer(...stripeHandlers(account));
let out: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  out = await mkdtemp(join(tmpdir(), 'cskit-sample-'));
});
afterAll(async () => {
  server.close();
  await rm(out, { recursive: true, force: true });
});

describe('the sample company through Stripe', () => {
  // A 3-minute timeout: about 450 requests through MSW: seconds alone, a minute or more on CPUs shared with other suites.
  it('gives the same report as the sample itself', async () => {
    const result = await syncStripe({ apiKey: account.apiKey, out });
    expect(result.customers).toBe(sample.customers.length);
    const synced = await readSubscriptionLinesCsv(await readFile(result.files.subscriptions, 'utf8'), {
      source: 'subscriptions.csv',
    });
    const original = await readSubscriptionLinesCsv(sampleToCsv(sample).subscriptions, { source: 'sample' });
    const fx = readFxRates(sample.fx, { source: 'fx' }).records;
    const options = { currency: 'USD', from: '2023-01', to: '2024-12' };
    const fromStripe = buildReport({ subscriptions: synced.records, fx }, options);
    const fromSample = buildReport({ subscriptions: original.records, fx }, options);
    expect(fromStripe.months.at(-1)?.mrr).toBeGreaterThan(0);
    // Money and counts are equal exactly; ratios to 12 significant digits, as the lines come in another
    // order (Stripe lists newest first) and floating-point sums depend on the order.
    expect(toPrecision(fromStripe)).toEqual(toPrecision(fromSample));
    expect(fromStripe.months.map((m) => [m.mrr, m.movements])).toEqual(
      fromSample.months.map((m) => [m.mrr, m.movements]),
    );
    // Every paid line of the sample is a line of the sync, with its dates, product and price (besides the
    // paid lines after open trials, which start when the mock's trials end, decades from now). Ids differ:
    // a monthly subscription's plan and seat changes are versions of one item, rebuilt from its invoices.
    const paid = (lines: typeof synced.records) =>
      lines
        .filter((line) => !line.isTrial && line.endDate !== line.startDate && line.startDate < '2025-01-01')
        .map((line) =>
          [line.customerId, line.product, line.startDate, line.endDate ?? '', line.amountMinor, line.quantity].join(),
        )
        .sort();
    // The history is really rebuilt: items with several versions, and items Stripe no longer lists.
    expect(synced.records.filter((line) => /-v\d+$/.test(line.lineId ?? '')).length).toBeGreaterThan(50);
    const listed = new Set(account.subscriptions.flatMap((s) => s.items.map((item) => item.id)));
    const removed = synced.records.filter((line) => !listed.has((line.lineId ?? '').replace(/-(v\d+|trial)$/, '')));
    expect(removed.length).toBeGreaterThan(0);
    expect(paid(synced.records)).toEqual(paid(readSubscriptionLines(sample.subscriptions, { source: 's' }).records));
  }, 180_000);

  it('keeps the customers, with their attributes as metadata columns', async () => {
    const customers = (await readCustomersCsv(await readFile(join(out, 'customers.csv'), 'utf8'), { source: 'c' }))
      .records;
    const first = sample.customers[0];
    expect(customers.find((c) => c.customerId === first?.customer_id)).toEqual({
      customerId: first?.customer_id,
      name: first?.name,
      createdAt: first?.created_at,
      attributes: {
        country: first?.country,
        'metadata.industry': first?.industry,
        'metadata.region': first?.region,
        'metadata.size': first?.size,
      },
    });
  });
});
