import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '@cskit/core';
import {
  demoStripeAccount,
  recordStripeEvent,
  stripeRateLimited,
  type StripeMockAccount,
} from '@cskit/connectors/mocks';
import { serveStripeMock, type MockServer } from '@cskit/connectors/mocks/node';
import { runCskit } from './test-support/run-cskit.js';

const cskit = (argv: readonly string[], env: Record<string, string> = {}, isTTY = false) =>
  runCskit(argv, { env, stderrIsTTY: isTTY });

let account: StripeMockAccount;
let server: MockServer;
let out: string;

beforeEach(async () => {
  account = demoStripeAccount();
  server = await serveStripeMock({ account });
  out = await mkdtemp(join(tmpdir(), 'cskit-sync-'));
});
afterEach(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

describe('cskit sync stripe', () => {
  it('syncs the mock account into files that cskit report reads, with the hand-computed MRR', async () => {
    const synced = await cskit(['sync', 'stripe', '--out', out, '--base-url', server.url], {
      STRIPE_API_KEY: account.apiKey,
    });
    expect(synced.code).toBe(0);
    expect(synced.stdout).toBe('');
    expect(synced.stderr).toContain('stripe: wrote 4 customers and 22 subscription lines\n');
    expect(synced.stderr).toContain('note: sub_acme: discount di_acme_welcome not applied');
    expect((await readdir(out)).sort()).toEqual(['customers.csv', 'stripe-sync-state.json', 'subscriptions.csv']);

    const fx = join(out, 'fx.csv');
    await writeFile(fx, 'date,currency,rate\n2024-01-01,EUR,1.10\n2024-01-01,JPY,0.007\n');
    const reported = await cskit([
      'report',
      '--subscriptions',
      join(out, 'subscriptions.csv'),
      '--customers',
      join(out, 'customers.csv'),
      '--fx',
      fx,
      '--currency',
      'USD',
      '--from',
      '2024-01',
      '--to',
      '2024-04',
      '--format',
      'json',
    ]);
    expect(reported.stderr).toBe('');
    const report = JSON.parse(reported.stdout) as Report;
    // Month-end MRR in USD (EUR at 1.10, JPY at 0.007):
    //   acme      12 add-ons × 10.00 USD                          = 120   from 2024-01-15
    //   tokyo     ¥5,000 × 3 = ¥15,000 × 0.007                   = 105   from 2024-01-20
    //   bakery    old plan 50.00 EUR × 1.10                      =  55   2024-01-10 … 2024-03-05
    //             team 1,200 EUR/yr × 0.75 (forever 25 %) × 2 ÷ 12 = 150 EUR × 1.10 = 165   from 2024-02-01
    //   trial     30.00 USD after the trial                      =  30   from 2024-03-15
    // Jan 120 + 105 + 55 = 280; Feb 280 + 165 = 445; Mar 445 − 55 + 30 = 420; Apr 420.
    expect(report.months.map((m) => [m.month, m.mrr, m.customers])).toEqual([
      ['2024-01', 280, 3],
      ['2024-02', 445, 3],
      ['2024-03', 420, 4],
      ['2024-04', 420, 4],
    ]);
    const march = report.months[2];
    expect(march?.movements.contraction).toEqual({ mrr: 55, customers: 1 });
    expect(march?.movements.new).toEqual({ mrr: 30, customers: 1 });
  });

  it('reads only the changes on a later run, and says so', async () => {
    recordStripeEvent(account, 'customer.created', { id: 'cus_trial', object: 'customer' });
    const sync = () =>
      cskit(['sync', 'stripe', '--out', out, '--base-url', server.url], { STRIPE_API_KEY: account.apiKey });
    expect((await sync()).code).toBe(0);
    account.customers = account.customers.map((c) => (c.id === 'cus_tokyo' ? { ...c, name: 'Tokyo Lab KK' } : c));
    recordStripeEvent(account, 'customer.updated', { id: 'cus_tokyo', object: 'customer' });
    const later = await sync();
    expect(later.code).toBe(0);
    expect(later.stderr).toContain('stripe: reading what changed since the last sync (events)\n');
    // customer.updated, and customer.created again: created[gte] includes the checkpoint's own second.
    expect(later.stderr).toContain('stripe: events page 1: 2 objects, 2 changed objects so far\n');
    expect(later.stderr).toContain('stripe: wrote 4 customers and 22 subscription lines\n');
    expect(await readFile(join(out, 'customers.csv'), 'utf8')).toContain('cus_tokyo,Tokyo Lab KK,');
  });

  it('converts timestamps to dates in --time-zone', async () => {
    // sub_tokyo starts 2024-01-20T01:00Z: still the 19th in Los Angeles.
    const { code } = await cskit(
      ['sync', 'stripe', '--out', out, '--base-url', server.url, '--time-zone', 'America/Los_Angeles'],
      { STRIPE_API_KEY: account.apiKey },
    );
    expect(code).toBe(0);
    const text = await readFile(join(out, 'subscriptions.csv'), 'utf8');
    expect(text).toContain('si_tokyo_pro,sub_tokyo,cus_tokyo,prod_pro,price_pro_jpy,2024-01-19,,5000,JPY');
  });

  it('prints its retries on stderr', async () => {
    await server.close();
    server = await serveStripeMock({
      account,
      failures: (origin) => [stripeRateLimited({ baseUrl: origin, path: '/v1/subscriptions', retryAfterSeconds: 1 })],
    });
    const { code, stderr } = await cskit(['sync', 'stripe', '--out', out, '--base-url', server.url], {
      STRIPE_API_KEY: account.apiKey,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('stripe: HTTP 429 (rate limited), retry 1 in ');
  });

  it('shows one status line rewritten in place on a terminal', async () => {
    await server.close();
    server = await serveStripeMock({
      account,
      failures: (origin) => [stripeRateLimited({ baseUrl: origin, path: '/v1/subscriptions', retryAfterSeconds: 1 })],
    });
    const { code, stderr } = await cskit(
      ['sync', 'stripe', '--out', out, '--base-url', server.url],
      { STRIPE_API_KEY: account.apiKey },
      true,
    );
    expect(code).toBe(0);
    const [status, ...after] = stderr.split('\n');
    expect(status?.split('\r\x1b[2K')).toEqual([
      '',
      'stripe: listing · 0 customers · 0 subscription lines · 0 pages · 0 retries',
      'stripe: listing customers · 4 customers · 0 subscription lines · 1 pages · 0 retries',
      'stripe: listing customers · 4 customers · 0 subscription lines · 1 pages · 1 retries · HTTP 429 (rate limited), waiting 1.0 s',
      'stripe: listing subscriptions · 4 customers · 22 subscription lines · 2 pages · 1 retries',
      'stripe: done · 4 customers · 22 subscription lines · 2 pages · 1 retries',
    ]);
    expect(after[0]).toBe(
      'note: sub_acme: discount di_acme_welcome not applied (coupon WELCOME50: 50% off, repeating)',
    );
  });

  it('exits 1 naming STRIPE_API_KEY when the key is refused, without printing it', async () => {
    const key = 'sk_test_wrong_key_for_this_account_0007';
    const { code, stdout, stderr } = await cskit(['sync', 'stripe', '--out', out, '--base-url', server.url], {
      STRIPE_API_KEY: key,
    });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      'error: Stripe rejected the API key (HTTP 401): it is not a valid key. Set STRIPE_API_KEY to a secret key, or a restricted key that may read customers, subscriptions, invoices, prices and events.\n',
    );
    // Refused at the first request: nothing written, a previous sync's files would stay as they were.
    expect(await readdir(out)).toEqual([]);
  });

  it('needs STRIPE_API_KEY from the environment, and takes no key option', async () => {
    const missing = await cskit(['sync', 'stripe', '--out', out, '--base-url', server.url]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('set STRIPE_API_KEY to a Stripe secret or restricted key');

    const flag = await cskit(['sync', 'stripe', '--out', out, '--api-key', account.apiKey]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('unknown option --api-key');
    expect(flag.stderr).not.toContain(account.apiKey);
  });

  it('rejects bad usage with status 2', async () => {
    const env = { STRIPE_API_KEY: account.apiKey };
    expect((await cskit(['sync'], env)).stderr).toContain('name the source to sync: stripe');
    expect((await cskit(['sync', 'paypal', '--out', out], env)).stderr).toContain('unknown source "paypal"');
    expect((await cskit(['sync', 'stripe'], env)).stderr).toContain('missing --out <directory>');
    const path = await cskit(['sync', 'stripe', '--out', out, '--base-url', `${server.url}/v1`], env);
    expect(path).toMatchObject({ code: 2 });
    expect(path.stderr).toContain('the base URL must be an origin');
    const zone = await cskit(['sync', 'stripe', '--out', out, '--time-zone', 'Mars/Base'], env);
    expect(zone).toMatchObject({ code: 2 });
    expect(zone.stderr).toContain('--time-zone must be an IANA time zone');
  });
});
