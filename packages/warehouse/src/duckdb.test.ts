import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsReport, reportDifferences, sqlReport } from './test-support/differential.js';
import { datasetArbitrary } from './test-support/random-datasets.js';
import { duckdbEngine, type TestEngine } from './test-support/test-engines.js';

describe('the months and cohorts queries on DuckDB', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await duckdbEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('give the JS engine’s report on random datasets', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const expected = jsReport(dataset);
        const actual = await sqlReport(engine, 'duckdb', dataset);
        expect(reportDifferences(expected, actual)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
