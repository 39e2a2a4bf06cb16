import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoHubSpotAccount, hubspotRateLimited, type HubSpotMockAccount } from '@cskit/connectors/mocks';
import { serveHubSpotMock, type MockServer } from '@cskit/connectors/mocks/node';
import { runCskit } from './test-support/run-cskit.js';

const cskit = (argv: readonly string[], env: Record<string, string> = {}, isTTY = false) =>
  runCskit(argv, { env, stderrIsTTY: isTTY });

let account: HubSpotMockAccount;
let server: MockServer;
let out: string;

beforeEach(async () => {
  account = demoHubSpotAccount();
  server = await serveHubSpotMock({ account });
  out = await mkdtemp(join(tmpdir(), 'cskit-sync-hubspot-'));
});
afterEach(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

const syncArgs = (...extra: string[]): string[] => [
  'sync',
  'hubspot',
  '--out',
  out,
  '--base-url',
  server.url,
  ...extra,
];

describe('cskit sync hubspot', () => {
  it('syncs the demo portal by a billing-id property, with plain progress lines on stderr', async () => {
    const synced = await cskit(syncArgs('--match', 'property:stripe_customer_id'), {
      HUBSPOT_ACCESS_TOKEN: account.accessToken,
    });
    expect(synced).toMatchObject({ code: 0, stdout: '' });
    expect(synced.stderr).toBe(
      [
        'hubspot: companies page 1: 5 companies, 5 so far',
        'hubspot: deals page 1: 5 deals, 4 renewals so far',
        'hubspot: wrote 4 customers, 1 unmatched companies and 4 renewals',
        `note: 1 company has no stripe_customer_id: listed in ${join(out, 'hubspot-unmatched.csv')}`,
        `hubspot: ${join(out, 'customers.csv')}, ${join(out, 'renewals.csv')}, ${join(out, 'hubspot-unmatched.csv')} and ${join(out, 'hubspot-sync-state.json')} are up to date`,
        '',
      ].join('\n'),
    );
    expect((await readdir(out)).sort()).toEqual([
      'customers.csv',
      'hubspot-sync-state.json',
      'hubspot-unmatched.csv',
      'renewals.csv',
    ]);
    expect((await readFile(join(out, 'customers.csv'), 'utf8')).split('\n')[1]).toBe(
      'cus_acme,"Acme, Inc.",COMPUTER_SOFTWARE,250,US,North America,9001,101,acme.example',
    );
  });

  it('exits 1 naming HUBSPOT_ACCESS_TOKEN on a 401 and a 403, never printing the token', async () => {
    const wrong = await cskit(syncArgs(), { HUBSPOT_ACCESS_TOKEN: 'pat-na1-secret-wrong-5555' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('HubSpot rejected the access token (HTTP 401)');
    expect(wrong.stderr).toContain('Set HUBSPOT_ACCESS_TOKEN');
    expect(wrong.stderr).not.toContain('5555');
    const limited = await cskit(syncArgs(), { HUBSPOT_ACCESS_TOKEN: account.limitedToken ?? '' });
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain('(HTTP 403)');
    expect(limited.stderr).toContain('HUBSPOT_ACCESS_TOKEN');
    expect(await readdir(out)).toEqual([]);
  });

  it('is a usage error without the token, with a bad --match, or --match on another source', async () => {
    expect(await cskit(syncArgs())).toMatchObject({ code: 2 });
    expect((await cskit(syncArgs())).stderr).toContain('set HUBSPOT_ACCESS_TOKEN');
    const bad = await cskit(syncArgs('--match', 'email'), { HUBSPOT_ACCESS_TOKEN: account.accessToken });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--match: the match must be "domain" or "property:NAME"');
    const elsewhere = await cskit(['sync', 'stripe', '--out', out, '--match', 'domain']);
    expect(elsewhere).toMatchObject({ code: 2 });
    expect(elsewhere.stderr).toContain('--match is an option of cskit sync hubspot');
  });

  it('shows one status line on a terminal, with the retries and waits', async () => {
    await server.close();
    server = await serveHubSpotMock({
      account,
      failures: (origin) => [hubspotRateLimited({ baseUrl: origin, intervalMs: 20 })],
    });
    const synced = await cskit(
      ['sync', 'hubspot', '--out', out, '--base-url', server.url],
      { HUBSPOT_ACCESS_TOKEN: account.accessToken },
      true,
    );
    expect(synced.code).toBe(0);
    expect(synced.stderr).toContain(
      'hubspot: listing · 0 companies · 0 renewals · 0 pages · 1 retries · HTTP 429 (rate limited), waiting',
    );
    expect(synced.stderr).toContain('\r\x1b[2Khubspot: done · 5 companies · 4 renewals · 2 pages · 1 retries\n');
  });
});
