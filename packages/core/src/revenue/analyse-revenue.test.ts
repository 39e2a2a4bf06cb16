import { describe, expect, it } from 'vitest';
import { MissingFxRateError } from '../fx/fx-table.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { analyseRevenue, type RevenueAnalysis } from './analyse-revenue.js';
import { customerMrrByMonth } from './customer-mrr.js';
import { customerRetentionRate } from './customer-retention.js';
import type { RevenueMonth } from './monthly-metrics.js';

/** A monthly line of `amount` major units (USD unless `extra` says otherwise). */
function line(
  customerId: string,
  startDate: string,
  endDate: string | undefined,
  amount: number,
  extra: Partial<SubscriptionLine> = {},
): SubscriptionLine {
  return {
    customerId,
    startDate,
    ...(endDate === undefined ? {} : { endDate }),
    amountMinor: Math.round(amount * 100),
    currency: 'USD',
    interval: 'month',
    intervalCount: 1,
    quantity: 1,
    isTrial: false,
    ...extra,
  };
}

function monthOf(analysis: RevenueAnalysis, month: string): RevenueMonth {
  const found = analysis.total.months.find((entry) => entry.month === month);
  if (found === undefined) throw new Error(`no month ${month} in ${analysis.months.join(',')}`);
  return found;
}

const mrrSeries = (analysis: RevenueAnalysis): Record<string, number> =>
  Object.fromEntries(analysis.total.months.map((m) => [m.month, m.mrr]));

/**
 * The worked example of docs/metrics.md, January–April 2024 (amounts in dollars):
 * A 100 throughout; B 200 until 1 March (churn in March); C 100, +50 on another product from
 * 1 February (expansion); D 300, down to 150 from 1 March (contraction); E 100 from 10 March (new).
 */
const FIVE: readonly SubscriptionLine[] = [
  line('A', '2024-01-01', undefined, 100, { product: 'core' }),
  line('B', '2024-01-01', '2024-03-01', 200, { product: 'core' }),
  line('C', '2024-01-01', undefined, 100, { product: 'core' }),
  line('C', '2024-02-01', undefined, 50, { product: 'seats' }),
  line('D', '2024-01-01', '2024-03-01', 300, { product: 'core' }),
  line('D', '2024-03-01', undefined, 150, { product: 'core' }),
  line('E', '2024-03-10', undefined, 100, { product: 'core' }),
];
const five = analyseRevenue({ subscriptions: FIVE }, { to: '2024-04' });

describe('the month-end snapshot', () => {
  it('counts a line from the month it starts in, even mid-month', () => {
    const analysis = analyseRevenue({ subscriptions: [line('a', '2024-01-15', undefined, 100)] }, { to: '2024-02' });
    // Active on 31 January (start ≤ last day): 100.00 in January already.
    expect(mrrSeries(analysis)).toEqual({ '2024-01': 10000, '2024-02': 10000 });
  });

  it('drops a line in the month its (exclusive) end falls in', () => {
    // end 15 March: not active at the end of 31 March. end 1 April: active on 31 March, gone in April.
    const analysis = analyseRevenue(
      { subscriptions: [line('a', '2024-01-01', '2024-03-15', 100), line('b', '2024-01-01', '2024-04-01', 10)] },
      { to: '2024-04' },
    );
    expect(mrrSeries(analysis)).toEqual({ '2024-01': 11000, '2024-02': 11000, '2024-03': 1000, '2024-04': 0 });
    expect(monthOf(analysis, '2024-03').movements.churn).toEqual({ mrr: 10000, customers: 1 });
    expect(monthOf(analysis, '2024-04').movements.churn).toEqual({ mrr: 1000, customers: 1 });
  });

  it('never shows a line that starts and ends inside one month, nor one with end = start', () => {
    const analysis = analyseRevenue(
      {
        subscriptions: [
          line('a', '2024-02-03', '2024-02-20', 100),
          line('b', '2024-02-10', '2024-02-10', 100),
          line('c', '2024-01-01', undefined, 1),
        ],
      },
      { to: '2024-03' },
    );
    expect(mrrSeries(analysis)).toEqual({ '2024-01': 100, '2024-02': 100, '2024-03': 100 });
    expect(monthOf(analysis, '2024-02').movements.new.customers).toBe(0);
    expect(monthOf(analysis, '2024-03').movements.churn.customers).toBe(0);
  });

  it('with snapshot: month-start, counts lines active at the start of the first day', () => {
    // 15 Jan – 15 Mar: active on 1 Feb and 1 Mar only. 1 Feb – 1 Apr: active on 1 Feb and 1 Mar.
    const subscriptions = [line('a', '2024-01-15', '2024-03-15', 100), line('b', '2024-02-01', '2024-04-01', 10)];
    const analysis = analyseRevenue({ subscriptions }, { snapshot: 'month-start', to: '2024-04' });
    expect(mrrSeries(analysis)).toEqual({ '2024-01': 0, '2024-02': 11000, '2024-03': 11000, '2024-04': 0 });
    // Month-end for comparison: a is active Jan–Feb, b Feb–Mar.
    expect(mrrSeries(analyseRevenue({ subscriptions }, { to: '2024-04' }))).toEqual({
      '2024-01': 10000,
      '2024-02': 11000,
      '2024-03': 1000,
      '2024-04': 0,
    });
  });

  it('gives each customer its MRR by month', () => {
    // D: 300 in January and February, then 150; A: 100 throughout.
    expect(customerMrrByMonth(five, 'D')).toEqual([30000, 30000, 15000, 15000]);
    expect(customerMrrByMonth(five, 'E')).toEqual([0, 0, 10000, 10000]);
    expect(customerMrrByMonth(five, 'nobody')).toBeUndefined();
  });

  it('sums the lines of a customer, who counts once', () => {
    const analysis = analyseRevenue(
      {
        subscriptions: [
          line('a', '2024-01-01', undefined, 100),
          line('a', '2024-01-05', undefined, 50, { quantity: 2 }),
        ],
      },
      {},
    );
    // 100 + 2 × 50 = 200 for one customer: ARPA 200, ARR 2 400.
    expect(monthOf(analysis, '2024-01')).toMatchObject({ mrr: 20000, arr: 240000, customers: 1, arpa: 20000 });
  });

  it('gives trials and zero amounts no MRR and no customer', () => {
    const analysis = analyseRevenue(
      {
        subscriptions: [
          line('a', '2024-01-01', undefined, 100, { isTrial: true }),
          line('b', '2024-01-01', undefined, 0),
        ],
      },
      { currency: 'USD' },
    );
    expect(monthOf(analysis, '2024-01')).toMatchObject({ mrr: 0, customers: 0, arpa: null });
  });
});

describe('movements', () => {
  it('classify the worked example', () => {
    const feb = monthOf(five, '2024-02');
    const mar = monthOf(five, '2024-03');
    // January: A 100 + B 200 + C 100 + D 300 = 700, all new.
    expect(monthOf(five, '2024-01').movements.new).toEqual({ mrr: 70000, customers: 4 });
    // February: C 100 → 150, expansion 50; MRR 750.
    expect(feb.movements.expansion).toEqual({ mrr: 5000, customers: 1 });
    expect(feb.mrr).toBe(75000);
    // March: B churns 200, D contracts 300 → 150, E is new 100; MRR 750 − 200 − 150 + 100 = 500.
    expect(mar.movements).toEqual({
      new: { mrr: 10000, customers: 1 },
      expansion: { mrr: 0, customers: 0 },
      contraction: { mrr: 15000, customers: 1 },
      churn: { mrr: 20000, customers: 1 },
      reactivation: { mrr: 0, customers: 0 },
    });
    expect(mar.mrr).toBe(50000);
    expect(mar.netNewMrr).toBe(-25000);
  });

  it('tell a reactivation after a gap from a new customer', () => {
    // Active Jan–Feb, inactive Mar–Apr, back in May: reactivation of 100.
    const subscriptions = [line('a', '2024-01-01', '2024-03-01', 100), line('a', '2024-05-01', undefined, 120)];
    const analysis = analyseRevenue({ subscriptions }, {});
    expect(monthOf(analysis, '2024-01').movements.new).toEqual({ mrr: 10000, customers: 1 });
    expect(monthOf(analysis, '2024-03').movements.churn).toEqual({ mrr: 10000, customers: 1 });
    expect(monthOf(analysis, '2024-05').movements.reactivation).toEqual({ mrr: 12000, customers: 1 });
    expect(monthOf(analysis, '2024-05').movements.new.customers).toBe(0);
  });

  it('count a return after more than reactivationWindowMonths inactive months as new', () => {
    // Inactive March and April: 2 months. Window 2 → reactivation; window 1 → new.
    const subscriptions = [line('a', '2024-01-01', '2024-03-01', 100), line('a', '2024-05-01', undefined, 100)];
    expect(
      monthOf(analyseRevenue({ subscriptions }, { reactivationWindowMonths: 2 }), '2024-05').movements.reactivation
        .customers,
    ).toBe(1);
    const strict = monthOf(analyseRevenue({ subscriptions }, { reactivationWindowMonths: 1 }), '2024-05');
    expect(strict.movements.new).toEqual({ mrr: 10000, customers: 1 });
    expect(strict.movements.reactivation.customers).toBe(0);
  });

  it('are netted per customer: an upgrade and a downgrade in one month cancel', () => {
    const subscriptions = [
      // a: 100 replaced mid-February by 150: expansion 50, not churn 100 + new 150.
      line('a', '2024-01-01', '2024-02-10', 100),
      line('a', '2024-02-10', undefined, 150),
      // b: 100 replaced by 50 + 50 in February: no movement at all.
      line('b', '2024-01-01', '2024-02-05', 100),
      line('b', '2024-02-05', undefined, 50),
      line('b', '2024-02-20', undefined, 50),
    ];
    const feb = monthOf(analyseRevenue({ subscriptions }, {}), '2024-02');
    expect(feb.movements).toEqual({
      new: { mrr: 0, customers: 0 },
      expansion: { mrr: 5000, customers: 1 },
      contraction: { mrr: 0, customers: 0 },
      churn: { mrr: 0, customers: 0 },
      reactivation: { mrr: 0, customers: 0 },
    });
  });
});

describe('rates', () => {
  it('of February in the worked example', () => {
    // S = 4 customers, R = 700; expansion 50, nothing lost.
    expect(monthOf(five, '2024-02')).toMatchObject({
      logoChurnRate: 0,
      grossMrrChurnRate: 0,
      netMrrChurnRate: -5000 / 70000, // (0 + 0 − 50 − 0) ÷ 700 = −0.0714…
      grr: 1, // (700 − 0 − 0) ÷ 700
      nrr: 75000 / 70000, // (700 − 0 − 0 + 50) ÷ 700 = 1.0714…
      quickRatio: null, // (0 + 50 + 0) ÷ 0
      arpa: 18750, // 750 ÷ 4 = 187.50
    });
  });

  it('of March in the worked example', () => {
    // S = 4, R = 750; churn 200 (1 customer), contraction 150, new 100.
    expect(monthOf(five, '2024-03')).toMatchObject({
      logoChurnRate: 0.25, // 1 ÷ 4
      grossMrrChurnRate: 35000 / 75000, // (200 + 150) ÷ 750 = 0.4666…
      netMrrChurnRate: 35000 / 75000, // nothing gained back
      grr: 40000 / 75000, // (750 − 200 − 150) ÷ 750 = 0.5333…
      nrr: 40000 / 75000,
      quickRatio: 10000 / 35000, // 100 ÷ 350 = 0.2857…
      arpa: 12500, // 500 ÷ 4 (A, C, D, E)
    });
  });

  it('are null without customers the month before', () => {
    expect(monthOf(five, '2024-01')).toMatchObject({
      logoChurnRate: null,
      grossMrrChurnRate: null,
      grr: null,
      nrr: null,
      ltv: null,
      nrr12: null,
    });
  });

  it('give LTV from the trailing mean of logo churn, skipping null months', () => {
    // March: mean over Jan (null, skipped) and Feb (0) = 0 → null.
    expect(monthOf(five, '2024-03').ltv).toBeNull();
    // April: ARPA 125; churn rates Jan null, Feb 0, Mar 0.25 → mean 0.125; LTV = 125 ÷ 0.125 = 1 000.
    expect(monthOf(five, '2024-04').ltv).toBe(100000);
    // With 80 % gross margin: 125 × 0.8 ÷ 0.125 = 800.
    expect(
      monthOf(analyseRevenue({ subscriptions: FIVE }, { to: '2024-04', grossMargin: 0.8 }), '2024-04').ltv,
    ).toBeCloseTo(80000, 9);
  });

  it('use only the six months before for LTV', () => {
    // One churn of 1 of 2 customers in Feb 2024 (rate 0.5), then 7 quiet months.
    const subscriptions = [line('a', '2024-01-01', undefined, 100), line('b', '2024-01-01', '2024-02-01', 100)];
    const analysis = analyseRevenue({ subscriptions }, { to: '2024-10' });
    // August: window Feb–Jul = 0.5, 0, 0, 0, 0, 0 → mean 1/12; LTV = 100 ÷ (1/12) = 1 200.
    expect(monthOf(analysis, '2024-08').ltv).toBeCloseTo(120000, 6);
    // September: window Mar–Aug, all 0 → null.
    expect(monthOf(analysis, '2024-09').ltv).toBeNull();
  });

  it('give nrr12 and grr12 over the customers active twelve months before', () => {
    const subscriptions = [
      line('x', '2023-01-01', undefined, 100), // 100 → 150 from July
      line('x', '2023-07-01', undefined, 50),
      line('y', '2023-01-01', '2023-10-01', 200), // churned
      line('z', '2023-06-01', undefined, 100), // not active in Jan 2023: left out
      line('w', '2023-01-01', '2023-12-01', 100), // 100 → 60 from December
      line('w', '2023-12-01', undefined, 60),
    ];
    const jan = monthOf(analyseRevenue({ subscriptions }, { to: '2024-01' }), '2024-01');
    // MRR(Jan 2023) = 100 + 200 + 100 = 400; Σ MRR now = 150 + 0 + 60 = 210; Σ min = 100 + 0 + 60 = 160.
    expect(jan.nrr12).toBe(210 / 400);
    expect(jan.grr12).toBe(160 / 400);
  });
});

describe('customer retention rate over a range', () => {
  it('is (E − N) ÷ S', () => {
    // February–March: S = customers(January) = 4 (A B C D), E = customers(March) = 4 (A C D E), N = 1 (E).
    expect(customerRetentionRate(five, '2024-02', '2024-03')).toEqual({ start: 4, end: 4, acquired: 1, rate: 0.75 });
    expect(customerRetentionRate(five, '2024-01', '2024-04').rate).toBeNull();
    expect(() => customerRetentionRate(five, '2024-03', '2024-02')).toThrow(RangeError);
  });
});

describe('cohorts', () => {
  it('follow customers from their first active month', () => {
    const [january, march] = five.total.cohorts;
    // January: A B C D, MRR 700. Active: 4, 4, 3 (B gone), 3. MRR: 700, 750, 400, 400.
    expect(january).toEqual({
      cohort: '2024-01',
      customers: 4,
      mrr: 70000,
      logoRetention: [1, 1, 0.75, 0.75],
      revenueRetention: [1, 750 / 700, 400 / 700, 400 / 700],
    });
    expect(march).toEqual({
      cohort: '2024-03',
      customers: 1,
      mrr: 10000,
      logoRetention: [1, 1],
      revenueRetention: [1, 1],
    });
  });

  it('keep a reactivated customer in its first cohort', () => {
    const analysis = analyseRevenue(
      { subscriptions: [line('a', '2024-01-01', '2024-02-01', 100), line('a', '2024-03-01', undefined, 100)] },
      {},
    );
    expect(analysis.total.cohorts).toEqual([
      { cohort: '2024-01', customers: 1, mrr: 10000, logoRetention: [1, 0, 1], revenueRetention: [1, 0, 1] },
    ]);
  });
});

describe('renewals', () => {
  it('count non-monthly lines ending in the month, renewed when the customer is active', () => {
    const subscriptions = [
      line('r1', '2023-03-15', '2024-03-15', 1200, { interval: 'year' }), // renewed by a new annual line
      line('r1', '2024-03-15', undefined, 1200, { interval: 'year' }),
      line('r2', '2023-03-01', '2024-03-01', 1200, { interval: 'year' }), // not renewed
      line('r3', '2023-03-01', '2024-03-20', 100), // monthly: never up for renewal
      line('r4', '2023-12-20', '2024-03-20', 300, { interval: 'quarter' }), // moves to monthly: renewed
      line('r4', '2024-03-20', undefined, 100),
    ];
    const march = monthOf(analyseRevenue({ subscriptions }, { to: '2024-03' }), '2024-03');
    // Up for renewal: r1, r2, r4 = 3; renewed r1, r4 = 2.
    expect(march.renewals).toEqual({ total: 3, succeeded: 2, rate: 2 / 3 });
  });
});

describe('trial conversion', () => {
  const subscriptions = [
    line('t1', '2024-01-05', '2024-01-19', 0, { isTrial: true }),
    line('t1', '2024-02-18', undefined, 50), // 19 Jan + 30 days = 18 Feb: converted
    line('t2', '2024-01-10', '2024-01-24', 0, { isTrial: true }),
    line('t2', '2024-02-24', undefined, 50), // 24 Jan + 31 days: too late by default
    line('t3', '2024-01-20', undefined, 50, { isTrial: true }), // open trial: counted from its start
    line('t3', '2024-01-25', undefined, 50), // early upgrade: converted
    line('t4', '2024-02-01', '2024-02-15', 0, { isTrial: true }), // a February trial
    line('t5', '2023-06-01', undefined, 80), // paying before the trial
    line('t5', '2024-01-03', '2024-01-17', 0, { isTrial: true }), // no new paid line: not converted
  ];

  it('counts trials started in the month and converted within trialConversionDays', () => {
    // January trials: t1, t2, t3, t5 = 4; converted t1, t3 = 2.
    expect(monthOf(analyseRevenue({ subscriptions }, {}), '2024-01').trials).toEqual({
      total: 4,
      succeeded: 2,
      rate: 0.5,
    });
    expect(monthOf(analyseRevenue({ subscriptions }, { trialConversionDays: 31 }), '2024-01').trials).toEqual({
      total: 4,
      succeeded: 3,
      rate: 0.75,
    });
    expect(monthOf(analyseRevenue({ subscriptions }, {}), '2024-02').trials).toEqual({
      total: 1,
      succeeded: 0,
      rate: 0,
    });
  });
});

describe('upsell and cross-sell', () => {
  it('split expansion by product, capped at the expansion', () => {
    const subscriptions = [
      // u: product a 100 → 150 and new product b 30: expansion 80 = upsell 50 + cross-sell 30.
      line('u', '2024-01-01', '2024-02-01', 100, { product: 'a' }),
      line('u', '2024-02-01', undefined, 150, { product: 'a' }),
      line('u', '2024-02-01', undefined, 30, { product: 'b' }),
      // v: product a 100 → 60 and new product b 70: expansion 30; net on a is −40 → upsell 0, cross-sell 30.
      line('v', '2024-01-01', '2024-02-01', 100, { product: 'a' }),
      line('v', '2024-02-01', undefined, 60, { product: 'a' }),
      line('v', '2024-02-01', undefined, 70, { product: 'b' }),
    ];
    const feb = monthOf(analyseRevenue({ subscriptions }, {}), '2024-02');
    expect(feb.movements.expansion).toEqual({ mrr: 11000, customers: 2 });
    expect(feb.upsell).toEqual({ mrr: 5000, customers: 1 });
    expect(feb.crossSell).toEqual({ mrr: 6000, customers: 2 });
    // customers(January) = 2: upsell 1 ÷ 2, cross-sell 2 ÷ 2.
    expect(feb.upsellRate).toBe(0.5);
    expect(feb.crossSellRate).toBe(1);
  });
});

describe('groupBy', () => {
  const customers = [
    { customerId: 'A', attributes: { segment: 'smb' } },
    { customerId: 'B', attributes: { segment: 'smb' } },
    { customerId: 'C', attributes: { segment: 'ent' } },
    { customerId: 'D', attributes: { segment: 'ent' } },
  ];
  const grouped = analyseRevenue({ subscriptions: FIVE, customers }, { to: '2024-04', groupBy: 'segment' });

  it('computes the same series per value, customers without it in null', () => {
    expect(grouped.groups.map((group) => group.key)).toEqual(['ent', 'smb', null]);
    const [ent, smb, none] = grouped.groups.map((group) => group.series.months[2] as RevenueMonth);
    // March. smb: A 100, B churned 200 of R = 300 → logo churn 1/2, MRR 100.
    expect(smb).toMatchObject({ mrr: 10000, customers: 1, logoChurnRate: 0.5, grossMrrChurnRate: 20000 / 30000 });
    // ent: C 150, D 300 → 150; R = 450 → gross MRR churn 150/450.
    expect(ent).toMatchObject({ mrr: 30000, customers: 2, logoChurnRate: 0, grossMrrChurnRate: 15000 / 45000 });
    // null: E, new.
    expect(none).toMatchObject({ mrr: 10000, movements: { new: { mrr: 10000, customers: 1 } } });
  });

  it('leaves the totals as without grouping', () => {
    expect(grouped.total).toEqual(five.total);
    expect(customerRetentionRate(grouped, '2024-02', '2024-03', { group: 'smb' })).toEqual({
      start: 2,
      end: 1,
      acquired: 0,
      rate: 0.5,
    });
  });
});

describe('currencies', () => {
  const fx = [
    { date: '2024-01-01', currency: 'EUR', rate: 1.1 },
    { date: '2024-02-01', currency: 'EUR', rate: 1.2 },
    { date: '2024-01-01', currency: 'JPY', rate: 0.0067 },
  ];

  it('convert at the latest rate on or before the start date, creating no movement later', () => {
    const subscriptions = [
      line('eu', '2024-01-15', undefined, 100, { currency: 'EUR' }), // 100 EUR × 1.10 = 110.00 USD
      line('jp', '2024-01-20', undefined, 0, { currency: 'JPY', amountMinor: 10000 }), // ¥10 000 × 0.0067 = 67.00 USD
    ];
    const analysis = analyseRevenue({ subscriptions, fx }, { currency: 'USD', to: '2024-03' });
    expect(analysis.total.months.map((m) => m.mrr).map(Math.round)).toEqual([17700, 17700, 17700]);
    expect(monthOf(analysis, '2024-02').movements.expansion.customers).toBe(0);
  });

  it('default to the currency the fx table converts to', () => {
    const analysis = analyseRevenue(
      {
        subscriptions: [
          line('a', '2024-01-01', undefined, 10),
          line('b', '2024-01-01', undefined, 10, { currency: 'EUR' }),
        ],
        fx,
      },
      {},
    );
    expect(analysis.currency).toBe('USD');
  });

  it('name the currency and date of a missing rate', () => {
    const run = (): unknown =>
      analyseRevenue(
        { subscriptions: [line('a', '2023-12-20', undefined, 10, { currency: 'EUR' })], fx },
        { currency: 'USD' },
      );
    expect(run).toThrow(MissingFxRateError);
    expect(run).toThrow('No FX rate for EUR on or before 2023-12-20');
  });

  it('need a reporting currency when several are present and no fx is given', () => {
    expect(() =>
      analyseRevenue(
        {
          subscriptions: [
            line('a', '2024-01-01', undefined, 10),
            line('b', '2024-01-01', undefined, 10, { currency: 'EUR' }),
          ],
        },
        {},
      ),
    ).toThrow('Several currencies in the subscriptions (EUR, USD)');
  });

  it('hold JPY in yen and BHD in fils', () => {
    const jpy = analyseRevenue(
      {
        subscriptions: [
          line('a', '2024-01-01', undefined, 0, { currency: 'JPY', amountMinor: 12000, interval: 'year' }),
        ],
      },
      {},
    );
    // ¥12 000 a year = ¥1 000 a month.
    expect(jpy).toMatchObject({ currency: 'JPY', exponent: 0 });
    expect(monthOf(jpy, '2024-01').mrr).toBe(1000);
    const bhd = analyseRevenue(
      {
        subscriptions: [
          line('a', '2024-01-01', undefined, 0, { currency: 'BHD', amountMinor: 100000, interval: 'year' }),
        ],
      },
      {},
    );
    // 100.000 BHD a year = 100 000 ÷ 12 = 8 333.33… fils.
    expect(monthOf(bhd, '2024-01').mrr).toBeCloseTo(8333.3333, 4);
    expect(bhd.exponent).toBe(3);
  });
});

describe('exactness', () => {
  it('sums in integer ticks, so ties stay exact', () => {
    // Yearly 0.01 + 1.93 + 0.88 = 282 cents ÷ 12 = 23.5 cents exactly; summed as floats in cents it is 23.4999….
    const subscriptions = [0.01, 1.93, 0.88].map((amount, i) =>
      line(`c${i}`, '2024-01-01', undefined, amount, { interval: 'year' }),
    );
    const analysis = analyseRevenue({ subscriptions }, {});
    expect(analysis.internals.ledger).toMatchObject({ scale: 12, exact: true });
    expect(monthOf(analysis, '2024-01').mrr).toBe(23.5);
  });
});

describe('options', () => {
  it('are checked', () => {
    expect(() => analyseRevenue({ subscriptions: FIVE }, { reactivationWindowMonths: -1 })).toThrow(RangeError);
    expect(() => analyseRevenue({ subscriptions: FIVE }, { trialConversionDays: 1.5 })).toThrow(RangeError);
    expect(() => analyseRevenue({ subscriptions: FIVE }, { timeZone: 'Nowhere/Land' })).toThrow('Unknown time zone');
    expect(() => analyseRevenue({ subscriptions: FIVE }, { from: '2024-13' })).toThrow('from must be a month YYYY-MM');
  });

  it('reject lines that break the model with the line named', () => {
    expect(() =>
      analyseRevenue({ subscriptions: [{ ...line('a', '2024-02-30', undefined, 1), lineId: 'L9' }] }, {}),
    ).toThrow('Subscription line L9 (customer a): start_date "2024-02-30"');
  });
});
