import type { SampleCompany } from '@cskit/core/sample';
import { hubspotCompany, hubspotDeal, type HubSpotMockObject } from './hubspot-objects.js';

/**
 * What the HubSpot mock serves: one portal's companies and deals and the tokens it accepts. Handlers
 * read it on every request, so a test may change it between two syncs or during one.
 */
export interface HubSpotMockAccount {
  /** A private app's access token with the CRM read scopes. */
  accessToken: string;
  /** A valid token without the scopes to read companies and deals (403). */
  limitedToken?: string;
  companies: HubSpotMockObject[];
  deals: HubSpotMockObject[];
  /** Requests the search endpoint answered: a sync must never need it. */
  searchRequests: number;
}

/** The token of the demo accounts. Not a real token. */
export const HUBSPOT_MOCK_ACCESS_TOKEN = 'pat-na1-cskit-mock-0000-4242';

/**
 * A small hand-made portal whose sync is computed by hand in the tests and in docs/connectors.md. Its
 * `stripe_customer_id` values are the customers of `demoStripeAccount`, and companies 101–103 have the
 * ids of `demoZendeskAccount`'s organizations:
 *
 * | id | name | domain | stripe_customer_id | industry | employees | country | region | owner |
 * |---|---|---|---|---|---|---|---|---|
 * | 101 | Acme, Inc. | acme.example | cus_acme | COMPUTER_SOFTWARE | 250 | US | North America | 9001 |
 * | 102 | 東京ラボ株式会社 | tokyo-lab.example | cus_tokyo | RESEARCH | 40 | JP | APAC | 9002 |
 * | 103 | Bob's "Best" Bakery | https://www.BobsBakery.example/ | cus_bakery | FOOD_BEVERAGES | 8 | GB | EMEA | 9001 |
 * | 104 | Initech | initech.example | — | FINANCIAL_SERVICES | 1200 | US | North America | — |
 * | 105 | Umbrella Corp | — | cus_umbrella | BIOTECHNOLOGY | 5000 | — | — | 9003 |
 *
 * Deals: 201 Acme renewal (existing business) won, 12000.00 USD, closing 2024-06-30; 202 Acme new
 * business; 203 Bakery renewal open, 4800.50 GBP, 2024-09-15 (also associated, unlabelled, with 104);
 * 204 Initech renewal lost, 900 USD, 2024-03-31; 205 a renewal without company, no amount.
 */
export function demoHubSpotAccount(): HubSpotMockAccount {
  const company = (
    id: string,
    name: string,
    properties: Record<string, string | null>,
    createdAt = '2023-11-02T10:00:00Z',
  ): HubSpotMockObject => hubspotCompany({ id, name, createdAt, properties });
  return {
    accessToken: HUBSPOT_MOCK_ACCESS_TOKEN,
    limitedToken: 'pat-na1-cskit-mock-no-scopes',
    searchRequests: 0,
    companies: [
      company('101', 'Acme, Inc.', {
        domain: 'acme.example',
        stripe_customer_id: 'cus_acme',
        industry: 'COMPUTER_SOFTWARE',
        numberofemployees: '250',
        country: 'US',
        region: 'North America',
        hubspot_owner_id: '9001',
      }),
      company('102', '東京ラボ株式会社', {
        domain: 'tokyo-lab.example',
        stripe_customer_id: 'cus_tokyo',
        industry: 'RESEARCH',
        numberofemployees: '40',
        country: 'JP',
        region: 'APAC',
        hubspot_owner_id: '9002',
      }),
      company('103', `Bob's "Best" Bakery`, {
        domain: 'https://www.BobsBakery.example/',
        stripe_customer_id: 'cus_bakery',
        industry: 'FOOD_BEVERAGES',
        numberofemployees: '8',
        country: 'GB',
        region: 'EMEA',
        hubspot_owner_id: '9001',
      }),
      company('104', 'Initech', {
        domain: 'initech.example',
        stripe_customer_id: null,
        industry: 'FINANCIAL_SERVICES',
        numberofemployees: '1200',
        country: 'US',
        region: 'North America',
        hubspot_owner_id: null,
      }),
      company('105', 'Umbrella Corp', {
        domain: null,
        stripe_customer_id: 'cus_umbrella',
        industry: 'BIOTECHNOLOGY',
        numberofemployees: '5000',
        hubspot_owner_id: '9003',
      }),
    ],
    deals: [
      hubspotDeal({
        id: '201',
        name: 'Acme renewal 2024',
        createdAt: '2024-04-01T09:00:00Z',
        dealType: 'existingbusiness',
        amount: '12000.00',
        currency: 'USD',
        closeDate: '2024-06-30T00:00:00Z',
        stage: 'closedwon',
        companyId: '101',
      }),
      hubspotDeal({
        id: '202',
        name: 'Acme analytics add-on',
        createdAt: '2024-04-02T09:00:00Z',
        dealType: 'newbusiness',
        amount: '3000',
        currency: 'USD',
        companyId: '101',
      }),
      hubspotDeal({
        id: '203',
        name: 'Bakery renewal',
        createdAt: '2024-05-01T09:00:00Z',
        dealType: 'existingbusiness',
        amount: '4800.50',
        currency: 'GBP',
        closeDate: '2024-09-15T12:00:00Z',
        companyId: '103',
        extraCompanies: ['104'],
      }),
      hubspotDeal({
        id: '204',
        name: 'Initech renewal',
        createdAt: '2024-01-10T09:00:00Z',
        dealType: 'existingbusiness',
        amount: '900',
        currency: 'USD',
        closeDate: '2024-03-31T23:30:00Z',
        stage: 'closedlost',
        companyId: '104',
      }),
      hubspotDeal({
        id: '205',
        name: 'Renewal, company unknown',
        createdAt: '2024-06-01T09:00:00Z',
        dealType: 'existingbusiness',
      }),
    ],
  };
}

/** Sample size bands as the employee counts HubSpot would hold. */
const EMPLOYEES: Readonly<Record<string, string>> = { smb: '20', 'mid-market': '300', enterprise: '3000' };

/**
 * A portal holding a sample company (`generateSample` of `@cskit/core/sample`): one company per
 * customer (ids from 1001 in the sample's order), its name, industry, region and country; its size
 * band as an employee count (smb 20, mid-market 300, enterprise 3000); the customer id in the custom
 * property `stripe_customer_id` (so `property:stripe_customer_id` matches the sample's billing ids)
 * and a domain made from it (`<customer id>.example`); owners 9001–9004 in turn. No deals.
 */
export function hubspotAccountFromSample(sample: SampleCompany): HubSpotMockAccount {
  return {
    accessToken: HUBSPOT_MOCK_ACCESS_TOKEN,
    searchRequests: 0,
    deals: [],
    companies: sample.customers.map((row, index) =>
      hubspotCompany({
        id: String(1001 + index),
        name: row.name,
        createdAt: `${row.created_at}T12:00:00Z`,
        properties: {
          domain: `${row.customer_id.toLowerCase()}.example`,
          stripe_customer_id: row.customer_id,
          industry: row.industry,
          numberofemployees: EMPLOYEES[row.size] ?? row.size,
          country: row.country,
          region: row.region,
          hubspot_owner_id: String(9001 + (index % 4)),
        },
      }),
    ),
  };
}

/**
 * A larger portal for paging, interruption and the search API's 10,000-result cap: `companies`
 * companies (default 10,050) `company-<n>.example`, every tenth without a domain, and one renewal deal
 * for every 25th company; the same options always give the same portal.
 */
export function generatedHubSpotAccount(options: { readonly companies?: number } = {}): HubSpotMockAccount {
  const count = options.companies ?? 10_050;
  const companies: HubSpotMockObject[] = [];
  const deals: HubSpotMockObject[] = [];
  const start = Date.parse('2022-01-01T00:00:00Z');
  for (let n = 1; n <= count; n++) {
    const id = String(100_000 + n);
    companies.push(
      hubspotCompany({
        id,
        name: n % 13 === 0 ? `Company ${n}, "quoted" & <i>marked</i>` : `Company ${n}`,
        createdAt: new Date(start + n * 3_600_000).toISOString(),
        properties: {
          domain: n % 10 === 0 ? null : `company-${n}.example`,
          industry: ['COMPUTER_SOFTWARE', 'RETAIL', 'HOSPITAL_HEALTH_CARE'][n % 3] ?? null,
          numberofemployees: String(5 + ((n * 37) % 2000)),
          country: ['US', 'DE', 'JP', 'BR'][n % 4] ?? null,
          hubspot_owner_id: String(9001 + (n % 4)),
        },
      }),
    );
    if (n % 25 === 0) {
      deals.push(
        hubspotDeal({
          id: String(500_000 + n),
          name: `Renewal ${n}`,
          createdAt: new Date(start + n * 3_600_000).toISOString(),
          dealType: 'existingbusiness',
          amount: String(100 + (n % 900)),
          currency: 'USD',
          closeDate: new Date(start + (n + 8760) * 3_600_000).toISOString(),
          stage: n % 50 === 0 ? 'closedwon' : 'contractsent',
          companyId: id,
        }),
      );
    }
  }
  return { accessToken: HUBSPOT_MOCK_ACCESS_TOKEN, searchRequests: 0, companies, deals };
}
