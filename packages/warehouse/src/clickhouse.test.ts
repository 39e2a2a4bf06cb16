import { describe } from 'vitest';
import { differentialSuite } from './test-support/differential-suite.js';
import { clickhouseEngine } from './test-support/test-engines.js';

describe('the months and cohorts queries on ClickHouse (chDB)', () => {
  // ClickHouse inlines every CTE and spends seconds per query however small the data (~9 s per dataset
  // on a loaded 2-core machine): three datasets keep CI within budget; WAREHOUSE_RUNS=200 runs more.
  differentialSuite('clickhouse', clickhouseEngine, Number(process.env.WAREHOUSE_RUNS ?? 3));
});
