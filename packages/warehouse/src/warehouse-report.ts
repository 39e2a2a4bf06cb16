import type { Report } from '@cskit/core';
import { cohortsQuery } from './cohorts-query.js';
import { monthsQuery } from './months-query.js';
import type { RevenueQueryOptions } from './query-options.js';
import { reportOfRows, type SqlValue } from './report-rows.js';

/** Runs one SELECT on the engine and resolves to its rows as objects keyed by column name. */
export type RunQuery = (sql: string) => Promise<readonly Readonly<Record<string, SqlValue>>[]>;

/**
 * The report JSON of shared/spec/report.md computed inside the engine: runs the `months` and
 * `cohorts` queries through `run` (any client: DuckDB, `pg`, `@clickhouse/client`, BigQuery …) and
 * assembles their rows. NPS and tickets are `null` (they are not part of the warehouse queries).
 *
 * @throws RangeError for invalid options; whatever `run` throws (a missing FX rate or an invalid line
 * stops the query with a message naming the line).
 */
export async function warehouseReport(run: RunQuery, options: RevenueQueryOptions): Promise<Report> {
  const months = await run(monthsQuery(options));
  const cohorts = await run(cohortsQuery(options));
  return reportOfRows(options.currency, months, cohorts);
}
