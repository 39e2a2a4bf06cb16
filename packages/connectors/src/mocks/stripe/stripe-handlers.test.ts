import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoStripeAccount, STRIPE_MOCK_API_KEY } from './stripe-account.js';
import { stripeRateLimited, stripeServerError } from './stripe-failures.js';
import { stripeHandlers } from './stripe-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => server.resetHandlers(...stripeHandlers(demoStripeAccount())));

interface List {
  object: string;
  url: string;
  has_more: boolean;
  data: { id: string; [key: string]: unknown }[];
}

/** A Stripe error body, or a list (cast where a test reads one). */
interface Body {
  readonly error: { readonly type: string; readonly code?: string; readonly message: string };
}

async function get(path: string, key = STRIPE_MOCK_API_KEY): Promise<{ status: number; headers: Headers; body: Body }> {
  const response = await fetch(`https://api.stripe.com${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

describe('the Stripe mock', () => {
  it('pages lists with limit and starting_after in Stripe list shape, newest first', async () => {
    const first = await get('/v1/customers?limit=3');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'list', url: '/v1/customers', has_more: true });
    expect((first.body as unknown as List).data.map((c) => c.id)).toEqual(['cus_trial', 'cus_tokyo', 'cus_bakery']);
    const second = (await get('/v1/customers?limit=3&starting_after=cus_bakery')).body as unknown as List;
    expect({ ids: second.data.map((c) => c.id), more: second.has_more }).toEqual({ ids: ['cus_acme'], more: false });
    // Stripe's default page is 10.
    expect(((await get('/v1/customers')).body as unknown as List).data).toHaveLength(4);
  });

  it('rejects a limit out of range and an unknown cursor as Stripe does (400)', async () => {
    expect((await get('/v1/customers?limit=101')).status).toBe(400);
    const unknown = await get('/v1/customers?starting_after=cus_gone');
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: 'resource_missing', param: 'starting_after' } },
    });
  });

  it('leaves canceled subscriptions out unless status=all', async () => {
    const ids = async (query: string) =>
      ((await get(`/v1/subscriptions${query}`)).body as unknown as List).data.map((s) => s.id);
    expect(await ids('')).not.toContain('sub_bakery_old');
    expect(await ids('?status=all')).toContain('sub_bakery_old');
    expect(await ids('?status=canceled')).toEqual(['sub_bakery_old']);
    expect((await get('/v1/subscriptions?status=gone')).status).toBe(400);
  });

  it('puts at most 10 items inline and serves the rest from /v1/subscription_items', async () => {
    const acme = ((await get('/v1/subscriptions?status=all')).body as unknown as List).data.find(
      (s) => s.id === 'sub_acme',
    );
    expect(acme?.['items']).toMatchObject({
      object: 'list',
      has_more: true,
      total_count: 12,
      url: '/v1/subscription_items?subscription=sub_acme',
    });
    expect((acme?.['items'] as List).data).toHaveLength(10);
    const rest = (await get('/v1/subscription_items?subscription=sub_acme&starting_after=si_acme_10'))
      .body as unknown as List;
    expect(rest.data.map((i) => i.id)).toEqual(['si_acme_11', 'si_acme_12']);
    expect((await get('/v1/subscription_items')).status).toBe(400);
  });

  it('lists invoices by subscription and status, 10 lines inline and the rest at /v1/invoices/{id}/lines', async () => {
    const seats = ((await get('/v1/invoices?subscription=sub_acme_seats&limit=100')).body as unknown as List).data;
    expect(seats.map((i) => [i.id, i['status']])).toEqual([
      ['in_seats_10', 'draft'],
      ['in_seats_09', 'paid'],
      ['in_seats_08b', 'paid'],
      ['in_seats_08', 'void'],
      ['in_seats_07', 'paid'],
      ['in_seats_06', 'paid'],
      ['in_seats_05', 'paid'],
    ]);
    const drafts = ((await get('/v1/invoices?status=draft')).body as unknown as List).data;
    expect(drafts.map((i) => i.id)).toEqual(['in_seats_10']);
    expect((await get('/v1/invoices?status=late')).status).toBe(400);

    const [acme] = ((await get('/v1/invoices?subscription=sub_acme&limit=1')).body as unknown as List).data;
    expect(acme?.['lines']).toMatchObject({ has_more: true, total_count: 12, url: `/v1/invoices/${acme?.id}/lines` });
    const inline = (acme?.['lines'] as List).data;
    expect(inline).toHaveLength(10);
    // A line names its price by id, as the API does.
    expect(inline[0]).toMatchObject({
      object: 'line_item',
      pricing: { price_details: { price: 'price_addon_01_usd' } },
      parent: { type: 'subscription_item_details', subscription_item_details: { subscription_item: 'si_acme_01' } },
    });
    const rest = (await get(`/v1/invoices/${acme?.id}/lines?starting_after=${inline[9]?.id}`)).body as unknown as List;
    expect(rest.data.map((l) => l['parent'])).toMatchObject([
      { subscription_item_details: { subscription_item: 'si_acme_11' } },
      { subscription_item_details: { subscription_item: 'si_acme_12' } },
    ]);
    expect((await get('/v1/invoices/in_gone/lines')).status).toBe(400);
  });

  it("serves the prices items and invoice lines name, removed items' too", async () => {
    expect((await get('/v1/prices/price_support_15_usd')).body).toMatchObject({
      id: 'price_support_15_usd',
      unit_amount: 1500,
      recurring: { interval: 'month' },
    });
    expect(await get('/v1/prices/price_gone')).toMatchObject({
      status: 400,
      body: { error: { code: 'resource_missing' } },
    });
  });

  it('expands discounts and their coupons only when asked', async () => {
    const bakery = async (query: string) =>
      ((await get(`/v1/subscriptions${query}`)).body as unknown as List).data.find((s) => s.id === 'sub_bakery')?.[
        'discounts'
      ];
    expect(await bakery('')).toEqual(['di_bakery_partner']);
    expect(await bakery('?expand[]=data.discounts')).toMatchObject([
      { id: 'di_bakery_partner', source: { coupon: 'PARTNER25' } },
    ]);
    expect(await bakery('?expand[0]=data.discounts.source.coupon')).toMatchObject([
      { source: { coupon: { id: 'PARTNER25', percent_off: 25, duration: 'forever' } } },
    ]);
  });

  it('answers 401 to a wrong or missing key, quoting only its last four characters', async () => {
    const wrong = await get('/v1/customers', 'sk_test_abcdefgh1234');
    expect(wrong).toMatchObject({ status: 401, body: { error: { type: 'invalid_request_error' } } });
    expect(wrong.body.error.message).toBe('Invalid API Key provided: sk_test_********1234');
    expect((await get('/v1/customers', '')).status).toBe(401);
  });

  it('answers 429 with Retry-After and 500 when failures are put in front', async () => {
    server.use(stripeRateLimited({ retryAfterSeconds: 3 }));
    const limited = await get('/v1/customers');
    expect({ status: limited.status, retryAfter: limited.headers.get('retry-after') }).toEqual({
      status: 429,
      retryAfter: '3',
    });
    expect(limited.body.error.code).toBe('rate_limit');
    expect((await get('/v1/customers')).status).toBe(200);

    server.use(stripeServerError({ times: 2, path: '/v1/subscriptions' }));
    expect((await get('/v1/customers')).status).toBe(200);
    expect((await get('/v1/subscriptions')).status).toBe(500);
    expect((await get('/v1/subscriptions')).status).toBe(500);
    expect((await get('/v1/subscriptions')).status).toBe(200);
  });
});
