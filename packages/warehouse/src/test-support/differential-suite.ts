import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DialectName } from '../dialect.js';
import { jsReport, reportDifferences, sqlReport } from './differential.js';
import { datasetArbitrary } from './random-datasets.js';
import type { TestEngine } from './test-engines.js';

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
      { numRuns: runs },
    );
  });
}
