import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { Session } from 'chdb';
import type { FxRate } from '@cskit/core';
import type { SqlValue } from '../report-rows.js';
import { CANONICAL_DDL, fxValues, subscriptionValues, type StoredLine } from './canonical-tables.js';

type Row = Record<string, SqlValue>;

/** A real engine holding the canonical tables, reloaded per dataset. */
export interface TestEngine {
  load(lines: readonly StoredLine[], fx: readonly FxRate[], reportingCurrency: string): Promise<void>;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

function inserts(lines: readonly StoredLine[], fx: readonly FxRate[], reportingCurrency: string): string[] {
  const statements: string[] = [];
  const subscriptions = subscriptionValues(lines, reportingCurrency);
  if (subscriptions.length > 0) statements.push(`INSERT INTO subscriptions VALUES (${subscriptions.join('), (')})`);
  const rates = fxValues(fx);
  if (rates.length > 0) statements.push(`INSERT INTO fx VALUES (${rates.join('), (')})`);
  return statements;
}

/** DuckDB in memory through `@duckdb/node-api`. */
export async function duckdbEngine(): Promise<TestEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const ddl of CANONICAL_DDL) await connection.run(ddl);
  return {
    async load(lines, fx, reportingCurrency) {
      await connection.run('DELETE FROM subscriptions');
      await connection.run('DELETE FROM fx');
      for (const statement of inserts(lines, fx, reportingCurrency)) await connection.run(statement);
    },
    async query(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A real Postgres (PGlite, WASM) in process. */
export async function postgresEngine(): Promise<TestEngine> {
  const pg = new PGlite();
  for (const ddl of CANONICAL_DDL) await pg.exec(ddl);
  return {
    async load(lines, fx, reportingCurrency) {
      await pg.exec('DELETE FROM subscriptions; DELETE FROM fx;');
      for (const statement of inserts(lines, fx, reportingCurrency)) await pg.exec(statement);
    },
    async query(sql) {
      return (await pg.query<Row>(sql)).rows;
    },
    async close() {
      await pg.close();
    },
  };
}

// ClickHouse types: every column Nullable, as the contract allows NULL everywhere.
const CLICKHOUSE_DDL = [
  `CREATE TABLE subscriptions (line_id Nullable(String), customer_id Nullable(String), subscription_id Nullable(String),
    product Nullable(String), plan Nullable(String), start_date Nullable(Date), end_date Nullable(Date),
    amount Nullable(Decimal(20, 4)), mrr Nullable(Decimal(20, 4)), \`interval\` Nullable(String),
    interval_count Nullable(Int32), quantity Nullable(Int32), currency Nullable(String), is_trial Nullable(Bool)) ENGINE = Memory`,
  'CREATE TABLE fx (`date` Date, currency String, rate Decimal(18, 8)) ENGINE = Memory',
];

/** ClickHouse embedded through chDB, in a temporary session. */
export async function clickhouseEngine(): Promise<TestEngine> {
  const session = new Session();
  for (const ddl of CLICKHOUSE_DDL) session.query(ddl);
  return {
    async load(lines, fx, reportingCurrency) {
      session.query('TRUNCATE TABLE subscriptions');
      session.query('TRUNCATE TABLE fx');
      for (const statement of inserts(lines, fx, reportingCurrency)) session.query(statement);
    },
    async query(sql) {
      const text = session.query(sql, 'JSONEachRow');
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Row);
    },
    async close() {
      session.cleanup();
    },
  };
}
