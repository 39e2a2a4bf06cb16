/** The SQL dialects the revenue report is generated for. */
export type DialectName = 'duckdb' | 'postgres' | 'clickhouse' | 'bigquery' | 'snowflake';

/** Every dialect name, in the order the docs list them. */
export const DIALECT_NAMES: readonly DialectName[] = ['duckdb', 'postgres', 'clickhouse', 'bigquery', 'snowflake'];

/** A window specification: `PARTITION BY` (optional) and `ORDER BY` expressions. */
export interface WindowSpec {
  readonly partitionBy?: string;
  readonly orderBy: string;
}

/**
 * What differs between SQL engines, and only that: every metric is written once in terms of these
 * small pieces (see `docs/warehouse.md`, "Why this shape"). Each method returns SQL text.
 */
export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier (`interval` is reserved in several dialects, so every column is quoted). */
  quote(identifier: string): string;
  /** An integer type wide enough for sums of ticks over tens of millions of lines. */
  readonly wideInteger: string;
  /** `expression` as {@link wideInteger} (callers round first: casts truncate in some engines). */
  toWideInteger(expression: string): string;
  /** `expression` as a 64-bit float, the type ratios are reported in. */
  toDouble(expression: string): string;
  /** `expression` as a 32-bit integer (counts: drivers return 64-bit integers as strings or bigints). */
  toCount(expression: string): string;
  /** `expression` as text, for error messages. */
  toText(expression: string): string;
  /** Month index `year × 12 + month − 1` of a DATE expression (the month spine is integers). */
  monthIndex(date: string): string;
  /** `YYYY-MM` of a month index. */
  formatMonth(index: string): string;
  /** Truncating integer division of non-negative integers. */
  intDiv(dividend: string, divisor: string): string;
  /** `LAG(expression, offset)` over `window`, NULL before the first row. */
  lag(expression: string, offset: number, window: WindowSpec): string;
  /** `LEAD(expression, 1)` over `window`, NULL after the last row. */
  lead(expression: string, window: WindowSpec): string;
  /**
   * A SELECT of `columns` from `source` with one row per integer `m` in [`start`, `end`) for each
   * source row (the month spine): `columns` and the bounds may refer to `source`'s alias `s`.
   */
  expandRange(columns: string, source: string, start: string, end: string): string;
  /**
   * Whether `ASOF LEFT JOIN … ON a.k = b.k AND a.date >= b.date` finds the latest FX rate on or before
   * a date; without it the rate is found with a range join on `LEAD(date)`.
   */
  readonly asofJoin: boolean;
  /**
   * An expression that stops the query with `message` (a text expression) when evaluated and the message
   * is not NULL: callers make the message NULL where the row must not fail, as an engine may evaluate a
   * CASE branch for rows that do not take it.
   */
  fail(message: string): string;
}

/** `"name"` with embedded quotes doubled: the ANSI form DuckDB, Postgres, ClickHouse and Snowflake read. */
export function doubleQuoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
