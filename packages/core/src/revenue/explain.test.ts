import { describe, expect, it } from 'vitest';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { analyseRevenue } from './analyse-revenue.js';
import { explainMovement, explainRate } from './explain.js';

const paid = (
  customerId: string,
  startDate: string,
  endDate: string | undefined,
  amountMinor: number,
  product: string,
): SubscriptionLine => ({
  customerId,
  startDate,
  ...(endDate === undefined ? {} : { endDate }),
  amountMinor,
  currency: 'EUR',
  interval: 'month',
  intervalCount: 1,
  quantity: 1,
  isTrial: false,
  product,
});

// March 2024: "big" (500) and "small" (100) churn; "grow" goes from 200 to 260 (+40 seats, +20 add-on); "keep" stays at 300.
const subscriptions = [
  paid('big', '2024-01-01', '2024-03-01', 50000, 'core'),
  paid('small', '2024-01-01', '2024-03-20', 10000, 'core'),
  paid('grow', '2024-01-01', '2024-03-01', 20000, 'core'),
  paid('grow', '2024-03-01', undefined, 24000, 'core'),
  paid('grow', '2024-03-05', undefined, 2000, 'add-on'),
  paid('keep', '2024-01-01', undefined, 30000, 'core'),
];
const customers = [
  { customerId: 'big', attributes: { tier: 'gold' } },
  { customerId: 'small', attributes: { tier: 'basic' } },
];
const analysis = analyseRevenue({ subscriptions, customers }, { groupBy: 'tier' });

describe('explainMovement', () => {
  it('lists the customers behind churn, largest first, with their lines', () => {
    const churn = explainMovement(analysis, '2024-03', 'churn');
    expect(churn).toMatchObject({ month: '2024-03', movement: 'churn', currency: 'EUR', mrr: 60000 });
    expect(churn.customers).toEqual([
      {
        customerId: 'big',
        previousMrr: 50000,
        mrr: 0,
        amount: 50000,
        lines: [{ line: subscriptions[0], previousMrr: 50000, mrr: 0 }],
      },
      {
        customerId: 'small',
        previousMrr: 10000,
        mrr: 0,
        amount: 10000,
        lines: [{ line: subscriptions[1], previousMrr: 10000, mrr: 0 }],
      },
    ]);
    expect(churn.mrr).toBe(analysis.total.months[2]?.movements.churn.mrr);
  });

  it('shows which lines changed for an expansion, and its upsell and cross-sell parts', () => {
    const expansion = explainMovement(analysis, '2024-03', 'expansion');
    // 200 → 240 + 20 = 260: expansion 60; the changed lines come first.
    expect(expansion.customers).toEqual([
      {
        customerId: 'grow',
        previousMrr: 20000,
        mrr: 26000,
        amount: 6000,
        lines: [
          { line: subscriptions[2], previousMrr: 20000, mrr: 0 },
          { line: subscriptions[3], previousMrr: 0, mrr: 24000 },
          { line: subscriptions[4], previousMrr: 0, mrr: 2000 },
        ],
      },
    ]);
    expect(explainMovement(analysis, '2024-03', 'upsell').mrr).toBe(4000);
    expect(explainMovement(analysis, '2024-03', 'crossSell').mrr).toBe(2000);
  });

  it('narrows to one group', () => {
    expect(explainMovement(analysis, '2024-03', 'churn', { group: 'gold' }).customers.map((c) => c.customerId)).toEqual(
      ['big'],
    );
    expect(() => explainMovement(analysis, '2024-03', 'churn', { group: 'platinum' })).toThrow(
      'No group "platinum" of tier',
    );
    expect(() => explainMovement(analysis, '2030-01', 'churn')).toThrow('Month 2030-01 is outside the analysis');
  });
});

describe('explainRate', () => {
  it('takes a rate apart into numerator, denominator and customers', () => {
    // Logo churn in March: 2 of the 4 customers of February.
    const logo = explainRate(analysis, '2024-03', 'logoChurnRate');
    expect(logo).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      formula: 'churned customers ÷ customers(M−1)',
    });
    expect(logo.movements.map((m) => m.customers.length)).toEqual([2]);
    // NRR: (1 100 − 600 − 0 + 60) ÷ 1 100 = 560 ÷ 1 100.
    const nrr = explainRate(analysis, '2024-03', 'nrr');
    expect(nrr).toMatchObject({ numerator: 56000, denominator: 110000, value: 56000 / 110000 });
    expect(nrr.movements.map((m) => m.movement)).toEqual(['expansion', 'churn', 'contraction']);
  });
});
