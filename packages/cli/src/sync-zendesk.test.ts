import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '@cskit/core';
import { demoZendeskAccount, zendeskRateLimited, type ZendeskMockAccount } from '@cskit/connectors/mocks';
import { serveZendeskMock, type MockServer } from '@cskit/connectors/mocks/node';
import { runCskit } from './test-support/run-cskit.js';

const cskit = (argv: readonly string[], env: Record<string, string> = {}, isTTY = false) =>
  runCskit(argv, { env, stderrIsTTY: isTTY });

let account: ZendeskMockAccount;
let server: MockServer;
let out: string;
let env: Record<string, string>;

beforeEach(async () => {
  account = demoZendeskAccount();
  server = await serveZendeskMock({ account });
  out = await mkdtemp(join(tmpdir(), 'cskit-sync-zendesk-'));
  env = { ZENDESK_EMAIL: account.email, ZENDESK_API_TOKEN: account.apiToken };
});
afterEach(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

const syncArgs = (): string[] => [
  'sync',
  'zendesk',
  '--out',
  out,
  '--subdomain',
  'cskit-demo',
  '--base-url',
  server.url,
];

describe('cskit sync zendesk', () => {
  it('syncs the mock account into a tickets.csv that cskit report reads, with hand-computed statistics', async () => {
    const synced = await cskit(syncArgs(), env);
    expect(synced).toMatchObject({ code: 0, stdout: '' });
    expect(synced.stderr).toBe(
      [
        'zendesk: tickets page 1: 7 tickets, 7 ticket versions so far',
        'zendesk: ratings page 1: 3 ratings, 3 CSAT responses so far',
        'zendesk: wrote 6 tickets and 3 CSAT responses',
        `zendesk: ${join(out, 'tickets.csv')}, ${join(out, 'csat.csv')} and ${join(out, 'zendesk-sync-state.json')} are up to date`,
        '',
      ].join('\n'),
    );
    expect((await readdir(out)).sort()).toEqual(['csat.csv', 'tickets.csv', 'zendesk-sync-state.json']);
    // The CSAT ratings of tickets 1 (good), 2 and 3 (bad), dated when they were solved.
    expect(await readFile(join(out, 'csat.csv'), 'utf8')).toBe(
      'date,score,customer_id,ticket_id,rating_id\n2024-01-03,5,101,1,7000001\n2024-01-11,1,101,2,7000002\n2024-01-20,1,102,3,7000003\n',
    );

    const subscriptions = join(out, 'subscriptions.csv');
    await writeFile(
      subscriptions,
      'customer_id,start_date,amount,interval,currency\n101,2024-01-01,100.00,month,USD\n102,2024-01-01,50.00,month,USD\n103,2024-02-01,20.00,month,USD\n',
    );
    const tickets = join(out, 'tickets.csv');
    const reported = await cskit([
      'report',
      '--subscriptions',
      subscriptions,
      '--tickets',
      tickets,
      '--from',
      '2024-01',
      '--to',
      '2024-02',
      '--format',
      'json',
    ]);
    expect(reported.stderr).toBe('');
    const report = JSON.parse(reported.stdout) as Report;
    // January: tickets 1, 2, 3 (7 was deleted). First replies 30, 90, 10 min → sorted 10, 30, 90:
    //   median 30; p90 at rank (3 − 1) × 0.9 = 1.8: 30 + 0.8 × (90 − 30) = 78.
    //   Solved after 4, 24, 2 h → sorted 2, 4, 24: median 4; p90 = 4 + 0.8 × (24 − 4) = 20.
    // February: tickets 4, 5, 6. First replies 240 and 60 min (5 has none): median 150;
    //   p90 at rank 0.9: 60 + 0.9 × 180 = 222. Only 4 is solved, after 24 h (6 is pending).
    expect(report.months.map((month) => [month.month, month.tickets])).toEqual([
      [
        '2024-01',
        { created: 3, firstResponseMinutes: { median: 30, p90: 78 }, resolutionHours: { median: 4, p90: 20 } },
      ],
      [
        '2024-02',
        { created: 3, firstResponseMinutes: { median: 150, p90: 222 }, resolutionHours: { median: 24, p90: 24 } },
      ],
    ]);

    const health = await cskit([
      'health',
      '--subscriptions',
      subscriptions,
      '--tickets',
      tickets,
      '--as-of',
      '2024-02-29',
      '--format',
      'csv',
    ]);
    expect({ code: health.code, stderr: health.stderr }).toEqual({ code: 0, stderr: '' });
    expect(health.stdout.split('\n').map((line) => line.split(',')[0])).toEqual([
      'customer_id',
      '101',
      '102',
      '103',
      '',
    ]);
  });

  it('picks up tickets changed since the last sync', async () => {
    expect((await cskit(syncArgs(), env)).code).toBe(0);
    const six = account.tickets.find((entry) => entry.ticket.id === 6);
    if (six === undefined) throw new Error('the demo account lost ticket 6');
    six.ticket = { ...six.ticket, status: 'solved', updated_at: '2024-04-02T09:00:00Z' };
    six.metricSet = { ...six.metricSet, solved_at: '2024-04-02T09:00:00Z' };
    account.now = '2024-04-10T00:00:00Z';
    const again = await cskit(syncArgs(), env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('zendesk: exporting the tickets changed since the last sync\n');
    expect(await readFile(join(out, 'tickets.csv'), 'utf8')).toContain(
      '6,103,2024-02-20T10:00:00Z,2024-02-20T11:00:00Z,2024-04-02T09:00:00Z,low,,2024-04-02T09:00:00Z\n',
    );
  });

  it('prints its retries, and shows one status line on a terminal', async () => {
    await server.close();
    server = await serveZendeskMock({
      account,
      failures: (origin) => [zendeskRateLimited({ baseUrl: origin, retryAfterSeconds: 1 })],
    });
    const { code, stderr } = await cskit(syncArgs(), env, true);
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]?.split('\r\x1b[2K')).toEqual([
      '',
      'zendesk: exporting · 0 ticket versions · 0 CSAT responses · 0 pages · 0 retries',
      'zendesk: exporting · 0 ticket versions · 0 CSAT responses · 0 pages · 1 retries · HTTP 429 (rate limited), waiting 1.0 s',
      'zendesk: exporting · 7 ticket versions · 0 CSAT responses · 1 pages · 1 retries',
      'zendesk: listing ratings · 7 ticket versions · 3 CSAT responses · 2 pages · 1 retries',
      'zendesk: done · 6 tickets · 7 ticket versions · 3 CSAT responses · 2 pages · 1 retries',
    ]);
  });

  it('exits 1 naming ZENDESK_EMAIL and ZENDESK_API_TOKEN when Zendesk refuses them, without printing the token', async () => {
    const token = 'wrong-token-for-this-account-0007';
    const refused = await cskit(syncArgs(), { ...env, ZENDESK_API_TOKEN: token });
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      'error: Zendesk rejected the credentials (HTTP 401). Set ZENDESK_EMAIL to the email of a Zendesk admin (the export is admin-only) and ZENDESK_API_TOKEN to an API token of the account (Admin Center → Apps and integrations → Zendesk API).\n',
    );
    expect(await readdir(out)).toEqual([]);

    const forbidden = await cskit(syncArgs(), { ...env, ZENDESK_EMAIL: account.endUserEmail ?? '' });
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toContain('Zendesk refused the credentials (HTTP 403)');
    expect(forbidden.stderr).toContain('ZENDESK_API_TOKEN');
    expect(forbidden.stderr).not.toContain(account.apiToken);
  });

  it('needs both variables from the environment, and takes no credential options', async () => {
    const missing = await cskit(syncArgs(), { ZENDESK_EMAIL: account.email });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('set ZENDESK_API_TOKEN: the email of a Zendesk admin and an API token');
    const none = await cskit(syncArgs());
    expect(none.stderr).toContain('set ZENDESK_EMAIL and ZENDESK_API_TOKEN');
    const flag = await cskit([...syncArgs(), '--api-token', account.apiToken], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('unknown option --api-token');
    expect(flag.stderr).not.toContain(account.apiToken);
  });

  it('rejects bad usage with status 2', async () => {
    const noSubdomain = await cskit(['sync', 'zendesk', '--out', out], env);
    expect(noSubdomain).toMatchObject({ code: 2 });
    expect(noSubdomain.stderr).toContain('missing --subdomain <name>');
    const badSubdomain = await cskit(['sync', 'zendesk', '--out', out, '--subdomain', 'acme.zendesk.com'], env);
    expect(badSubdomain).toMatchObject({ code: 2 });
    expect(badSubdomain.stderr).toContain('the subdomain must be the first part of <subdomain>.zendesk.com');
    const zone = await cskit([...syncArgs(), '--time-zone', 'Mars/Base'], env);
    expect(zone).toMatchObject({ code: 2 });
    expect(zone.stderr).toContain('--time-zone must be an IANA time zone');
    const stripe = await cskit(['sync', 'stripe', '--out', out, '--subdomain', 'acme'], { STRIPE_API_KEY: 'sk_x' });
    expect(stripe.stderr).toContain('--subdomain is an option of cskit sync zendesk');
    const path = await cskit(['sync', 'zendesk', '--out', out, '--base-url', `${server.url}/api/v2`], env);
    expect(path).toMatchObject({ code: 2 });
    expect(path.stderr).toContain('must be an origin');
  });
});
