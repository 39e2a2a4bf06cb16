import {
  importOptional,
  isoText,
  standardLiteral,
  textCell,
  type OpenedSqlSource,
  type SqlSource,
  type SqlValueKind,
} from './sql-source.js';

/** What cskit needs of a DuckDB connection: a `DuckDBConnection` of `@duckdb/node-api` is one. */
export interface DuckDbConnectionLike {
  runAndReadAll(sql: string): Promise<{
    columnNames(): string[];
    columnTypes(): readonly { toString(): string }[];
    getRows(): readonly (readonly unknown[])[];
  }>;
}

/** DuckDB type names that need more than a cast to VARCHAR. */
const KIND_OF_TYPE: ReadonlyMap<string, SqlValueKind> = new Map([
  ['DATE', 'date'],
  ['TIMESTAMP', 'timestamp'],
  ['TIMESTAMP_S', 'timestamp'],
  ['TIMESTAMP_MS', 'timestamp'],
  ['TIMESTAMP_NS', 'timestamp'],
  ['TIMESTAMP WITH TIME ZONE', 'timestamptz'],
  ['BOOLEAN', 'boolean'],
]);

const PATTERNS = { date: '%Y-%m-%d', wall: '%Y-%m-%dT%H:%M:%S.%f', utc: '%Y-%m-%dT%H:%M:%S.%fZ' } as const;

/** File readers by extension; a CSV is read as text (`all_varchar`), so `007` stays `007`. */
const FILE_READERS: readonly (readonly [RegExp, (path: string) => string])[] = [
  [/\.parquet$/i, (path) => `read_parquet(${path})`],
  [/\.(csv|tsv|txt)(\.gz|\.zst)?$/i, (path) => `read_csv(${path}, header = true, all_varchar = true)`],
];

/**
 * A DuckDB database, through a connection you opened and close yourself. Tables and views are read
 * like Postgres ones; files too (`{ file: 'subs.parquet' }`): Parquet with its column types, CSV all as
 * text (DuckDB's type detection would turn `007` into 7 and `49.90` into a double). Values become text
 * in DuckDB (`strftime` for dates and timestamps, `::VARCHAR` for the rest), so a DECIMAL stays exact.
 */
export function duckdbSource(connection: DuckDbConnectionLike): SqlSource {
  return {
    engine: 'duckdb',
    async columns(sql) {
      const result = await connection.runAndReadAll(sql);
      const types = result.columnTypes();
      return result.columnNames().map((name, index) => ({
        name,
        kind: KIND_OF_TYPE.get(String(types[index])) ?? 'text',
      }));
    },
    async textRows(sql) {
      const result = await connection.runAndReadAll(sql);
      const names = result.columnNames();
      return result
        .getRows()
        .map((row) => Object.fromEntries(names.map((name, index) => [name, textCell(row[index], name)])));
    },
    canonicalText(kind, expression) {
      return isoText(
        kind,
        expression,
        (value, pattern) => `strftime(${value}, ${standardLiteral(PATTERNS[pattern])})`,
        (value) => `CAST(${value} AS VARCHAR)`,
      );
    },
    literal: standardLiteral,
    fileRelation(file) {
      const reader = FILE_READERS.find(([extension]) => extension.test(file))?.[1];
      if (reader === undefined) {
        throw new Error(
          `cannot tell how to read ${standardLiteral(file)}: name a .csv or .parquet file, or write a query`,
        );
      }
      return `SELECT * FROM ${reader(standardLiteral(file))}`;
    },
  };
}

/**
 * Opens a DuckDB database file (default: an in-memory database, to read CSV and Parquet files) with
 * `@duckdb/node-api` (an optional peer dependency: install it next to `@cskit/connectors` to use this).
 * Close it with `close()`.
 *
 * @throws Error naming the package when `@duckdb/node-api` is not installed; DuckDB's error when the
 *   file cannot be opened.
 */
export async function openDuckDb(path = ':memory:'): Promise<OpenedSqlSource> {
  const duckdb = await importOptional(() => import('@duckdb/node-api'), '@duckdb/node-api', 'DuckDB');
  const instance = await duckdb.DuckDBInstance.create(path, path === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  return {
    ...duckdbSource(connection),
    close: () => {
      connection.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}
