import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '@cskit/core';
import { parseIdMapCsv } from './id-map-csv.js';
import { mergeDataset, type DatasetInput, type IdMapping } from './merge-dataset.js';

/** Billing (Stripe ids), CRM keyed by domain, Zendesk organizations, NPS by Stripe id. */
const INPUT: DatasetInput = {
  billing: {
    customers: [
      { customer_id: 'cus_acme', name: 'Acme, Inc.', country: 'US' },
      { customer_id: 'cus_tokyo', name: '東京ラボ株式会社', country: '' },
      { customer_id: 'cus_bakery', name: 'Bakery', country: 'GB' },
    ],
    subscriptions: [
      { customer_id: 'cus_acme', start_date: '2024-01-01', amount: '100', interval: 'month' },
      { customer_id: 'cus_solo', start_date: '2024-01-01', amount: '50', interval: 'month' },
    ],
  },
  crm: {
    customers: [
      { customer_id: 'acme.example', name: 'Acme', country: 'US', industry: 'SOFTWARE', hubspot_company_id: '101' },
      {
        customer_id: 'tokyo-lab.example',
        name: '東京ラボ株式会社',
        country: 'JP',
        industry: 'RESEARCH',
        hubspot_company_id: '102',
      },
      { customer_id: 'solo.example', name: 'Solo', industry: 'RETAIL', hubspot_company_id: '106' },
      { customer_id: 'initech.example', name: 'Initech', industry: 'FINANCE', hubspot_company_id: '104' },
    ],
    renewals: [
      { deal_id: '201', customer_id: 'acme.example', amount: '12000' },
      { deal_id: '204', customer_id: 'initech.example', amount: '900' },
      { deal_id: '205', customer_id: '', amount: '' },
    ],
  },
  support: {
    tickets: [
      { ticket_id: '1', customer_id: '101', created_at: '2024-01-03T09:00:00Z' },
      { ticket_id: '3', customer_id: '102', created_at: '2024-01-20T08:00:00Z' },
      { ticket_id: '5', customer_id: '', created_at: '2024-02-14T11:00:00Z' },
      { ticket_id: '6', customer_id: '103', created_at: '2024-02-20T10:00:00Z' },
    ],
    csat: [{ date: '2024-01-03', score: '5', customer_id: '101', ticket_id: '1', rating_id: '7000001' }],
  },
  surveys: {
    nps: [
      { date: '2024-02-01', score: '9', customer_id: 'cus_acme' },
      { date: '2024-02-02', score: '3', customer_id: 'cus_gone' },
    ],
  },
};

const MAPPING: IdMapping = {
  crm: {
    ids: {
      'acme.example': 'cus_acme',
      'tokyo-lab.example': 'cus_tokyo',
      'solo.example': 'cus_solo',
      'initech.example': 'cus_initech',
    },
  },
  support: { ids: { '101': 'cus_acme', '102': 'cus_tokyo' } },
  surveys: { sameIds: true },
};

describe('mergeDataset', () => {
  const merged = mergeDataset(INPUT, MAPPING);

  it('adds CRM attributes to billing customers, keeping billing values and listing the conflicts', () => {
    expect(merged.customers).toEqual([
      // Billing name and country kept; industry and the CRM ids added.
      { customer_id: 'cus_acme', name: 'Acme, Inc.', country: 'US', industry: 'SOFTWARE', hubspot_company_id: '101' },
      // Billing country was empty: the CRM's JP fills it.
      {
        customer_id: 'cus_tokyo',
        name: '東京ラボ株式会社',
        country: 'JP',
        industry: 'RESEARCH',
        hubspot_company_id: '102',
      },
      { customer_id: 'cus_bakery', name: 'Bakery', country: 'GB' },
      // Known to billing only from a subscription: gets a record from the CRM.
      { customer_id: 'cus_solo', name: 'Solo', industry: 'RETAIL', hubspot_company_id: '106' },
    ]);
    expect(merged.report.conflicts).toEqual([
      { customerId: 'cus_acme', field: 'name', kept: 'Acme, Inc.', ignored: 'Acme', crmId: '101' },
    ]);
  });

  it('lists what matched no billing customer on each side, by record id, with the reason', () => {
    const brief = (side: 'billing' | 'crm' | 'support' | 'surveys') =>
      merged.report.unmatched[side].map(({ entity, id, reason }) => `${entity} ${id}: ${reason}`);
    expect(brief('crm')).toEqual([
      'customers 104: customer_id initech.example maps to cus_initech, which is no billing customer',
      'renewals 204: customer_id initech.example maps to cus_initech, which is no billing customer',
    ]);
    expect(brief('support')).toEqual(['tickets 6: customer_id 103 is not in the support id mapping']);
    expect(brief('surveys')).toEqual([
      'nps row 2: customer_id cus_gone maps to cus_gone, which is no billing customer',
    ]);
    expect(brief('billing')).toEqual(['customers cus_bakery: no CRM record matches it']);
  });

  it('re-keys the other sides to billing ids and keeps records that have no customer as they are', () => {
    expect(merged.renewals).toEqual([
      { deal_id: '201', customer_id: 'cus_acme', amount: '12000' },
      { deal_id: '205', customer_id: '', amount: '' },
    ]);
    expect(merged.tickets.map((t) => `${t['ticket_id']}:${t['customer_id']}`)).toEqual([
      '1:cus_acme',
      '3:cus_tokyo',
      '5:',
    ]);
    expect(merged.csat).toEqual([
      { date: '2024-01-03', score: '5', customer_id: 'cus_acme', ticket_id: '1', rating_id: '7000001' },
    ]);
    expect(merged.nps).toEqual([{ date: '2024-02-01', score: '9', customer_id: 'cus_acme' }]);
    expect(merged.subscriptions).toEqual(INPUT.billing.subscriptions);
  });

  it('matches nothing by accident: without a mapping, a Zendesk organization 101 is not billing customer 101', () => {
    const result = mergeDataset({
      billing: { subscriptions: [{ customer_id: '101', start_date: '2024-01-01', mrr: '10' }] },
      support: { tickets: [{ ticket_id: '1', customer_id: '101', created_at: '2024-01-01T00:00:00Z' }] },
    });
    expect(result.tickets).toEqual([]);
    expect(result.report.unmatched.support.map((u) => u.id)).toEqual(['1']);
  });
});

describe('mergeDataset, whatever the input', () => {
  const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', '');
  const records = (extra: Record<string, fc.Arbitrary<string>>) =>
    fc.array(fc.record({ customer_id: ids, ...extra }), { maxLength: 12 }) as fc.Arbitrary<CanonicalRecord[]>;
  const mapping = fc.record({
    ids: fc.dictionary(ids, ids, { maxKeys: 4 }),
    sameIds: fc.boolean(),
  });

  it('puts every input record in the merged dataset or in the unmatched report, never both, never neither', () => {
    fc.assert(
      fc.property(
        records({ name: fc.string({ maxLength: 3 }) }),
        records({ start_date: fc.constant('2024-01-01') }),
        records({ industry: fc.string({ maxLength: 3 }) }),
        records({ deal_id: fc.string({ maxLength: 3 }) }),
        records({ ticket_id: fc.string({ maxLength: 3 }) }),
        records({ score: fc.constantFrom('1', '9') }),
        fc.record({ crm: mapping, support: mapping, surveys: mapping }),
        (billingCustomers, subscriptions, crmCustomers, renewals, tickets, nps, idMapping) => {
          const input: DatasetInput = {
            billing: { customers: billingCustomers, subscriptions },
            crm: { customers: crmCustomers, renewals },
            support: { tickets },
            surveys: { nps },
          };
          const result = mergeDataset(input, idMapping);
          const { unmatched } = result.report;
          const listed = (side: 'crm' | 'support' | 'surveys', entity: string) =>
            unmatched[side].filter((u) => u.entity === entity).length;
          // Side records: merged + unmatched = input, one for one.
          expect(result.renewals.length + listed('crm', 'renewals')).toBe(renewals.length);
          expect(result.tickets.length + listed('support', 'tickets')).toBe(tickets.length);
          expect(result.nps.length + listed('surveys', 'nps')).toBe(nps.length);
          // Every CRM customer either reached a merged customer (its attributes there, or listed as a
          // conflict) or is listed as unmatched.
          const unmatchedCrm = new Set(unmatched.crm.filter((u) => u.entity === 'customers').map((u) => u.record));
          const mergedIds = new Set(result.customers.map((c) => c['customer_id']));
          const billingIds = new Set(
            [...billingCustomers, ...subscriptions].map((r) => r['customer_id']).filter((id) => id !== ''),
          );
          for (const record of crmCustomers) {
            if (unmatchedCrm.has(record)) continue;
            const target =
              idMapping.crm.ids[record['customer_id'] ?? ''] ??
              (idMapping.crm.sameIds ? record['customer_id'] : undefined);
            expect(target !== undefined && billingIds.has(target) && mergedIds.has(target)).toBe(true);
          }
          // Billing: every billing customer is still there, and subscriptions are untouched.
          expect(result.customers.slice(0, billingCustomers.length).map((c) => c['customer_id'])).toEqual(
            billingCustomers.map((c) => c['customer_id']),
          );
          expect(result.subscriptions).toEqual(subscriptions);
          // Merged side records carry billing ids only (or none).
          for (const record of [...result.renewals, ...result.tickets, ...result.nps]) {
            const id = record['customer_id'] ?? '';
            expect(id === '' || billingIds.has(id)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('parseIdMapCsv', () => {
  it('reads source,source_id,customer_id rows into a mapping per side', () => {
    const mapping = parseIdMapCsv(
      [
        { source: 'crm', source_id: 'acme.example', customer_id: 'cus_acme' },
        { source: 'support', source_id: '101', customer_id: 'cus_acme' },
        { source: 'support', source_id: '101', customer_id: 'cus_acme' },
      ],
      { sameIds: ['surveys'] },
    );
    expect(mapping).toEqual({
      crm: { ids: { 'acme.example': 'cus_acme' }, sameIds: false },
      support: { ids: { '101': 'cus_acme' }, sameIds: false },
      surveys: { ids: {}, sameIds: true },
    });
  });

  it('names each bad row by its line in the file', () => {
    expect(() =>
      parseIdMapCsv(
        [
          { source: 'billing', source_id: 'x', customer_id: 'y' },
          { source: 'support', source_id: '101', customer_id: 'cus_acme' },
          { source: 'support', source_id: '101', customer_id: 'cus_other' },
          { source: 'crm', source_id: '', customer_id: 'cus_acme' },
        ],
        { source: 'map.csv' },
      ),
    ).toThrow(
      [
        'map.csv row 2, field source, value "billing": source must be one of crm, support, surveys',
        'map.csv row 4, field customer_id, value "cus_other": support id 101 is already mapped to cus_acme',
        'map.csv row 5, field source_id, value "": source_id is empty',
      ].join('\n'),
    );
  });
});
