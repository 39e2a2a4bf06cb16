import type { Dialect, DialectName } from '../dialect.js';
import { bigquery } from './bigquery.js';
import { clickhouse } from './clickhouse.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { snowflake } from './snowflake.js';

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, clickhouse, bigquery, snowflake };

/**
 * The dialect module of `name`.
 *
 * @throws RangeError for an unknown name.
 */
export function dialectNamed(name: DialectName): Dialect {
  const dialect = DIALECTS[name] as Dialect | undefined;
  if (dialect === undefined)
    throw new RangeError(`Unknown SQL dialect "${String(name)}" (expected ${Object.keys(DIALECTS).join(', ')})`);
  return dialect;
}
