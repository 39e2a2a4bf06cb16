import { cohortsQuery, DIALECT_NAMES, monthsQuery } from '@cskit/warehouse';
import type { CliIo } from './cli-io.js';
import { SQL_HELP } from './help-text.js';
import { UsageError } from './usage-error.js';
import { parseCommandLine } from './command-arguments.js';
import { oneOf, WAREHOUSE_QUERY_OPTIONS, warehouseQueryOptions } from './warehouse-arguments.js';

const OPTIONS = {
  ...WAREHOUSE_QUERY_OPTIONS,
  dialect: { type: 'string' },
  query: { type: 'string' },
  'subscriptions-table': { type: 'string' },
} as const;

const QUERIES = { months: monthsQuery, cohorts: cohortsQuery } as const;

/**
 * `cskit sql`: prints the `months` or `cohorts` query of the revenue report for a warehouse dialect
 * (docs/warehouse.md), one SELECT, to run with the warehouse's own client.
 *
 * @returns the exit status: 0 printed, 2 bad usage.
 */
export async function runSql(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const values = parseCommandLine(argv, OPTIONS);
    if (values.help === true) {
      io.stdout.write(SQL_HELP);
      return 0;
    }
    const dialect = oneOf(values.dialect, 'dialect', DIALECT_NAMES);
    const query = QUERIES[oneOf(values.query, 'query', ['months', 'cohorts'] as const)];
    io.stdout.write(query(warehouseQueryOptions(values, dialect, values['subscriptions-table'])));
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof RangeError)) throw error;
    io.stderr.write(`cskit sql: ${error.message}\nRun 'cskit sql --help' for usage.\n`);
    return 2;
  }
}
