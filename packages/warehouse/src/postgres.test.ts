import { describe } from 'vitest';
import { differentialSuite } from './test-support/differential-suite.js';
import { postgresEngine } from './test-support/test-engines.js';

describe('the months and cohorts queries on Postgres (PGlite)', () => {
  differentialSuite('postgres', postgresEngine, Number(process.env.WAREHOUSE_RUNS ?? 50));
});
