import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsQuery } from './months-query.js';
import { cohortsQuery } from './cohorts-query.js';
import type { StoredLine } from './test-support/canonical-tables.js';
import { duckdbEngine, type TestEngine } from './test-support/test-engines.js';
import { monthlyLine } from '../../core/src/test-support/monthly-line.js';

// The core's test line (USD, monthly, quantity 1), with the line_id the error messages name.
const line = (
  id: string,
  customerId: string,
  start: string,
  end: string | undefined,
  amountMinor: number,
  extra: Partial<StoredLine> = {},
): StoredLine => monthlyLine(customerId, start, end, amountMinor, { lineId: id, ...extra });

describe('the months query, by hand', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await duckdbEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('rounds a half-cent tie of unrounded sums to even, converts at the rate on or before the start, and churns', async () => {
    await engine.load(
      [
        // c1: yearly 0.01 + 1.93 + 0.88 = 2.82 a year = 282 ÷ 12 = 23.5 cents a month, exactly.
        line('y1', 'c1', '2024-01-15', undefined, 1, { interval: 'year' }),
        line('y2', 'c1', '2024-01-15', undefined, 193, { interval: 'year' }),
        line('y3', 'c1', '2024-01-15', undefined, 88, { interval: 'year' }),
        // c2: 10.00 EUR a month at 1.5 (the 2023-12-01 rate; the 2024-02-01 one comes later) = 15.00 USD,
        // active in January and February (the end date 2024-03-01 is after the last day of February).
        line('e1', 'c2', '2024-01-01', '2024-03-01', 1000, { currency: 'EUR' }),
        // c3: a trial, no MRR.
        line('t1', 'c3', '2024-02-01', undefined, 5000, { isTrial: true }),
      ],
      [
        { date: '2023-12-01', currency: 'EUR', rate: 1.5 },
        { date: '2024-02-01', currency: 'EUR', rate: 3 },
      ],
      'USD',
    );
    const rows = await engine.query(monthsQuery({ dialect: 'duckdb', currency: 'USD', to: '2024-03' }));
    expect(rows.map((row) => row.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    const [january, february, march] = rows;
    // 23.5 + 1500 = 1523.5 cents → 1524 (half to even); ARR 12 × 1523.5 = 18282; ARPA 1523.5 ÷ 2 = 761.75 → 762.
    expect(january).toMatchObject({
      mrr: 15.24,
      arr: 182.82,
      customers: 2,
      arpa: 7.62,
      new_mrr: 15.24,
      new_customers: 2,
    });
    expect(january).toMatchObject({ logo_churn_rate: null, grr: null, nrr: null, quick_ratio: null, ltv: null });
    expect(february).toMatchObject({
      mrr: 15.24,
      new_customers: 0,
      churn_customers: 0,
      logo_churn_rate: 0,
      grr: 1,
      nrr: 1,
    });
    // March: c2 churns 1500 cents; 23.5 cents remain → 24 (even); net new −1500; 1 of 2 customers lost.
    expect(march).toMatchObject({ mrr: 0.24, customers: 1, churn_mrr: 15, churn_customers: 1, net_new_mrr: -15 });
    expect(march).toMatchObject({ logo_churn_rate: 0.5, quick_ratio: 0 });
    expect(march?.gross_mrr_churn_rate).toBeCloseTo(1500 / 1523.5, 15);
    // LTV: the mean logo churn of January (none) and February (0) is 0 → null.
    expect(march?.ltv).toBeNull();

    const cohorts = await engine.query(cohortsQuery({ dialect: 'duckdb', currency: 'USD', to: '2024-03' }));
    // Cohort 2024-01: c1 and c2, 1523.5 cents; in March 1 of 2 remain with 23.5 of 1523.5 cents.
    expect(cohorts.map((row) => [row.cohort, row.age, row.customers, row.mrr, row.logo_retention])).toEqual([
      ['2024-01', 0, 2, 15.24, 1],
      ['2024-01', 1, 2, 15.24, 1],
      ['2024-01', 2, 2, 15.24, 0.5],
    ]);
    expect(cohorts[2]?.revenue_retention).toBeCloseTo(23.5 / 1523.5, 15);
  });

  it('stops with the line and the missing rate instead of dropping a line it cannot convert', async () => {
    await engine.load([line('g1', 'c1', '2024-01-01', undefined, 1000, { currency: 'GBP' })], [], 'USD');
    await expect(engine.query(monthsQuery({ dialect: 'duckdb', currency: 'USD' }))).rejects.toThrow(
      'Subscription line g1: No FX rate for GBP on or before 2024-01-01 (needed to convert GBP to USD)',
    );
  });

  it('stops with the line and the reason for a line that breaks the model', async () => {
    await engine.load([line('b1', 'c9', '2024-03-01', '2024-02-01', 1000)], [], 'USD');
    await expect(engine.query(monthsQuery({ dialect: 'duckdb', currency: 'USD' }))).rejects.toThrow(
      'Subscription line b1 (customer c9): end_date is before start_date',
    );
  });
  it('keeps an interval_count that does not divide 27720 exact: 11/13 + 11/13 + 4/13 + 1/2 cents is 2.5 cents', async () => {
    // 22/13 + 4/13 = 2 cents and 1 ÷ 2 = 0.5 cent: 2.5 cents, a tie, half to even → 2 cents; ARR 30 cents.
    // Rounding each 13th to a fixed tick grid first (as the SQL once did) lands just above the tie → 3.
    await engine.load(
      [
        line('a', 'c1', '2024-01-01', undefined, 11, { intervalCount: 13 }),
        line('b', 'c1', '2024-01-01', undefined, 11, { intervalCount: 13 }),
        line('c', 'c1', '2024-01-01', undefined, 4, { intervalCount: 13 }),
        line('d', 'c1', '2024-01-01', undefined, 1, { intervalCount: 2 }),
      ],
      [],
      'USD',
    );
    const [january] = await engine.query(monthsQuery({ dialect: 'duckdb', currency: 'USD', to: '2024-01' }));
    expect(january).toMatchObject({ mrr: 0.02, arr: 0.3, arpa: 0.02 });
  });

  it('converts at a decimal rate with the JS engine’s binary floats, tie and all', async () => {
    // 75.00 EUR × 1.0834 = 81.255 USD in decimals, 8125.5 cents, which would round to 8126; in binary
    // floats 7500 × 1.0834 = 8125.499999999999, which the JS engine rounds to 8125: the report says 81.25.
    await engine.load(
      [line('e', 'c1', '2024-01-01', undefined, 7500, { currency: 'EUR' })],
      [{ date: '2024-01-01', currency: 'EUR', rate: 1.0834 }],
      'USD',
    );
    const [january] = await engine.query(monthsQuery({ dialect: 'duckdb', currency: 'USD', to: '2024-01' }));
    expect(january).toMatchObject({ mrr: 81.25 });
  });

  it('stops on two FX rates for one currency and date, as the JS engine does', async () => {
    await engine.load(
      [line('e', 'c1', '2024-01-01', undefined, 1000, { currency: 'EUR' })],
      [
        { date: '2024-01-01', currency: 'EUR', rate: 1.1 },
        { date: '2024-01-01', currency: 'EUR', rate: 1.2 },
      ],
      'USD',
    );
    await expect(engine.query(monthsQuery({ dialect: 'duckdb', currency: 'USD' }))).rejects.toThrow(
      'FX table: duplicate FX rate for EUR on 2024-01-01',
    );
  });

  it('stops on a line_id used twice instead of counting the line twice', async () => {
    await engine.load(
      [line('x1', 'c1', '2024-01-01', undefined, 1000), line('x1', 'c2', '2024-01-01', undefined, 1000)],
      [],
      'USD',
    );
    await expect(engine.query(cohortsQuery({ dialect: 'duckdb', currency: 'USD' }))).rejects.toThrow(
      'Subscription line x1: duplicate line_id',
    );
  });
});
