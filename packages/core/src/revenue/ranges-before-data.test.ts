import { describe, expect, it } from 'vitest';
import { churnComposition } from '../churn-composition/churn-composition.js';
import { csRoi, retentionCost } from '../roi/cs-roi.js';
import { analyseRevenue } from './analyse-revenue.js';
import { customerRetentionRate } from './customer-retention.js';
import { monthlyLine as line } from '../test-support/monthly-line.js';

// Data from March 2024: a 100.00 and b 50.00 from March; b churns in May; c 30.00 from April.
const analysis = analyseRevenue({
  subscriptions: [
    line('a', '2024-03-01', undefined, 10000),
    line('b', '2024-03-01', '2024-05-01', 5000),
    line('c', '2024-04-01', undefined, 3000),
  ],
});

// metrics.md §11, "Ranges before the data": computed over the months that exist, null when none do.
describe('rates over a range that starts before the data (metrics.md §11)', () => {
  it('customerRetentionRate is computed from the first month and never throws', () => {
    expect(analysis.months[0]).toBe('2024-03');
    // 2024-01 … 2024-05 → 2024-03 … 2024-05: S = customers(Feb) = 0 → null; E = 2 (a, c), N = 2.
    expect(customerRetentionRate(analysis, '2024-01', '2024-05')).toEqual({
      start: 0,
      end: 2,
      acquired: 2,
      rate: null,
    });
    // a range wholly before the data has no month: nothing to count
    expect(customerRetentionRate(analysis, '2023-01', '2023-12')).toEqual({
      start: 0,
      end: 0,
      acquired: 0,
      rate: null,
    });
    // from the second month on it is the ordinary rate: April–May: S = customers(March) = 2 (a, b),
    // E = 2 (a, c), N = 1 (c) → (2 − 1) ÷ 2 = 0.5
    expect(customerRetentionRate(analysis, '2024-04', '2024-05').rate).toBe(0.5);
  });

  it('csRoi and retentionCost count the months that exist', () => {
    // 2024-01 … 2024-04 → March and April. March: R = 0, cost 0. April: R = 150.00 (a + b),
    // no churn or contraction → retained 15000; no expansion (c is new). Costs: 100.00 in January (before
    // the data, not counted) and 60.00 in April → ROI (15000 + 0 − 6000) ÷ 6000 = 1.5.
    const costs = [
      { month: '2024-01', amountMinor: 10000, currency: 'USD' },
      { month: '2024-04', amountMinor: 6000, currency: 'USD' },
    ];
    const roi = csRoi(analysis, costs, { from: '2024-01', to: '2024-04' });
    expect(roi.months.map((m) => m.month)).toEqual(['2024-03', '2024-04']);
    expect(roi.retainedMrr).toBe(15000);
    expect(roi.cost).toBe(6000);
    expect(roi.roi).toBe(1.5);
    // wholly before the data: no month, no cost → null
    expect(csRoi(analysis, costs, { from: '2023-01', to: '2024-02' })).toMatchObject({
      months: [],
      cost: 0,
      roi: null,
    });
    // a month before the data: its cost, nobody retained → null
    expect(retentionCost(analysis, costs, '2024-01')).toEqual({
      month: '2024-01',
      cost: 10000,
      retainedCustomers: 0,
      retentionCost: null,
    });
  });

  it('churnComposition counts the churns of the months that exist', () => {
    // 2024-01 … 2024-05: b churns in May (50.00, 2 months active before: March, April); shares 1.
    const composition = churnComposition(analysis, { from: '2024-01', to: '2024-05' });
    expect(composition.churns.map((c) => [c.customerId, c.month, c.mrr, c.tenureMonths])).toEqual([
      ['b', '2024-05', 5000, 2],
    ]);
    expect(composition.reasons[0]?.customerShare).toBe(1);
    expect(churnComposition(analysis, { from: '2023-01', to: '2023-06' })).toMatchObject({
      customers: 0,
      mrr: 0,
      churns: [],
      medianTenureMonths: null,
    });
  });
});
