import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoHubSpotAccount, demoZendeskAccount } from '@cskit/connectors/mocks';
import { serveHubSpotMock, serveZendeskMock, type MockServer } from '@cskit/connectors/mocks/node';
import { runCskit } from './test-support/run-cskit.js';

const cskit = (argv: readonly string[], env: Record<string, string> = {}) => runCskit(argv, { env });

let dir: string;
const servers: MockServer[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cskit-merge-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('cskit merge', () => {
  it('merges synced HubSpot (by domain) and Zendesk files into billing ids with a map, reporting what is left', async () => {
    const hubspot = demoHubSpotAccount();
    const zendesk = demoZendeskAccount();
    servers.push(await serveHubSpotMock({ account: hubspot }), await serveZendeskMock({ account: zendesk }));
    const [hubspotServer, zendeskServer] = servers;
    expect(
      (
        await cskit(['sync', 'hubspot', '--out', join(dir, 'crm'), '--base-url', hubspotServer?.url ?? ''], {
          HUBSPOT_ACCESS_TOKEN: hubspot.accessToken,
        })
      ).code,
    ).toBe(0);
    expect(
      (
        await cskit(['sync', 'zendesk', '--out', join(dir, 'support'), '--base-url', zendeskServer?.url ?? ''], {
          ZENDESK_EMAIL: zendesk.email,
          ZENDESK_API_TOKEN: zendesk.apiToken,
        })
      ).code,
    ).toBe(0);
    await writeFile(
      join(dir, 'customers.csv'),
      'customer_id,name,country\ncus_acme,"Acme, Inc.",US\ncus_tokyo,Tokyo Lab,JP\ncus_bakery,Bakery,GB\n',
    );
    await writeFile(
      join(dir, 'subscriptions.csv'),
      'customer_id,start_date,amount,interval,currency\ncus_acme,2024-01-01,100.00,month,USD\ncus_tokyo,2024-01-01,50.00,month,USD\ncus_bakery,2024-02-01,20.00,month,USD\n',
    );
    // The CRM is keyed by domain, Zendesk by organization: both mapped to the Stripe ids. Initech has no
    // billing customer and organization 103 is not mapped.
    await writeFile(
      join(dir, 'map.csv'),
      'source,source_id,customer_id\ncrm,acme.example,cus_acme\ncrm,tokyo-lab.example,cus_tokyo\ncrm,bobsbakery.example,cus_bakery\nsupport,101,cus_acme\nsupport,102,cus_tokyo\n',
    );
    const merged = await cskit([
      'merge',
      '--out',
      join(dir, 'merged'),
      '--customers',
      join(dir, 'customers.csv'),
      '--subscriptions',
      join(dir, 'subscriptions.csv'),
      '--crm-customers',
      join(dir, 'crm', 'customers.csv'),
      '--renewals',
      join(dir, 'crm', 'renewals.csv'),
      '--tickets',
      join(dir, 'support', 'tickets.csv'),
      '--csat',
      join(dir, 'support', 'csat.csv'),
      '--map',
      join(dir, 'map.csv'),
    ]);
    expect(merged.code).toBe(0);
    const out = join(dir, 'merged');
    expect(merged.stderr).toBe(
      [
        'merge: 3 customers, 3 subscription lines',
        'merge: 2 crm records match no billing customer: customers 104, renewals 204',
        'merge: 1 support records match no billing customer: tickets 6',
        "merge: 2 CRM values differ from billing's and were not used",
        `merge: wrote ${out}; every unmatched record and conflict is in ${join(out, 'merge-report.json')}`,
        '',
      ].join('\n'),
    );
    // Billing columns first, then the CRM's; names stay billing's (Tokyo Lab, Bakery: the conflicts).
    expect(await readFile(join(out, 'customers.csv'), 'utf8')).toBe(
      [
        'customer_id,name,country,industry,size,region,owner,hubspot_company_id,domain',
        'cus_acme,"Acme, Inc.",US,COMPUTER_SOFTWARE,250,North America,9001,101,acme.example',
        'cus_tokyo,Tokyo Lab,JP,RESEARCH,40,APAC,9002,102,tokyo-lab.example',
        'cus_bakery,Bakery,GB,FOOD_BEVERAGES,8,EMEA,9001,103,bobsbakery.example',
        '',
      ].join('\n'),
    );
    // Tickets 1, 2 (org 101) and 3, 4 (org 102) re-keyed; 5 has no organization and stays; 6 (org 103) left out.
    const tickets = (await readFile(join(out, 'tickets.csv'), 'utf8'))
      .split('\n')
      .map((row) => row.split(',').slice(0, 2).join(','));
    expect(tickets).toEqual([
      'ticket_id,customer_id',
      '1,cus_acme',
      '2,cus_acme',
      '3,cus_tokyo',
      '4,cus_tokyo',
      '5,',
      '',
    ]);
    const report = JSON.parse(await readFile(join(out, 'merge-report.json'), 'utf8')) as {
      unmatched: Record<string, { entity: string; id: string; reason: string; record: Record<string, string> }[]>;
      conflicts: { customerId: string; field: string }[];
    };
    expect(report.unmatched['support']?.[0]).toMatchObject({
      entity: 'tickets',
      id: '6',
      reason: 'customer_id 103 is not in the support id mapping',
      record: { ticket_id: '6', customer_id: '103', priority: 'low' },
    });
    // Acme's names agree; Tokyo Lab ≠ 東京ラボ株式会社 and Bakery ≠ Bob's "Best" Bakery.
    expect(report.conflicts.map((c) => `${c.customerId}.${c.field}`)).toEqual(['cus_tokyo.name', 'cus_bakery.name']);

    // The merged files are what cskit report reads.
    const reported = await cskit([
      'report',
      '--subscriptions',
      join(out, 'subscriptions.csv'),
      '--customers',
      join(out, 'customers.csv'),
      '--tickets',
      join(out, 'tickets.csv'),
      '--from',
      '2024-02',
      '--to',
      '2024-02',
      '--format',
      'json',
    ]);
    expect(reported.stderr).toBe('');
    expect(reported.code).toBe(0);
  });

  it('names bad map rows and exits 1; usage errors exit 2', async () => {
    await writeFile(join(dir, 'subscriptions.csv'), 'customer_id,start_date,mrr\na,2024-01-01,10\n');
    await writeFile(join(dir, 'map.csv'), 'source,source_id,customer_id\nbilling,x,a\n');
    const bad = await cskit([
      'merge',
      '--out',
      join(dir, 'o'),
      '--subscriptions',
      join(dir, 'subscriptions.csv'),
      '--map',
      join(dir, 'map.csv'),
    ]);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stderr).toBe(
      'error: map row 2, field source, value "billing": source must be one of crm, support, surveys\n',
    );
    expect((await cskit(['merge', '--out', join(dir, 'o')])).stderr).toContain('missing --subscriptions');
    const sides = await cskit([
      'merge',
      '--out',
      join(dir, 'o'),
      '--subscriptions',
      join(dir, 'subscriptions.csv'),
      '--same-ids',
      'billing',
    ]);
    expect(sides).toMatchObject({ code: 2 });
    expect(sides.stderr).toContain('--same-ids: "billing" is not one of crm, support, surveys');
  });
});
