import { doubleQuoted, type Dialect, type WindowSpec } from '../dialect.js';
import { windowClause } from './window-clause.js';

/**
 * Snowflake. Unquoted names are stored upper case there and quoted ones are case-sensitive, so names are
 * quoted upper case: `"INTERVAL"` finds a column created as `interval` without quotes.
 */
export const snowflake: Dialect = {
  name: 'snowflake',
  quote: (identifier) => doubleQuoted(identifier.toUpperCase()),
  wideInteger: 'NUMBER(38, 0)',
  toWideInteger: (e) => `CAST(${e} AS NUMBER(38, 0))`,
  toDouble: (e) => `CAST(${e} AS DOUBLE)`,
  toCount: (e) => `CAST(${e} AS INTEGER)`,
  toText: (e) => `CAST(${e} AS VARCHAR)`,
  monthIndex: (d) => `(YEAR(${d}) * 12 + MONTH(${d}) - 1)`,
  formatMonth: (i) => `(LPAD(TRUNC(${i} / 12), 4, '0') || '-' || LPAD(MOD(${i}, 12) + 1, 2, '0'))`,
  // Snowflake's `/` rounds its quotient to a few decimals; subtracting the remainder first keeps it exact.
  intDiv: (a, b) => `((${a} - MOD(${a}, ${b})) / ${b})`,
  lag: (e, offset, w: WindowSpec) => `LAG(${e}, ${offset}) OVER (${windowClause(w)})`,
  lead: (e, w: WindowSpec) => `LEAD(${e}, 1) OVER (${windowClause(w)})`,
  expandRange: (columns, source, start, end) =>
    `SELECT ${columns}, CAST(r.value AS INTEGER) AS m FROM ${source} AS s, LATERAL FLATTEN(ARRAY_GENERATE_RANGE(${start}, ${end})) AS r`,
  // No error function in a SELECT: a failed cast stops the query, quoting the message.
  asofJoin: false,
  fail: (message) => `CAST(${message} AS INTEGER)`,
};
