import { describe, expect, it } from 'vitest';
import { MissingFxRateError } from '../fx/fx-table.js';
import type { CsCost } from '../model/cs-cost.js';
import { analyseRevenue } from '../revenue/analyse-revenue.js';
import { csRoi, retentionCost } from './cs-roi.js';
import { monthlyLine } from '../test-support/monthly-line.js';

const line = monthlyLine;

// January and February: 100 + 200 + 100 + 300 = 700.00, 4 customers.
// March: c2 churns (200), c3 expands by 50, c4 contracts by 100 → 450.00, 3 customers.
const analysis = analyseRevenue({
  subscriptions: [
    line('c1', '2024-01-01', undefined, 10000),
    line('c2', '2024-01-01', '2024-03-01', 20000),
    line('c3', '2024-01-01', undefined, 10000),
    line('c3', '2024-03-01', undefined, 5000),
    line('c4', '2024-01-01', '2024-03-01', 30000),
    line('c4', '2024-03-01', undefined, 20000),
  ],
});
const cost = (month: string, amountMinor: number, currency = 'USD'): CsCost => ({ month, amountMinor, currency });
const fx = [
  { date: '2024-02-01', currency: 'EUR', rate: 1.1 },
  { date: '2024-03-01', currency: 'EUR', rate: 1.2 },
  { date: '2024-01-01', currency: 'JPY', rate: 0.0067 },
];
// March: 100.00 USD + 50.00 EUR at 1.2 (the rate on 1 March) = 10000 + 6000 = 16000 cents.
const costs = [cost('2024-03', 10000), cost('2024-03', 5000, 'EUR'), cost('2025-01', 999999)];

describe('retentionCost', () => {
  it('divides the month’s CS cost by the customers of the month before still active', () => {
    // 4 customers in February, 1 churned in March → 3 retained; 16000 ÷ 3
    expect(retentionCost(analysis, costs, '2024-03', { fx })).toEqual({
      month: '2024-03',
      cost: 16000,
      retainedCustomers: 3,
      retentionCost: 16000 / 3,
    });
  });

  it('is null without retained customers, and 0 without cost', () => {
    // January: nobody was active in December
    expect(retentionCost(analysis, [cost('2024-01', 500)], '2024-01').retentionCost).toBeNull();
    expect(retentionCost(analysis, [], '2024-02')).toEqual({
      month: '2024-02',
      cost: 0,
      retainedCustomers: 4,
      retentionCost: 0,
    });
  });

  it('converts through the FX table, across minor units, and names a missing rate', () => {
    // 1000 JPY (no decimals) × 0.0067 = 6.70 USD = 670 cents
    expect(retentionCost(analysis, [cost('2024-02', 1000, 'JPY')], '2024-02', { fx }).cost).toBeCloseTo(670, 9);
    expect(() => retentionCost(analysis, [cost('2024-02', 100, 'GBP')], '2024-02', { fx })).toThrow(MissingFxRateError);
    expect(() => retentionCost(analysis, [cost('2024-02', 100, 'GBP')], '2024-02', { fx })).toThrow(
      /GBP on or before 2024-02-01/,
    );
  });
});

describe('csRoi', () => {
  it('returns (retained MRR + expansion − cost) ÷ cost over the range', () => {
    const result = csRoi(analysis, costs, { from: '2024-02', to: '2024-03' }, { fx });
    // February: R 70000, no movement → retained 70000. March: 70000 − 20000 − 10000 = 40000, expansion 5000.
    expect(result.months.map((m) => [m.month, m.retainedMrr, m.expansionMrr, m.cost])).toEqual([
      ['2024-02', 70000, 0, 0],
      ['2024-03', 40000, 5000, 16000],
    ]);
    // (110000 + 5000 − 16000) ÷ 16000 = 99000 ÷ 16000 = 6.1875
    expect(result).toMatchObject({ retainedMrr: 110000, expansionMrr: 5000, cost: 16000, currency: 'USD' });
    expect(result.roi).toBeCloseTo(6.1875, 12);
  });

  it('is null when the CS cost is 0', () => {
    expect(csRoi(analysis, costs, { from: '2024-02', to: '2024-02' }, { fx }).roi).toBeNull();
  });

  it('rejects ranges that end after the analysis, and malformed costs', () => {
    // (a range that starts before the data is computed over the months that exist: metrics.md §11)
    expect(() => csRoi(analysis, costs, { from: '2024-02', to: '2030-01' })).toThrow(/end after the analysis/);
    expect(() => csRoi(analysis, [cost('2024-3', 1)], { from: '2024-02', to: '2024-03' })).toThrow(/not YYYY-MM/);
    expect(() => csRoi(analysis, [cost('2024-03', -1)], { from: '2024-02', to: '2024-03' })).toThrow(/non-negative/);
  });
});
