import { doubleQuoted, type Dialect, type WindowSpec } from '../dialect.js';
import { windowClause } from './window-clause.js';

/** DuckDB (`@duckdb/node-api`, the DuckDB CLI, MotherDuck). */
export const duckdb: Dialect = {
  name: 'duckdb',
  quote: doubleQuoted,
  wideInteger: 'HUGEINT',
  toWideInteger: (e) => `CAST(${e} AS HUGEINT)`,
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
  toCount: (e) => `CAST(${e} AS INTEGER)`,
  toText: (e) => `CAST(${e} AS VARCHAR)`,
  monthIndex: (d) => `(year(${d}) * 12 + month(${d}) - 1)`,
  formatMonth: (i) => `printf('%04d-%02d', (${i}) // 12, (${i}) % 12 + 1)`,
  intDiv: (a, b) => `((${a}) // (${b}))`,
  lag: (e, offset, w: WindowSpec) => `LAG(${e}, ${offset}) OVER (${windowClause(w)})`,
  lead: (e, w: WindowSpec) => `LEAD(${e}, 1) OVER (${windowClause(w)})`,
  expandRange: (columns, source, start, end) =>
    `SELECT ${columns}, CAST(unnest(range(${start}, ${end})) AS INTEGER) AS m FROM ${source} AS s`,
  asofJoin: true,
  fail: (message) => `error(${message})`,
};
