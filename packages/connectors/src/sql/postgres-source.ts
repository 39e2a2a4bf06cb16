import {
  importOptional,
  isoText,
  quoteIdentifier,
  standardLiteral,
  textCell,
  type OpenedSqlSource,
  type SqlSource,
  type SqlValueKind,
} from './sql-source.js';

/**
 * What cskit needs of a Postgres client: `query(text)` resolving to rows and field descriptions. A
 * `pg.Pool` or `pg.Client` (node-postgres 8) is one, and so is a PGlite instance.
 */
export interface PostgresQueryable {
  query(text: string): Promise<{
    readonly rows: readonly Readonly<Record<string, unknown>>[];
    readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
  }>;
}

/** Postgres type OIDs (`pg_type.oid`, fixed for built-in types) that need more than `::text`. */
const KIND_OF_OID: ReadonlyMap<number, SqlValueKind> = new Map([
  [1082, 'date'],
  [1114, 'timestamp'],
  [1184, 'timestamptz'],
  [16, 'boolean'],
]);

const PATTERNS = {
  date: 'YYYY-MM-DD',
  wall: 'YYYY-MM-DD"T"HH24:MI:SS.US',
  utc: 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"',
} as const;

/**
 * A Postgres database, through a client you opened and close yourself (a `pg.Pool`, a `pg.Client`, a
 * PGlite instance). Every value is converted to text by Postgres (`to_char` for dates and timestamps,
 * `::text` for the rest), so the client's type parsers never touch it: a NUMERIC stays exact, a DATE is
 * never shifted by the host's time zone, and a BIGINT is not rounded to a double.
 */
export function postgresSource(client: PostgresQueryable): SqlSource {
  return {
    engine: 'postgres',
    async columns(sql) {
      const result = await client.query(sql);
      return result.fields.map((field) => ({ name: field.name, kind: KIND_OF_OID.get(field.dataTypeID) ?? 'text' }));
    },
    async textRows(sql) {
      const result = await client.query(sql);
      return result.rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([name, value]) => [name, textCell(value, name)])),
      );
    },
    canonicalText(kind, expression) {
      return isoText(
        kind,
        expression,
        (value, pattern) => `to_char(${value}, ${standardLiteral(PATTERNS[pattern])})`,
        (value) => `(${value})::text`,
      );
    },
    literal: standardLiteral,
    fileRelation(file) {
      throw new Error(
        `a Postgres source reads tables and queries, not files (${quoteIdentifier(file)}): read files with DuckDB`,
      );
    },
  };
}

/** Options of {@link connectPostgres}. */
export interface ConnectPostgresOptions {
  /**
   * A `postgres://user:password@host:port/database` URL. Without it, node-postgres reads the standard
   * variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, …) from the environment.
   */
  readonly connectionString?: string;
  /** Each part of the connection, as node-postgres takes it; unset parts come from the `PG…` variables. */
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
}

/**
 * Opens a connection to a Postgres server with node-postgres (`pg`, an optional peer dependency: install
 * it next to `@cskit/connectors` to use this). Close it with `close()`.
 *
 * @throws Error naming the package when `pg` is not installed; node-postgres's error when it cannot connect.
 */
export async function connectPostgres(options: ConnectPostgresOptions = {}): Promise<OpenedSqlSource> {
  const pg = await importOptional(() => import('pg'), 'pg', 'Postgres');
  const config = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const client = new pg.default.Client(config);
  await client.connect();
  return { ...postgresSource(client), close: () => client.end() };
}
