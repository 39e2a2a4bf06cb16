import { describe, expect, it } from 'vitest';
import { analyseRevenue, type RevenueAnalysis } from './analyse-revenue.js';
import type { RevenueMonth } from './monthly-metrics.js';
import { monthlyLine as line } from '../test-support/monthly-line.js';

const monthOf = (analysis: RevenueAnalysis, month: string): RevenueMonth =>
  analysis.total.months[analysis.months.indexOf(month)] as RevenueMonth;

describe('trial conversion (metrics.md §11)', () => {
  it('a zero-length paid line converts nothing; one with a positive length or open converts', () => {
    const subscriptions = [
      // z: trial 1–15 Jan, then a paid line that starts and ends on 20 Jan: it never bills → not converted
      line('z', '2024-01-01', '2024-01-15', 0, { isTrial: true }),
      line('z', '2024-01-20', '2024-01-20', 50),
      // p: trial 1–15 Jan, paid 20 Jan – 20 Feb (a positive length) → converted
      line('p', '2024-01-01', '2024-01-15', 0, { isTrial: true }),
      line('p', '2024-01-20', '2024-02-20', 50),
      // o: trial 1–15 Jan, open paid line from 14 Feb = 15 Jan + 30 days (the last day allowed) → converted
      line('o', '2024-01-01', '2024-01-15', 0, { isTrial: true }),
      line('o', '2024-02-14', undefined, 50),
      // u: upgrades during the trial (trial 1–31 Jan, paid from 10 Jan) → converted
      line('u', '2024-01-01', '2024-01-31', 0, { isTrial: true }),
      line('u', '2024-01-10', undefined, 50),
      // e: a paid line starting before the trial's start does not convert it
      line('e', '2023-12-01', '2024-01-01', 50),
      line('e', '2024-01-01', '2024-01-15', 0, { isTrial: true }),
      // l: 15 Jan + 31 days = 15 Feb is one day late → not converted
      line('l', '2024-01-01', '2024-01-15', 0, { isTrial: true }),
      line('l', '2024-02-15', undefined, 50),
    ];
    // January trials: z, p, o, u, e, l = 6; converted p, o, u = 3 → 3 ÷ 6 = 0.5
    expect(monthOf(analyseRevenue({ subscriptions }, { to: '2024-03' }), '2024-01').trials).toEqual({
      total: 6,
      succeeded: 3,
      rate: 0.5,
    });
  });
});

describe('renewals (metrics.md §11)', () => {
  it('counts paid lines whose billing period is longer than a month; month × 3 like quarter', () => {
    const subscriptions = [
      // q: quarterly 300.00, Jan–Mar, renewed by a new quarter from 1 April → up for renewal, renewed
      line('q', '2024-01-01', '2024-04-01', 30000, { interval: 'quarter' }),
      line('q', '2024-04-01', undefined, 30000, { interval: 'quarter' }),
      // m3: month × 3 = a 3-month period, ends 1 April, not renewed → up for renewal, not renewed
      line('m3', '2024-01-01', '2024-04-01', 30000, { interval: 'month', intervalCount: 3 }),
      // w5: week × 5 = 5 × 12 ÷ 52 = 1.15 months > 1 → up for renewal; a monthly line follows → renewed
      line('w5', '2024-02-01', '2024-04-10', 5000, { interval: 'week', intervalCount: 5 }),
      line('w5', '2024-04-10', undefined, 5000),
      // w4: week × 4 = 48 ÷ 52 = 0.92 months, not longer than a month → not up for renewal
      line('w4', '2024-02-01', '2024-04-10', 5000, { interval: 'week', intervalCount: 4 }),
      // mo: monthly → not up for renewal
      line('mo', '2024-01-01', '2024-04-15', 5000),
      // tr: a yearly trial, and zy: a yearly line of amount 0 → not paid, not up for renewal
      line('tr', '2023-04-01', '2024-04-01', 0, { interval: 'year', isTrial: true }),
      line('zy', '2023-04-01', '2024-04-01', 0, { interval: 'year' }),
    ];
    // April: up for renewal q, m3, w5 = 3; renewed q, w5 = 2 → 2 ÷ 3
    expect(monthOf(analyseRevenue({ subscriptions }, { to: '2024-05' }), '2024-04').renewals).toEqual({
      total: 3,
      succeeded: 2,
      rate: 2 / 3,
    });
  });
});

describe('upsell and cross-sell (metrics.md §11)', () => {
  it('nets the change over products held in M−1; re-added products are cross-sell; cross-sell capped', () => {
    const subscriptions = [
      // x: Feb a 100 + b 50; Mar a 160, b 20, new c 40. Expansion 220 − 150 = 70.
      //    upsell = (160 − 100) + (20 − 50) = 30; cross-sell = 40; 30 + 40 = 70.
      line('x', '2024-02-01', '2024-03-01', 10000, { product: 'a' }),
      line('x', '2024-02-01', '2024-03-01', 5000, { product: 'b' }),
      line('x', '2024-03-01', undefined, 16000, { product: 'a' }),
      line('x', '2024-03-01', undefined, 2000, { product: 'b' }),
      line('x', '2024-03-01', undefined, 4000, { product: 'c' }),
      // y: Jan a 100 + b 50; Feb a 100 (b dropped); Mar a 100 + b 30 (b re-added). Expansion 30, all
      //    cross-sell: b was not held in February.
      line('y', '2024-01-01', undefined, 10000, { product: 'a' }),
      line('y', '2024-01-01', '2024-02-01', 5000, { product: 'b' }),
      line('y', '2024-03-01', undefined, 3000, { product: 'b' }),
      // z: Feb a 100 + b 100; Mar a 40 + b 100 + new c 80. Expansion 220 − 200 = 20.
      //    net over held = −60 → upsell 0; cross-sell 80 capped at 20.
      line('z', '2024-02-01', '2024-03-01', 10000, { product: 'a' }),
      line('z', '2024-02-01', undefined, 10000, { product: 'b' }),
      line('z', '2024-03-01', undefined, 4000, { product: 'a' }),
      line('z', '2024-03-01', undefined, 8000, { product: 'c' }),
    ];
    const march = monthOf(analyseRevenue({ subscriptions }, { to: '2024-03' }), '2024-03');
    // expansion 70 + 30 + 20 = 120.00
    expect(march.movements.expansion).toEqual({ mrr: 12000, customers: 3 });
    expect(march.upsell).toEqual({ mrr: 3000, customers: 1 });
    // 40 + 30 + 20 = 90.00
    expect(march.crossSell).toEqual({ mrr: 9000, customers: 3 });
    // customers(February) = 3 (x, y, z): upsell 1 ÷ 3, cross-sell 3 ÷ 3
    expect(march.upsellRate).toBe(1 / 3);
    expect(march.crossSellRate).toBe(1);
  });
});
