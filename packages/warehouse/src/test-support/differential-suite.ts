import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DialectName } from '../dialect.js';
import { jsReport, reportDifferences, sqlReport } from './differential.js';
import { datasetArbitrary, type Dataset } from './random-datasets.js';
import type { TestEngine } from './test-engines.js';

const monthly = { currency: 'USD', interval: 'month', intervalCount: 1, quantity: 1, isTrial: false } as const;

/**
 * Run first on every engine: c1 leaves for exactly one month (churn in March, reactivation in April),
 * c2 ends on the last day of a month (still active in it) and c3 on the first (gone in it).
 */
const AWAY_ONE_MONTH: Dataset = {
  currency: 'USD',
  fx: [],
  lines: [
    { ...monthly, customerId: 'c1', startDate: '2024-01-10', endDate: '2024-03-01', amountMinor: 1000 },
    { ...monthly, customerId: 'c1', startDate: '2024-04-01', amountMinor: 1500 },
    { ...monthly, customerId: 'c2', startDate: '2024-01-31', endDate: '2024-04-30', amountMinor: 700 },
    { ...monthly, customerId: 'c3', startDate: '2024-02-01', endDate: '2024-05-01', amountMinor: 300 },
  ],
};

/**
 * Run second on every engine: interval_counts 997, 991 and 983 (primes) take the least common multiple
 * of the denominators past 2^21, so the JS ledger falls back to 12 ticks per minor unit and non-integer
 * ticks; a EUR line at 1.0834 and a JPY line at 0.006723 are converted with decimal rates.
 */
const PAST_THE_EXACT_SCALE: Dataset = {
  currency: 'USD',
  fx: [
    { date: '2023-12-01', currency: 'EUR', rate: 1.0834 },
    { date: '2023-12-01', currency: 'JPY', rate: 0.006723 },
  ],
  lines: [
    { ...monthly, customerId: 'c1', startDate: '2024-01-05', amountMinor: 99_700, intervalCount: 997 },
    {
      ...monthly,
      customerId: 'c1',
      startDate: '2024-02-01',
      amountMinor: 12_345,
      interval: 'year',
      intervalCount: 991,
    },
    {
      ...monthly,
      customerId: 'c2',
      startDate: '2024-01-31',
      endDate: '2024-06-15',
      amountMinor: 77_777,
      intervalCount: 983,
    },
    { ...monthly, customerId: 'c2', startDate: '2024-03-01', amountMinor: 7_500, currency: 'EUR' },
    {
      ...monthly,
      customerId: 'c3',
      startDate: '2024-02-29',
      endDate: '2024-05-01',
      amountMinor: 4_321,
      currency: 'JPY',
    },
  ],
};

/**
 * Registers the differential test of one engine: on `runs` random datasets, the report assembled
 * from the `months` and `cohorts` queries equals `buildReport`'s.
 */
export function differentialSuite(dialect: DialectName, start: () => Promise<TestEngine>, runs: number): void {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await start();
  });
  afterAll(async () => {
    await engine.close();
  });

  it(`gives the JS engine’s report on ${runs} random datasets`, async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const expected = jsReport(dataset);
        const actual = await sqlReport(engine, dialect, dataset);
        expect(reportDifferences(expected, actual)).toEqual([]);
      }),
      { numRuns: runs, examples: [[AWAY_ONE_MONTH], [PAST_THE_EXACT_SCALE]] },
    );
  });
}
