import { warehouseReport } from '@cskit/warehouse';
import type { CliIo } from './cli-io.js';
import { OUTPUT_FORMATS, parseCommandLine } from './command-arguments.js';
import { REPORT_HELP } from './help-text.js';
import { REPORT_COMMAND } from './report-command.js';
import { UsageError } from './usage-error.js';
import { oneOf, WAREHOUSE_QUERY_OPTIONS, warehouseQueryOptions } from './warehouse-arguments.js';
import { connectEngine, WAREHOUSE_ENGINES } from './warehouse-engines.js';

const OPTIONS = {
  ...WAREHOUSE_QUERY_OPTIONS,
  engine: { type: 'string' },
  db: { type: 'string' },
  table: { type: 'string' },
  format: { type: 'string' },
} as const;

/**
 * `cskit report --engine duckdb|postgres|clickhouse --db …`: the report computed inside the database by
 * the SQL of `@cskit/warehouse`, printed like `cskit report` prints it (report.md).
 *
 * @returns the exit status: 0 printed, 1 the query failed (an invalid line, a missing FX rate), 2 bad usage.
 */
export async function runEngineReport(argv: readonly string[], io: CliIo): Promise<number> {
  let connection;
  try {
    const values = parseCommandLine(argv, OPTIONS);
    if (values.help === true) {
      io.stdout.write(REPORT_HELP);
      return 0;
    }
    const engine = oneOf(values.engine, 'engine', WAREHOUSE_ENGINES);
    if (values.db === undefined || values.db === '') throw new UsageError('--engine needs --db <file or URL>');
    const format = values.format === undefined ? undefined : oneOf(values.format, 'format', OUTPUT_FORMATS);
    const options = warehouseQueryOptions(values, engine, values.table);
    connection = await connectEngine(engine, values.db);
    const report = await warehouseReport(connection.run, options);
    io.stdout.write(REPORT_COMMAND.render(report, format ?? (io.stdout.isTTY === true ? 'table' : 'json')));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError) {
      io.stderr.write(`cskit report: ${error.message}\nRun 'cskit report --help' for usage.\n`);
      return 2;
    }
    if (!(error instanceof Error)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return 1;
  } finally {
    await connection?.close();
  }
}
