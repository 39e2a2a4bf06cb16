import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '@cskit/core/sample';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCustomersCsv } from '../csv/index.js';
import { mergeDataset } from '../dataset/merge-dataset.js';
import { HUBSPOT_MOCK_ORIGIN, hubspotAccountFromSample, hubspotHandlers } from '../mocks/index.js';
import { parseHubSpotMatch } from './match-key.js';
import { syncHubSpot } from './sync-hubspot.js';

const sample = generateSample({ customers: 250, months: 12, endMonth: '2024-12' });
const server = setupServer(...hubspotHandlers(hubspotAccountFromSample(sample)));
let out: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  out = await mkdtemp(join(tmpdir(), 'cskit-hubspot-sample-'));
});
afterAll(async () => {
  server.close();
  await rm(out, { recursive: true, force: true });
});

describe('a sample company in the HubSpot mock, synced by its billing-id property', () => {
  it('gives every sample customer back with its industry, region and country, 100 a page', async () => {
    const pages: number[] = [];
    const result = await syncHubSpot({
      accessToken: 'pat-na1-cskit-mock-0000-4242',
      baseUrl: HUBSPOT_MOCK_ORIGIN,
      out,
      match: parseHubSpotMatch('property:stripe_customer_id'),
      onProgress: (e) => (e.type === 'page' && e.entity === 'companies' ? pages.push(e.objects) : undefined),
    });
    expect(pages).toEqual([100, 100, 50]);
    expect(result).toMatchObject({ customers: 250, unmatched: 0, renewals: 0 });
    const { records } = await readCustomersCsv(await readFile(join(out, 'customers.csv'), 'utf8'), {
      source: 'customers.csv',
    });
    const synced = new Map(records.map((customer) => [customer.customerId, customer.attributes]));
    for (const row of sample.customers) {
      expect(synced.get(row.customer_id)).toMatchObject({
        industry: row.industry,
        region: row.region,
        country: row.country,
      });
    }
  });

  it('merges into the sample billing customers with no unmatched record on either side', async () => {
    const { records } = await readCustomersCsv(await readFile(join(out, 'customers.csv'), 'utf8'), {
      source: 'customers.csv',
    });
    const crm = records.map((customer) => ({
      customer_id: customer.customerId,
      owner: customer.attributes['owner'] ?? '',
    }));
    const merged = mergeDataset(
      { billing: { customers: sample.customers, subscriptions: sample.subscriptions }, crm: { customers: crm } },
      { crm: { sameIds: true } },
    );
    expect(merged.report.unmatched).toEqual({ billing: [], crm: [], support: [], surveys: [] });
    // Owners 9001–9004 in turn, by the sample's order.
    expect(merged.customers.slice(0, 5).map((customer) => customer['owner'])).toEqual([
      '9001',
      '9002',
      '9003',
      '9004',
      '9001',
    ]);
  });
});
