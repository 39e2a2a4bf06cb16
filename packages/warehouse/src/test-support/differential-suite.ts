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
      { numRuns: runs, examples: [[AWAY_ONE_MONTH]] },
    );
  });
}
