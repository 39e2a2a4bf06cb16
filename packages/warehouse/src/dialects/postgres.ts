import { doubleQuoted, type Dialect, type WindowSpec } from '../dialect.js';
import { windowClause } from './window-clause.js';

/** PostgreSQL 13+ (and engines speaking its dialect: PGlite, Neon, Supabase, Aurora). */
export const postgres: Dialect = {
  name: 'postgres',
  quote: doubleQuoted,
  wideInteger: 'NUMERIC(38, 0)',
  toWideInteger: (e) => `CAST(${e} AS NUMERIC(38, 0))`,
  toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  toCount: (e) => `CAST(${e} AS INTEGER)`,
  toText: (e) => `CAST(${e} AS TEXT)`,
  monthIndex: (d) => `CAST(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}) - 1 AS INTEGER)`,
  formatMonth: (i) =>
    `(LPAD(CAST(DIV(${i}, 12) AS TEXT), 4, '0') || '-' || LPAD(CAST(MOD(${i}, 12) + 1 AS TEXT), 2, '0'))`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  lag: (e, offset, w: WindowSpec) => `LAG(${e}, ${offset}) OVER (${windowClause(w)})`,
  lead: (e, w: WindowSpec) => `LEAD(${e}, 1) OVER (${windowClause(w)})`,
  expandRange: (columns, source, start, end) =>
    `SELECT ${columns}, CAST(r.m AS INTEGER) AS m FROM ${source} AS s CROSS JOIN LATERAL generate_series(${start}, ${end} - 1) AS r(m)`,
  // Postgres has no error function usable in a SELECT: a failed cast stops the query, quoting the message.
  asofJoin: false,
  fail: (message) => `CAST(${message} AS INTEGER)`,
};
