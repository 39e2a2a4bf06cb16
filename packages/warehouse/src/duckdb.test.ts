import { describe } from 'vitest';
import { differentialSuite } from './test-support/differential-suite.js';
import { duckdbEngine } from './test-support/test-engines.js';

describe('the months and cohorts queries on DuckDB', () => {
  differentialSuite('duckdb', duckdbEngine, Number(process.env.WAREHOUSE_RUNS ?? 60));
});
