import { describe, expect, it } from 'vitest';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { monthlyFactor, normalisedMrrMinor } from './normalised-mrr.js';

const line = (
  amountMinor: number,
  interval: SubscriptionLine['interval'],
  extra: Partial<SubscriptionLine> = {},
): SubscriptionLine => ({
  customerId: 'c',
  startDate: '2024-01-01',
  amountMinor,
  currency: 'USD',
  interval,
  intervalCount: 1,
  quantity: 1,
  isTrial: false,
  ...extra,
});

describe('normalised MRR of a line', () => {
  it('divides by the months of the billing period', () => {
    expect(normalisedMrrMinor(line(4900, 'month'))).toBe(4900);
    // 300.00 per quarter ÷ 3 = 100.00.
    expect(normalisedMrrMinor(line(30000, 'quarter'))).toBe(10000);
    // 99.00 per year ÷ 12 = 8.25.
    expect(normalisedMrrMinor(line(9900, 'year'))).toBe(825);
    // 10.00 per week: a week is 12/52 of a month, so × 52/12 = 43.333… (4333.33 cents).
    expect(normalisedMrrMinor(line(1000, 'week'))).toBeCloseTo(4333.3333, 4);
    // 1.00 per day: a day is 12/365 of a month, so × 365/12 = 30.416… (3041.67 cents).
    expect(normalisedMrrMinor(line(100, 'day'))).toBeCloseTo(3041.6667, 4);
  });

  it('divides by interval_count and multiplies by quantity', () => {
    // 600.00 every 6 months = 100.00 a month.
    expect(normalisedMrrMinor(line(60000, 'month', { intervalCount: 6 }))).toBe(10000);
    // 1 200.00 every 2 years = 1 200 ÷ 24 = 50.00.
    expect(normalisedMrrMinor(line(120000, 'year', { intervalCount: 2 }))).toBe(5000);
    // 3 seats × 10.00 = 30.00.
    expect(normalisedMrrMinor(line(1000, 'month', { quantity: 3 }))).toBe(3000);
    // Every 2 weeks: 10.00 × 52 ÷ 24 = 21.666…
    expect(normalisedMrrMinor(line(1000, 'week', { intervalCount: 2 }))).toBeCloseTo(2166.6667, 4);
  });

  it('is 0 for trials, zero amounts and zero quantities', () => {
    expect(normalisedMrrMinor(line(4900, 'month', { isTrial: true }))).toBe(0);
    expect(normalisedMrrMinor(line(0, 'year'))).toBe(0);
    expect(normalisedMrrMinor(line(4900, 'month', { quantity: 0 }))).toBe(0);
  });

  it('keeps the factor as an exact fraction', () => {
    expect(monthlyFactor('week', 1)).toEqual({ numerator: 13, denominator: 3 });
    expect(monthlyFactor('day', 2)).toEqual({ numerator: 365, denominator: 24 });
  });
});
