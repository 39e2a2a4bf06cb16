import { describe, expect, it } from 'vitest';
import { prepareCustomerData } from '../health/customer-data.js';
import type { Customer } from '../model/customer.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { analyseRevenue } from '../revenue/analyse-revenue.js';
import { npsByGroup } from '../voice/nps-groups.js';
import { customerFacts, type CustomerFacts } from './customer-facts.js';
import { segmentCustomers } from './segment-customers.js';
import { assignSegments, defaultSegmentRules, type SegmentRule } from './segment-rules.js';
import { withSegments } from './with-segments.js';

const line = (
  customerId: string,
  startDate: string,
  amountMinor: number,
  extra: Partial<SubscriptionLine> = {},
): SubscriptionLine => ({
  customerId,
  startDate,
  amountMinor,
  currency: 'USD',
  interval: 'month',
  intervalCount: 1,
  quantity: 1,
  isTrial: false,
  ...extra,
});
const ids = (n: number, prefix = 'c'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

/** Segments of customers with the given MRRs (all since January 2024), on 2024-03-31. */
function segmentsOf(mrrs: readonly number[]): (string | null)[] {
  const subscriptions = mrrs.map((mrr, i) => line(ids(mrrs.length)[i] as string, '2024-01-01', mrr));
  const { segments } = segmentCustomers({ subscriptions }, { asOf: '2024-03-31' });
  return ids(mrrs.length).map((id) => segments.get(id) ?? null);
}

describe('default segment rules', () => {
  it('vip: the top 10 %, ties never split', () => {
    // 20 customers: 30, 30, 20, then 17 × 10. "≥ 30" is 2 customers = 10 % → both vip.
    // "≥ 20" is 3 = 15 % → not vip. Median 10 → everyone else is core.
    expect(segmentsOf([3000, 3000, 2000, ...Array(17).fill(1000)])).toEqual([
      'vip',
      'vip',
      'core',
      ...Array(17).fill('core'),
    ]);
    // 30, 20, 20, 17 × 10: 30 alone is 5 % → vip; "≥ 20" is 3 = 15 % → neither 20 is vip (the top 10 % holds 1).
    expect(segmentsOf([3000, 2000, 2000, ...Array(17).fill(1000)]).slice(0, 3)).toEqual(['vip', 'core', 'core']);
  });

  it('vip needs at least 10 active customers: fewer cannot fill 10 %', () => {
    // 5 customers: the largest alone is 20 % > 10 %. Median 3000 → ≥ is core, below secondary.
    expect(segmentsOf([5000, 4000, 3000, 2000, 1000])).toEqual(['core', 'core', 'core', 'secondary', 'secondary']);
    // all equal: nobody stands out, and everyone is at the median
    expect(segmentsOf(Array(12).fill(1000))).toEqual(Array(12).fill('core'));
  });

  const population = { activeCustomers: 20, medianMrr: 1000, mrrPercentile: (p: number) => (p === 50 ? 1000 : null) };
  const facts = (overrides: Partial<CustomerFacts>): CustomerFacts => ({
    customerId: 'x',
    customer: undefined,
    attributes: {},
    mrr: 500,
    mrrShareAtOrAbove: 0.5,
    seatUtilisation: null,
    monthsSinceExpansion: null,
    population,
    ...overrides,
  });
  const segment = (overrides: Partial<CustomerFacts>, rules = defaultSegmentRules()): string | null =>
    assignSegments([facts(overrides)], rules).get('x') ?? null;

  it('potential: utilisation at least 80 % or an expansion in the last 3 months, and not vip', () => {
    expect(segment({ seatUtilisation: 0.8 })).toBe('potential');
    expect(segment({ seatUtilisation: 0.7999 })).toBe('secondary');
    // 0 = the latest complete month; 2 = two months before it: still within 3 months
    expect(segment({ monthsSinceExpansion: 2 })).toBe('potential');
    expect(segment({ monthsSinceExpansion: 3 })).toBe('secondary');
    // first match wins: a vip with full seats stays vip
    expect(segment({ seatUtilisation: 1, mrrShareAtOrAbove: 0.05 })).toBe('vip');
    // core at the median exactly
    expect(segment({ mrr: 1000 })).toBe('core');
    expect(segment({ mrr: 999.99 })).toBe('secondary');
  });

  it('takes other thresholds', () => {
    const rules = defaultSegmentRules({ vipShare: 0.5, potentialUtilisation: 0.5, expansionMonths: 1 });
    expect(segment({ mrrShareAtOrAbove: 0.5 }, rules)).toBe('vip');
    expect(segment({ mrrShareAtOrAbove: 0.9, seatUtilisation: 0.5 }, rules)).toBe('potential');
    expect(segment({ mrrShareAtOrAbove: 0.9, monthsSinceExpansion: 1 }, rules)).toBe('secondary');
    expect(() => defaultSegmentRules({ vipShare: 2 })).toThrow(/vipShare/);
  });

  it('custom rules: the first match wins, none → null', () => {
    const rules: SegmentRule[] = [
      { segment: 'big', when: (f) => f.mrr > 1000 },
      { segment: 'medium', when: (f) => f.mrr > 100 },
      { segment: 'retail', when: (f) => f.attributes.industry === 'retail' },
    ];
    expect(segment({ mrr: 1500 }, rules)).toBe('big');
    expect(segment({ mrr: 500 }, rules)).toBe('medium');
    expect(segment({ mrr: 50, attributes: { industry: 'retail' } }, rules)).toBe('retail');
    expect(segment({ mrr: 50 }, rules)).toBeNull();
  });
});

describe('customerFacts', () => {
  const data = prepareCustomerData({
    subscriptions: [
      line('A', '2024-01-01', 1000, { quantity: 5 }),
      line('A', '2024-03-10', 1000), // expansion in March
      line('B', '2024-01-01', 4000),
      line('C', '2024-01-01', 4000),
    ],
    usage: [
      { customerId: 'A', date: '2024-03-20', name: 'login', value: 1, userId: 'u1' },
      { customerId: 'A', date: '2024-03-21', name: 'login', value: 1, userId: 'u2' },
    ],
  });

  it('measures each active customer against the others', () => {
    const { facts } = customerFacts(data, { asOf: '2024-03-31' });
    expect(
      facts.map((f) => [f.customerId, f.mrr, f.mrrShareAtOrAbove, f.seatUtilisation, f.monthsSinceExpansion]),
    ).toEqual([
      // A: 6000; "≥ 6000" is A alone → 1/3; 2 users ÷ 6 seats; expanded in March, the month of asOf → 0
      ['A', 6000, 1 / 3, 2 / 6, 0],
      // B and C tie at 4000: "≥ 4000" is all three → 3/3; 1 seat, no user → 0; never expanded
      ['B', 4000, 1, 0, null],
      ['C', 4000, 1, 0, null],
    ]);
    // median of 4000, 4000, 6000
    expect(facts[0]?.population.medianMrr).toBe(4000);
  });

  it('counts months from the last complete month for a mid-month asOf', () => {
    // 15 April: the April snapshot is not taken yet, so March is the latest month → 0 months since
    const { facts } = customerFacts(data, { asOf: '2024-04-15' });
    expect(facts[0]?.monthsSinceExpansion).toBe(0);
    expect(customerFacts(data, { asOf: '2024-06-30' }).facts[0]?.monthsSinceExpansion).toBe(3);
  });
});

describe('withSegments', () => {
  const customers: Customer[] = [
    { customerId: 'A', attributes: { segment: 'crm-gold', industry: 'retail' } },
    { customerId: 'B', attributes: { segment: 'crm-silver' } },
  ];

  it('adds the segment attribute, drops stale values, and adds records for customers known by lines only', () => {
    const result = withSegments(
      customers,
      new Map([
        ['A', 'vip'],
        ['C', 'core'],
      ]),
    );
    expect(result).toEqual([
      { customerId: 'A', attributes: { segment: 'vip', industry: 'retail' } },
      { customerId: 'B', attributes: {} },
      { customerId: 'C', attributes: { segment: 'core' } },
    ]);
    // the input is not changed
    expect(customers[0]?.attributes.segment).toBe('crm-gold');
  });

  it('makes every groupBy work by segment', () => {
    const subscriptions = [line('A', '2024-01-01', 1000), line('C', '2024-01-01', 3000)];
    const grouped = withSegments(customers, { A: 'vip', C: 'core' });
    const analysis = analyseRevenue({ subscriptions, customers: grouped }, { groupBy: 'segment' });
    expect(analysis.groups.map((g) => [g.key, g.series.months[0]?.mrr])).toEqual([
      ['core', 3000],
      ['vip', 1000],
    ]);
    const nps = npsByGroup([{ customerId: 'A', date: '2024-01-05', score: 10 }], grouped, { groupBy: 'segment' });
    expect(nps.map((g) => [g.value, g.score])).toEqual([['vip', 100]]);
  });
});
