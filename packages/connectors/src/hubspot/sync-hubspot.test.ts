import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  demoHubSpotAccount,
  driftHubSpotSchema,
  generatedHubSpotAccount,
  HUBSPOT_MOCK_ORIGIN,
  hubspotHandlers,
  hubspotRateLimited,
  hubspotServerError,
  type HubSpotMockAccount,
} from '../mocks/index.js';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { expectResumesAfterAbort } from '../test-support/resume-after-abort.js';
import { parseHubSpotMatch } from './match-key.js';
import { syncHubSpot, type HubSpotSyncProgress, type SyncHubSpotOptions } from './sync-hubspot.js';

const server = setupServer();
let account: HubSpotMockAccount;
let out: string;
/** Path and query of every request, in order. */
let requests: string[];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  account = demoHubSpotAccount();
  requests = [];
  server.resetHandlers(
    http.all(`${HUBSPOT_MOCK_ORIGIN}/*`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(`${request.method} ${url.pathname}${url.search}`);
    }),
    ...hubspotHandlers(account),
  );
  out = await mkdtemp(join(tmpdir(), 'cskit-hubspot-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

function sync(options: Partial<SyncHubSpotOptions> = {}) {
  return syncHubSpot({
    accessToken: account.accessToken,
    baseUrl: HUBSPOT_MOCK_ORIGIN,
    out,
    retry: { initialDelayMs: 5 },
    ...options,
  });
}

/** `name=a&name=b`: how the SDK sends a list parameter. */
const repeated = (name: string, list: string): string =>
  list
    .split(',')
    .map((value) => `${name}=${value}`)
    .join('&');

const file = (name: string, dir = out): Promise<string> => readFile(join(dir, name), 'utf8');

describe('syncHubSpot on the demo portal', () => {
  it('matches companies by domain: attributes per company, the one without a domain listed as unmatched', async () => {
    const result = await sync();
    expect(result).toMatchObject({ customers: 4, unmatched: 1, renewals: 4, resumed: false });
    // Domains normalised: "https://www.BobsBakery.example/" → "bobsbakery.example".
    expect(await file('customers.csv')).toBe(
      [
        'customer_id,name,industry,size,country,region,owner,hubspot_company_id,domain',
        'acme.example,"Acme, Inc.",COMPUTER_SOFTWARE,250,US,North America,9001,101,acme.example',
        'tokyo-lab.example,東京ラボ株式会社,RESEARCH,40,JP,APAC,9002,102,tokyo-lab.example',
        'bobsbakery.example,"Bob\'s ""Best"" Bakery",FOOD_BEVERAGES,8,GB,EMEA,9001,103,bobsbakery.example',
        'initech.example,Initech,FINANCIAL_SERVICES,1200,US,North America,,104,initech.example',
        '',
      ].join('\n'),
    );
    expect(await file('hubspot-unmatched.csv')).toBe(
      'hubspot_company_id,name,domain,reason\n105,Umbrella Corp,,no domain\n',
    );
  });

  it('writes the renewal deals (existing business) with their company’s key, primary association first', async () => {
    await sync();
    // 202 is new business: not a renewal. 203 is associated with 103 (primary) and 104 (unlabelled).
    // 204 closes 2024-03-31T23:30Z: in UTC the 31st. 205 has no company: listed with an empty key.
    expect(await file('renewals.csv')).toBe(
      [
        'deal_id,customer_id,hubspot_company_id,name,close_date,amount,currency,status,stage,pipeline',
        '201,acme.example,101,Acme renewal 2024,2024-06-30,12000.00,USD,won,closedwon,default',
        '203,bobsbakery.example,103,Bakery renewal,2024-09-15,4800.50,GBP,open,appointmentscheduled,default',
        '204,initech.example,104,Initech renewal,2024-03-31,900,USD,lost,closedlost,default',
        '205,,,"Renewal, company unknown",,,,open,appointmentscheduled,default',
        '',
      ].join('\n'),
    );
  });

  it('matches by a property holding the billing id, and takes close dates in the time zone', async () => {
    const result = await sync({ match: parseHubSpotMatch('property:stripe_customer_id'), timeZone: 'Europe/Berlin' });
    expect(result).toMatchObject({ customers: 4, unmatched: 1 });
    const customers = (await file('customers.csv')).split('\n').map((line) => line.split(',')[0]);
    expect(customers).toEqual(['customer_id', 'cus_acme', 'cus_tokyo', 'cus_bakery', 'cus_umbrella', '']);
    expect(await file('hubspot-unmatched.csv')).toBe(
      'hubspot_company_id,name,domain,reason\n104,Initech,initech.example,no stripe_customer_id\n',
    );
    // 2024-03-31T23:30Z is 2024-04-01 01:30 in Berlin (CEST from March 31st).
    expect(await file('renewals.csv')).toContain('204,,104,Initech renewal,2024-04-01,900,USD,lost');
  });

  it('lists with the objects list API, 100 a page, asking only for the properties it maps', async () => {
    await sync();
    expect(requests.map((request) => decodeURIComponent(request))).toEqual([
      `GET /crm/v3/objects/companies?limit=100&${repeated('properties', 'name,domain,industry,numberofemployees,country,region,hubspot_owner_id')}&archived=false`,
      `GET /crm/v3/objects/deals?limit=100&${repeated('properties', 'dealname,dealtype,amount,deal_currency_code,closedate,dealstage,pipeline,hs_is_closed,hs_is_closed_won')}&associations=companies&archived=false`,
    ]);
  });

  it('writes a state file without the token', async () => {
    const result = await sync();
    const state = await readFile(result.statePath, 'utf8');
    expect(JSON.parse(state)).toMatchObject({ source: 'hubspot', status: 'complete', settings: { match: 'domain' } });
    expect(state).not.toContain(account.accessToken);
  });

  it('names two companies with one domain instead of picking one', async () => {
    const initech = account.companies.find((company) => company.id === '104');
    if (initech === undefined) throw new Error('the demo portal lost company 104');
    initech.properties['domain'] = 'www.acme.example';
    await expect(sync()).rejects.toThrow(
      'hubspot id 104, field domain, value "acme.example": company 101 has the same domain: merge the two companies in HubSpot, or match by another property',
    );
  });
});

describe('syncHubSpot: paging, the search cap, interruptions', () => {
  it('pages past 10,000 companies with after, and never calls the search API (which stops at 10,000)', async () => {
    account = generatedHubSpotAccount({ companies: 10_050 });
    server.resetHandlers(...hubspotHandlers(account));
    const pages: number[] = [];
    const result = await sync({
      onProgress: (e) => (e.type === 'page' && e.entity === 'companies' ? pages.push(e.objects) : undefined),
    });
    // 10,050 companies: 100 full pages and one of 50; every tenth has no domain → 1,005 unmatched.
    expect(pages).toEqual([...Array.from({ length: 100 }, () => 100), 50]);
    expect(result).toMatchObject({ customers: 9045, unmatched: 1005, renewals: 402 });
    expect(account.searchRequests).toBe(0);
  }, 30_000);

  it('(the fixture) the search API refuses to page past its 10,000th result', async () => {
    account = generatedHubSpotAccount({ companies: 10_050 });
    server.resetHandlers(...hubspotHandlers(account));
    const search = (after: string) =>
      fetch(`${HUBSPOT_MOCK_ORIGIN}/crm/v3/objects/companies/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ limit: 100, after }),
      });
    const last = await search('9900');
    expect(last.status).toBe(200);
    expect(await last.json()).toMatchObject({ total: 10_050, paging: { next: { after: '10000' } } });
    const past = await search('10000');
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('resumes after an abort and writes what an uninterrupted sync writes', async () => {
    account = generatedHubSpotAccount({ companies: 300 });
    server.resetHandlers(...hubspotHandlers(account));
    // 300 companies in pages of 40: 8 pages, then one page of deals. Stopped after the first page,
    // mid-companies, and after the last page of companies.
    await expectResumesAfterAbort<HubSpotSyncProgress>((options) => sync({ ...options, pageSize: 40 }), {
      whole: join(out, 'whole'),
      resumed: join(out, 'resumed'),
      stopAfterPages: [1, 5, 8],
      files: ['customers.csv', 'renewals.csv', 'hubspot-unmatched.csv', 'hubspot-sync-state.json'],
      firstEvent: { type: 'start', resumed: true },
    });
  });
});

describe('syncHubSpot when the API fails', () => {
  it('waits out the rolling window HubSpot names after a 429 (it sends no Retry-After), then goes on', async () => {
    const times: number[] = [];
    server.use(
      http.get(`${HUBSPOT_MOCK_ORIGIN}/crm/v3/objects/companies`, () => {
        times.push(Date.now());
      }),
      hubspotRateLimited({ intervalMs: 1000 }),
    );
    const events: HubSpotSyncProgress[] = [];
    await sync({ onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      { type: 'retry', attempt: 1, reason: 'HTTP 429 (rate limited)', waitMs: 1000 },
    ]);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('honours Retry-After when there is one', async () => {
    server.use(hubspotRateLimited({ intervalMs: 10, retryAfterSeconds: 1 }));
    const events: HubSpotSyncProgress[] = [];
    await sync({ onProgress: (e) => events.push(e) });
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ waitMs: 1000 });
  });

  it('retries 5xx (HTML bodies too) with backoff and gives up after maxRetries', async () => {
    server.use(
      hubspotServerError({ times: 1, status: 502 }),
      http.get(
        `${HUBSPOT_MOCK_ORIGIN}/crm/v3/objects/deals`,
        () =>
          new Response('<html>Bad gateway</html>', {
            status: 504,
            headers: { 'content-type': 'text/html' },
          }),
        { once: true },
      ),
    );
    const events: HubSpotSyncProgress[] = [];
    await sync({ onProgress: (e) => events.push(e) });
    expect(events.flatMap((e) => (e.type === 'retry' ? [e.reason] : []))).toEqual(['HTTP 502', 'HTTP 504']);

    server.use(hubspotServerError({ times: 3 }));
    await expect(sync({ out: join(out, 'again'), retry: { initialDelayMs: 5, maxRetries: 2 } })).rejects.toMatchObject({
      name: 'HubSpotHttpError',
      status: 502,
    });
  });

  it('stops on a 401 without quoting the token, and writes nothing', async () => {
    const token = 'pat-na1-wrong-token-9876';
    const error: unknown = await sync({ accessToken: token }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect(error).toMatchObject({ status: 401 });
    expect(String((error as Error).message)).not.toContain('9876');
    expect(await readdir(out)).toEqual([]);
  });

  it('stops on a 403 for a token without the CRM scopes', async () => {
    await expect(sync({ accessToken: account.limitedToken ?? '' })).rejects.toMatchObject({
      name: 'SourceAuthError',
      status: 403,
    });
  });
});

describe('syncHubSpot on schema drift', () => {
  it('ignores fields and properties it does not know', async () => {
    await sync();
    const before = [await file('customers.csv'), await file('renewals.csv')];
    driftHubSpotSchema(account);
    const drifted = join(out, 'drifted');
    await sync({ out: drifted });
    expect([await file('customers.csv', drifted), await file('renewals.csv', drifted)]).toEqual(before);
  });

  it('names a company that lost a field HubSpot always sends, and writes nothing', async () => {
    driftHubSpotSchema(account, { remove: { objectType: 'companies', id: '102', field: 'updatedAt' } });
    const error: unknown = await sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CskitValidationError);
    expect((error as CskitValidationError).issues).toEqual([
      {
        source: 'hubspot',
        id: '102',
        field: 'updatedAt',
        value: '',
        reason: 'the company has no updatedAt timestamp: HubSpot always sends it',
      },
    ]);
    expect(await readdir(out)).toEqual([]);
  });

  it('names a deal whose amount is not a number', async () => {
    const deal = account.deals.find((candidate) => candidate.id === '203');
    if (deal === undefined) throw new Error('the demo portal lost deal 203');
    deal.properties['amount'] = '4.800,50';
    await expect(sync()).rejects.toThrow(
      'hubspot id deal 203, field amount, value "4.800,50": amount is not a decimal number',
    );
  });
});
