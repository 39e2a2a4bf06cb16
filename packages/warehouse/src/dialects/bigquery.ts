import { type Dialect, type WindowSpec } from '../dialect.js';
import { windowClause } from './window-clause.js';

/** Google BigQuery (GoogleSQL). */
export const bigquery: Dialect = {
  name: 'bigquery',
  quote: (identifier) => `\`${identifier.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  // INT64 would overflow on sums of ticks past ~2.7e13 minor units; BIGNUMERIC holds 38 integer digits.
  wideInteger: 'BIGNUMERIC',
  toWideInteger: (e) => `CAST(${e} AS BIGNUMERIC)`,
  toDouble: (e) => `CAST(${e} AS FLOAT64)`,
  toCount: (e) => `CAST(${e} AS INT64)`,
  toText: (e) => `CAST(${e} AS STRING)`,
  monthIndex: (d) => `(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}) - 1)`,
  formatMonth: (i) => `FORMAT('%04d-%02d', DIV(${i}, 12), MOD(${i}, 12) + 1)`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  lag: (e, offset, w: WindowSpec) => `LAG(${e}, ${offset}) OVER (${windowClause(w)})`,
  lead: (e, w: WindowSpec) => `LEAD(${e}, 1) OVER (${windowClause(w)})`,
  expandRange: (columns, source, start, end) =>
    `SELECT ${columns}, m FROM ${source} AS s CROSS JOIN UNNEST(GENERATE_ARRAY(${start}, ${end} - 1)) AS m`,
  asofJoin: false,
  fail: (message) => `ERROR(${message})`,
};
