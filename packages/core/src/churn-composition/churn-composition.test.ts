import { describe, expect, it } from 'vitest';
import type { ChurnReason } from '../model/churn-reason.js';
import type { Customer } from '../model/customer.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { analyseRevenue } from '../revenue/analyse-revenue.js';
import { churnComposition } from './churn-composition.js';
import { monthlyLine } from '../test-support/monthly-line.js';

const line = monthlyLine;

const subscriptions = [
  // c1: active 2023-01 … 2024-02 (14 months), churns in March
  line('c1', '2023-01-01', '2024-03-01', 10000),
  // c2: active 2023-12, 2024-01 (ends 15 Feb: not active at the end of February) → churns in February
  line('c2', '2023-12-01', '2024-02-15', 30000),
  // c3: active 2023-06 … 2024-02 (9 months), churns in March
  line('c3', '2023-06-01', '2024-03-10', 20000),
  // c4 stays
  line('c4', '2023-01-01', undefined, 100000),
  // c5: 2023-01 … 2023-05 (5 months), churns in June 2023; back 2023-10 … 2024-02 (5 months), churns in March
  line('c5', '2023-01-01', '2023-06-01', 5000),
  line('c5', '2023-10-01', '2024-03-01', 5000),
];
const customers: Customer[] = [
  { customerId: 'c1', attributes: { industry: 'retail' } },
  { customerId: 'c2', attributes: { industry: 'retail' } },
  { customerId: 'c3', attributes: { industry: 'saas' } },
  { customerId: 'c4', attributes: { industry: 'saas' } },
  { customerId: 'c5', attributes: {} },
];
const churnReasons: ChurnReason[] = [
  // given with notice, weeks before the end
  { customerId: 'c1', date: '2024-02-10', reason: 'price', voluntary: true },
  // recorded in the month after the churn month: still matched
  { customerId: 'c2', date: '2024-03-20', reason: 'missing feature' },
  // c5's reason for its 2023 churn must not serve its 2024 churn
  { customerId: 'c5', date: '2023-05-01', reason: 'price' },
];
const analysis = analyseRevenue({ subscriptions, customers });

describe('churnComposition', () => {
  const result = churnComposition(analysis, {
    from: '2024-02',
    to: '2024-03',
    customers,
    groupBy: 'industry',
    churnReasons,
  });

  it('lists every churn of the period with its MRR, tenure and reason', () => {
    expect(result.churns.map((c) => [c.customerId, c.month, c.mrr, c.tenureMonths, c.reason, c.group])).toEqual([
      ['c2', '2024-02', 30000, 2, 'missing feature', 'retail'],
      ['c1', '2024-03', 10000, 14, 'price', 'retail'],
      ['c3', '2024-03', 20000, 9, null, 'saas'],
      // 5 + 5 active months over both stints; the 2023 reason was used by the 2023 churn
      ['c5', '2024-03', 5000, 10, null, null],
    ]);
    expect(result.churns[1]?.voluntary).toBe(true);
    // 30000 + 10000 + 20000 + 5000 = 65000, the sum of February's and March's churn movements
    expect(result).toMatchObject({ customers: 4, mrr: 65000, currency: 'USD' });
    const months = analysis.total.months.filter((m) => m.month === '2024-02' || m.month === '2024-03');
    expect(months.reduce((sum, m) => sum + m.movements.churn.mrr, 0)).toBe(result.mrr);
    expect(months.reduce((sum, m) => sum + m.movements.churn.customers, 0)).toBe(result.customers);
    // tenures 2, 9, 10, 14 → (9 + 10) ÷ 2
    expect(result.medianTenureMonths).toBe(9.5);
  });

  it('groups by attribute with shares and median tenure, unknown last', () => {
    expect(result.groups).toEqual([
      // c1 + c2: 2 ÷ 4; 40000 ÷ 65000; tenures 2, 14 → 8
      { key: 'retail', customers: 2, mrr: 40000, customerShare: 0.5, mrrShare: 40000 / 65000, medianTenureMonths: 8 },
      { key: 'saas', customers: 1, mrr: 20000, customerShare: 0.25, mrrShare: 20000 / 65000, medianTenureMonths: 9 },
      { key: null, customers: 1, mrr: 5000, customerShare: 0.25, mrrShare: 5000 / 65000, medianTenureMonths: 10 },
    ]);
  });

  it('groups by reason, churns without one in the null ("unknown") group', () => {
    expect(result.reasons).toEqual([
      {
        key: 'missing feature',
        customers: 1,
        mrr: 30000,
        customerShare: 0.25,
        mrrShare: 30000 / 65000,
        medianTenureMonths: 2,
      },
      { key: 'price', customers: 1, mrr: 10000, customerShare: 0.25, mrrShare: 10000 / 65000, medianTenureMonths: 14 },
      // c3 and c5: 25000 ÷ 65000; tenures 9, 10 → 9.5
      { key: null, customers: 2, mrr: 25000, customerShare: 0.5, mrrShare: 25000 / 65000, medianTenureMonths: 9.5 },
    ]);
    // the shares of each grouping add up to 1
    expect(result.reasons.reduce((sum, g) => sum + (g.mrrShare ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it('matches the earlier reason to the earlier churn', () => {
    const early = churnComposition(analysis, { from: '2023-06', to: '2023-06', churnReasons });
    expect(early.churns.map((c) => [c.customerId, c.reason, c.tenureMonths])).toEqual([['c5', 'price', 5]]);
    expect(early.groups).toEqual([]);
  });

  it('has null shares and an empty list when nobody churned', () => {
    const none = churnComposition(analysis, { from: '2023-02', to: '2023-03', groupBy: 'industry', customers });
    expect(none).toMatchObject({ customers: 0, mrr: 0, medianTenureMonths: null, groups: [], reasons: [] });
  });

  it('rejects ranges that end after the analysis, and bad reason dates', () => {
    // (a range that starts before the data covers the months that exist: metrics.md §11)
    expect(() => churnComposition(analysis, { from: '2024-01', to: '2030-01' })).toThrow(/end after the analysis/);
    expect(() => churnComposition(analysis, { from: '2024-03', to: '2024-02' })).toThrow(/before/);
    expect(() =>
      churnComposition(analysis, {
        from: '2024-02',
        to: '2024-03',
        churnReasons: [{ customerId: 'c1', date: '10/02/2024', reason: 'x' }],
      }),
    ).toThrow(/not YYYY-MM-DD/);
  });
});

describe('tenure (metrics.md §11)', () => {
  it('counts the months active in the whole history before the churn month, earlier stints included', () => {
    const stint = (startDate: string, endDate: string): SubscriptionLine => line('s', startDate, endDate, 1000);
    // Active January–March 2024 (3 months), gone April–May, back June–July (2 months), churns in August.
    const analysis = analyseRevenue({
      subscriptions: [stint('2024-01-01', '2024-04-01'), stint('2024-06-01', '2024-08-01')],
    });
    const { churns } = churnComposition(analysis, { from: '2024-04', to: '2024-08' });
    // first churn in April: 3 months before it; second in August: 3 + 2 = 5
    expect(churns.map((c) => [c.month, c.tenureMonths])).toEqual([
      ['2024-04', 3],
      ['2024-08', 5],
    ]);
  });
});
