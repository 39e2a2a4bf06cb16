import { describe, expect, it } from 'vitest';
import type { Customer } from '../model/customer.js';
import type { NpsResponse } from '../model/nps-response.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import type { Ticket } from '../model/ticket.js';
import type { UsageEvent } from '../model/usage-event.js';
import { defaultHealthModel } from './built-in-factors.js';
import { prepareCustomerData, type HealthDataset } from './customer-data.js';
import { healthReport } from './health-report.js';
import {
  defaultHealthAsOf,
  healthRollUps,
  scoreCustomer,
  scoreCustomers,
  type CustomerHealth,
} from './score-customers.js';

const line = (
  customerId: string,
  startDate: string,
  endDate: string | undefined,
  amountMinor: number,
  quantity = 1,
): SubscriptionLine => ({
  customerId,
  startDate,
  ...(endDate === undefined ? {} : { endDate }),
  amountMinor,
  currency: 'USD',
  interval: 'month',
  intervalCount: 1,
  quantity,
  isTrial: false,
});
const nps = (customerId: string, date: string, score: number, row: number): NpsResponse => ({
  customerId,
  date,
  score,
  row,
});
const use = (customerId: string, date: string, userId: string): UsageEvent => ({
  customerId,
  date,
  name: 'login',
  value: 1,
  userId,
});
const ticket = (
  ticketId: string,
  customerId: string,
  created: string,
  priority: string,
  respondedAfterMinutes?: number,
): Ticket => {
  const createdAt = Date.parse(created);
  return {
    ticketId,
    customerId,
    createdAt,
    createdDate: created.slice(0, 10),
    priority,
    ...(respondedAfterMinutes === undefined ? {} : { firstResponseAt: createdAt + respondedAfterMinutes * 60_000 }),
  };
};

const customers: Customer[] = [
  { customerId: 'A', name: 'Acme GmbH', attributes: { tier: 'enterprise' } },
  { customerId: 'B', attributes: {} },
  { customerId: 'C', name: 'Gone Ltd', attributes: { tier: 'smb' } },
];

/**
 * A: 10 seats at 10.00 since January (100.00), 5 more seats from 15 May (150.00 in total).
 * B: 50.00 from 1 May, one seat, never used the product, no answers, no tickets.
 * C: left on 15 June, so it is not active on 30 June.
 */
const dataset: HealthDataset = {
  customers,
  subscriptions: [
    line('A', '2024-01-01', undefined, 1000, 10),
    line('A', '2024-05-15', undefined, 1000, 5),
    line('B', '2024-05-01', undefined, 5000),
    line('C', '2024-01-01', '2024-06-15', 2000),
  ],
  nps: [nps('A', '2024-02-01', 3, 2), nps('A', '2024-06-10', 9, 3), nps('A', '2024-07-05', 0, 4)],
  usage: [
    use('A', '2024-06-01', 'u1'),
    use('A', '2024-06-15', 'u2'),
    use('A', '2024-06-30', 'u3'),
    use('A', '2024-05-31', 'u4'),
    use('A', '2024-06-20', 'u1'),
  ],
  tickets: [
    ticket('t1', 'A', '2024-04-01T10:00:00Z', 'high', 30),
    ticket('t2', 'A', '2024-04-02T10:00:00Z', 'high', 30),
    // Answered at 01:00 on 1 July: on 30 June it had waited 2 hours already, past its 60-minute target.
    ticket('t3', 'A', '2024-06-30T22:00:00Z', 'high', 180),
    ticket('t4', 'A', '2024-05-10T10:00:00Z', 'normal'),
  ],
};
const slaTargets = { high: 60 };
const model = defaultHealthModel({ slaTargets });
const data = prepareCustomerData(dataset);

describe('scoreCustomers with the default model', () => {
  const result = scoreCustomers(data, model, { asOf: '2024-06-30' });
  const [a, b] = result.customers as [CustomerHealth, CustomerHealth];

  it('scores the customers active on asOf only', () => {
    expect(result.customers.map((c) => c.customerId)).toEqual(['A', 'B']);
    expect(result.asOf).toBe('2024-06-30');
    expect(a.mrr).toBe(15000);
  });

  it('explains every factor of a customer with all data', () => {
    expect(a.missing).toEqual([]);
    expect(a.factors.map((f) => [f.key, f.raw, f.score])).toEqual([
      // latest answer on or before 30 June: 9 on 10 June (not 0 on 5 July) → promoter band → 100
      ['nps', 9, 100],
      // u1, u2, u3 in 1–30 June (u4 on 31 May is outside) ÷ 15 seats = 0.2; 0.2 ÷ 0.8 × 100 = 25
      ['seatUtilisation', 0.2, 25],
      // used on 30 June itself → 0 days → ≤ 7 → 100
      ['daysSinceLastUsage', 0, 100],
      // (15000 − 10000) ÷ 10000 on 31 March = +0.5, above max 0.1 → 100
      ['mrrChange', 0.5, 100],
      // t2 (2 April = asOf − 89), t4, t3; t1 (1 April) is outside → 3 → 100 − (3 − 2) ÷ 10 × 100 = 90
      ['ticketVolume', 3, 90],
      // high tickets t2 (met) and t3 (breached at the end of 30 June) → 1 ÷ 2 = 0.5 → inverted → 0
      ['slaBreachRate', 0.5, 0],
    ]);
    // 0.25·100 + 0.2·25 + 0.15·100 + 0.2·100 + 0.1·90 + 0.1·0 = 25 + 5 + 15 + 20 + 9 + 0 = 74
    expect(a.score).toBeCloseTo(74, 10);
    expect(a.band).toBe('green');
    expect(a.factors.map((f) => f.contribution)).toEqual(
      [25, 5, 15, 20, 9, 0].map((x) => expect.closeTo(x, 10) as number),
    );
  });

  it('compares with the score 30 days earlier for the trend', () => {
    // On 31 May: NPS 3 (2 Feb) → 0; 1 user (u4) ÷ 15 seats → 1/15 ÷ 0.8 × 100 = 8.333; used that day → 100;
    // 15000 vs 10000 on 29 Feb (month end to month end) → 100; t1, t2, t4 in 3 March – 31 May → 90;
    // t1, t2 met their target → 0 breached → 100.
    // 0 + 0.2·8.333 + 15 + 20 + 9 + 10 = 55.667 → trend 74 − 55.667 = 18.333
    expect(a.previous?.score).toBeCloseTo(55 + 2 / 3, 10);
    expect(a.trend).toBeCloseTo(18 + 1 / 3, 10);
  });

  it('leaves out the weight of missing factors', () => {
    // No answer → nps missing; no MRR on 31 March → mrrChange missing; no ticket with a target → SLA missing.
    expect(b.missing).toEqual(['nps', 'mrrChange', 'slaBreachRate']);
    // seats 1, users 0 → 0 → 0; never used: 30 June − 1 May = 60 days → ≤ 60 → 25; 0 tickets → 100
    expect(b.factors.map((f) => [f.key, f.raw, f.score])).toEqual([
      ['seatUtilisation', 0, 0],
      ['daysSinceLastUsage', 60, 25],
      ['ticketVolume', 0, 100],
    ]);
    // (0.2·0 + 0.15·25 + 0.1·100) ÷ (0.2 + 0.15 + 0.1) = 13.75 ÷ 0.45 = 30.556 → red
    expect(b.score).toBeCloseTo(13.75 / 0.45, 10);
    expect(b.band).toBe('red');
    // 31 May: 30 days without use → 50: (0 + 7.5 + 10) ÷ 0.45 = 38.889 → trend −8.333
    expect(b.trend).toBeCloseTo(13.75 / 0.45 - 17.5 / 0.45, 10);
    // effective weights of the present factors add up to 1
    expect(b.factors.reduce((sum, f) => sum + f.weight, 0)).toBeCloseTo(1, 12);
  });

  it('has no trend for a customer that was not active 30 days earlier', () => {
    const early = scoreCustomers(data, model, { asOf: '2024-05-20' }).customers.find((c) => c.customerId === 'B');
    // B started on 1 May: on 20 April it was not a customer
    expect(early?.previous).toBeNull();
    expect(early?.trend).toBeNull();
  });

  it('reports factors of a source the dataset lacks as missing, not zero', () => {
    const withoutUsage = prepareCustomerData({ ...dataset, usage: undefined });
    const [first] = scoreCustomers(withoutUsage, model, { asOf: '2024-06-30' }).customers;
    expect(first?.missing).toEqual(['seatUtilisation', 'daysSinceLastUsage']);
    // the SLA factor is missing without targets
    const [noTargets] = scoreCustomers(data, defaultHealthModel(), { asOf: '2024-06-30' }).customers;
    expect(noTargets?.missing).toEqual(['slaBreachRate']);
    // 74 ÷ 0.9 = 82.22
    expect(noTargets?.score).toBeCloseTo(74 / 0.9, 10);
  });

  it('scores one customer, active or not', () => {
    expect(scoreCustomer(data, model, 'A', { asOf: '2024-06-30' })?.score).toBeCloseTo(74, 10);
    expect(scoreCustomer(data, model, 'C', { asOf: '2024-06-30' })?.mrr).toBe(0);
    expect(scoreCustomer(data, model, 'nobody', { asOf: '2024-06-30' })).toBeUndefined();
  });

  it('defaults asOf to the last day of the latest month in the data', () => {
    // the latest date is the NPS answer of 5 July
    expect(defaultHealthAsOf(data)).toBe('2024-07-31');
    expect(() => scoreCustomers(data, model, { asOf: '30/06/2024' })).toThrow(/asOf/);
  });
});

describe('healthRollUps', () => {
  const customer = (customerId: string, score: number | null, mrr: number): CustomerHealth => ({
    customerId,
    name: undefined,
    mrr,
    score,
    band: null,
    trend: null,
    previous: null,
    factors: [],
    missing: [],
  });
  const scores = [customer('a', 80, 300), customer('b', 40, 100), customer('c', null, 500)];

  it('weights by MRR by default, or takes the plain mean', () => {
    // (300·80 + 100·40) ÷ 400 = 70 → green; c has no score: counted, not averaged
    expect(healthRollUps(scores, () => 'core')).toEqual([
      { segment: 'core', customers: 3, scored: 2, mrr: 900, score: 70, band: 'green' },
    ]);
    // (80 + 40) ÷ 2 = 60 → yellow
    expect(healthRollUps(scores, () => 'core', { weighting: 'mean' })[0]).toMatchObject({ score: 60, band: 'yellow' });
  });

  it('orders segments by the given order, then by name, and skips customers without one', () => {
    const segmentOf = (c: CustomerHealth): string | null =>
      ({ a: 'x', b: 'vip', c: null })[c.customerId as 'a'] ?? null;
    expect(healthRollUps(scores, segmentOf, { order: ['vip'] }).map((r) => r.segment)).toEqual(['vip', 'x']);
  });
});

describe('healthReport', () => {
  const report = healthReport(dataset, { asOf: '2024-06-30', slaTargets });

  it('is exactly the cskit health JSON', () => {
    expect(Object.keys(report)).toEqual(['version', 'asOf', 'bands', 'customers', 'segments']);
    expect(report.version).toBe(1);
    expect(report.bands).toEqual({ red: 0, yellow: 40, green: 70 });
    expect(report.customers[1]).toEqual({
      customerId: 'B',
      name: null,
      // not vip (2 customers), no expansion, MRR 5000 below the median 10000 → secondary
      segment: 'secondary',
      score: expect.closeTo(13.75 / 0.45, 10) as number,
      band: 'red',
      trend: expect.closeTo(-17.5 / 0.45 + 13.75 / 0.45, 10) as number,
      factors: [
        {
          key: 'seatUtilisation',
          label: 'Seat utilisation',
          raw: 0,
          score: 0,
          weight: expect.closeTo(0.2 / 0.45, 12) as number,
          configuredWeight: 0.2,
          contribution: 0,
        },
        {
          key: 'daysSinceLastUsage',
          label: 'Days since last use',
          raw: 60,
          score: 25,
          weight: expect.closeTo(0.15 / 0.45, 12) as number,
          configuredWeight: 0.15,
          contribution: expect.closeTo(3.75 / 0.45, 10) as number,
        },
        {
          key: 'ticketVolume',
          label: 'Tickets (90 days)',
          raw: 0,
          score: 100,
          weight: expect.closeTo(0.1 / 0.45, 12) as number,
          configuredWeight: 0.1,
          contribution: expect.closeTo(10 / 0.45, 10) as number,
        },
      ],
      missing: ['nps', 'mrrChange', 'slaBreachRate'],
    });
    // A expanded in May (1 month before June) → potential
    expect(report.customers[0]).toMatchObject({
      customerId: 'A',
      name: 'Acme GmbH',
      segment: 'potential',
      band: 'green',
    });
    expect(report.segments).toEqual([
      { segment: 'potential', customers: 1, score: expect.closeTo(74, 10) as number, band: 'green' },
      { segment: 'secondary', customers: 1, score: expect.closeTo(13.75 / 0.45, 10) as number, band: 'red' },
    ]);
    // Nothing that JSON would lose or change: no undefined, NaN or Infinity.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('gives the renormalised weight as weight and the model weight as configuredWeight (metrics.md §11)', () => {
    // A on 2024-06-30 without SLA targets: slaBreachRate (0.1) is missing, the others weigh 0.9 in all.
    // NPS: weight 0.25 ÷ 0.9 = 0.2778, configuredWeight 0.25.
    const a = healthReport(dataset, { asOf: '2024-06-30' }).customers[0];
    expect(a?.missing).toEqual(['slaBreachRate']);
    const nps = a?.factors.find((f) => f.key === 'nps');
    expect(nps?.configuredWeight).toBe(0.25);
    expect(nps?.weight).toBeCloseTo(0.2778, 4);
    expect(nps?.weight).toBeCloseTo(0.25 / 0.9, 12);
    expect(a?.factors.reduce((sum, f) => sum + f.configuredWeight, 0)).toBeCloseTo(0.9, 12);
    expect(a?.factors.reduce((sum, f) => sum + f.weight, 0)).toBeCloseTo(1, 12);
  });

  it('takes segments from an attribute or a map, and prepared data', () => {
    const byTier = healthReport(data, { asOf: '2024-06-30', slaTargets, segments: { attribute: 'tier' } });
    expect(byTier.customers.map((c) => c.segment)).toEqual(['enterprise', null]);
    expect(byTier.segments.map((s) => s.segment)).toEqual(['enterprise']);
    const byMap = healthReport(data, { asOf: '2024-06-30', segments: { map: { A: 'vip', B: 'vip' } }, rollUp: 'mean' });
    // no SLA targets: A 74 ÷ 0.9 = 82.22; B 30.556; plain mean (82.22 + 30.556) ÷ 2
    expect(byMap.segments).toEqual([
      {
        segment: 'vip',
        customers: 2,
        score: expect.closeTo((74 / 0.9 + 13.75 / 0.45) / 2, 10) as number,
        band: 'yellow',
      },
    ]);
  });
});
