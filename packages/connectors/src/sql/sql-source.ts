/**
 * How a column's values become canonical text. Dates and timestamps are formatted by the database in
 * ISO 8601 (never through a JavaScript `Date`, which a driver builds in the host's time zone), booleans
 * become `true`/`false`, and everything else is the database's own text for the value, so a NUMERIC or
 * DECIMAL amount arrives digit for digit (`49.90`), never as a binary float.
 */
export type SqlValueKind = 'date' | 'timestamp' | 'timestamptz' | 'boolean' | 'text';

/** A column of a query's result. */
export interface SqlColumn {
  readonly name: string;
  readonly kind: SqlValueKind;
}

/** A row read as text: each aliased column's canonical text, or `null` for SQL NULL. */
export type SqlTextRow = Readonly<Record<string, string | null>>;

/**
 * A database the SQL readers can read canonical entities from: what differs between engines. Build one
 * with `postgresSource`, `connectPostgres`, `duckdbSource` or `openDuckDb`.
 */
export interface SqlSource {
  /** The engine, named in issues. */
  readonly engine: 'postgres' | 'duckdb';
  /** The columns of a query's result, without reading its rows. */
  columns(sql: string): Promise<SqlColumn[]>;
  /** The rows of a query whose columns are all text. */
  textRows(sql: string): Promise<SqlTextRow[]>;
  /** An SQL expression giving `expression`'s value (of a column of `kind`) as canonical text. */
  canonicalText(kind: SqlValueKind, expression: string): string;
  /** A string literal of this dialect holding `text`. */
  literal(text: string): string;
  /** The SQL of a relation that reads `file` (DuckDB only). @throws Error when the engine cannot. */
  fileRelation(file: string): string;
}

/** A closable {@link SqlSource}, opened by cskit (it owns the connection). */
export interface OpenedSqlSource extends SqlSource {
  /** Closes the connection. */
  close(): Promise<void>;
}

/** `"name"`: an identifier quoted for both Postgres and DuckDB, its quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'`: a standard SQL string literal, its quotes doubled. */
export function standardLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The value of a text row's cell, checked: a driver that parsed a text column has been reconfigured. */
export function textCell(value: unknown, column: string): string | null {
  if (value === null || typeof value === 'string') return value;
  throw new TypeError(
    `the database client returned a ${typeof value} for the text column ${column}: cskit reads every value as text (is a custom type parser set for text?)`,
  );
}

/**
 * Both engines' ISO formatting, around the guards that keep it honest: `infinity` and dates before year 1
 * (BC) are left as the database writes them, so that core rejects them by name instead of reading a
 * wrong date.
 */
export function isoText(
  kind: SqlValueKind,
  expression: string,
  format: (expression: string, pattern: 'date' | 'wall' | 'utc') => string,
  asText: (expression: string) => string,
): string {
  const guarded = (formatted: string, first: string): string =>
    `CASE WHEN isfinite(${expression}) AND ${expression} >= ${first} THEN ${formatted} ELSE ${asText(expression)} END`;
  switch (kind) {
    case 'date':
      return guarded(format(expression, 'date'), `DATE '0001-01-01'`);
    case 'timestamp':
      return guarded(format(expression, 'wall'), `TIMESTAMP '0001-01-01 00:00:00'`);
    case 'timestamptz':
      return guarded(format(`(${expression} AT TIME ZONE 'UTC')`, 'utc'), `TIMESTAMPTZ '0001-01-01 00:00:00+00'`);
    case 'boolean':
      // NULL stays NULL: `CASE WHEN x THEN … ELSE 'false'` would turn a missing value into false.
      return `CASE WHEN ${expression} THEN 'true' WHEN NOT ${expression} THEN 'false' END`;
    case 'text':
      return asText(expression);
  }
}

/**
 * Loads an optional peer dependency, or says which package to install.
 *
 * @throws Error naming the package when it is not installed.
 */
export async function importOptional<T>(load: () => Promise<T>, name: string, engine: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(
        `reading ${engine} needs the package ${name}, an optional peer dependency of @cskit/connectors: install it (npm install ${name})`,
        { cause: error },
      );
    }
    throw error;
  }
}
