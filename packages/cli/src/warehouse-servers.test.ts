import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Session } from 'chdb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startChdbHttpServer, type ChdbHttpServer } from './test-support/chdb-http-server.js';
import { runCskit } from './test-support/run-cskit.js';
import { fixtureReport, toTwelveDigits, warehouseFixture, WAREHOUSE_RANGE } from './test-support/warehouse-fixture.js';

// The fixture CSVs as INSERT statements both engines read: typed by CAST, empty fields NULL.
const TYPES: Readonly<Record<string, string>> = {
  start_date: 'DATE',
  end_date: 'DATE',
  date: 'DATE',
  amount: 'DECIMAL(18, 2)',
  rate: 'DECIMAL(18, 6)',
  interval_count: 'INTEGER',
  quantity: 'INTEGER',
  is_trial: 'BOOLEAN',
};
function inserts(table: string, file: string, quote: (name: string) => string): string {
  const [header = '', ...rows] = readFileSync(warehouseFixture(file), 'utf8').trim().split('\n');
  const columns = header.split(',');
  const values = rows.map((row) =>
    row
      .split(',')
      .map((value, i) => {
        const type = TYPES[columns[i] as string];
        if (value === '') return 'NULL';
        return type === undefined ? `'${value}'` : `CAST('${value}' AS ${type})`;
      })
      .join(', '),
  );
  return `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${values.join('), (')})`;
}

const POSTGRES_TABLES = [
  `CREATE TABLE billing_lines (line_id TEXT, customer_id TEXT, subscription_id TEXT, product TEXT, plan TEXT,
    start_date DATE, end_date DATE, amount DECIMAL(18, 2), mrr DECIMAL(18, 2), "interval" TEXT, interval_count INTEGER,
    quantity INTEGER, currency TEXT, is_trial BOOLEAN)`,
  'CREATE TABLE rates ("date" DATE, currency TEXT, rate DECIMAL(18, 6))',
];
const CLICKHOUSE_TABLES = [
  `CREATE TABLE billing_lines (line_id Nullable(String), customer_id String, subscription_id Nullable(String),
    product Nullable(String), plan Nullable(String), start_date Date, end_date Nullable(Date),
    amount Nullable(Decimal(18, 2)), mrr Nullable(Decimal(18, 2)), \`interval\` Nullable(String),
    interval_count Nullable(Int32), quantity Nullable(Int32), currency Nullable(String), is_trial Nullable(Bool)) ENGINE = Memory`,
  'CREATE TABLE rates (`date` Date, currency String, rate Decimal(18, 6)) ENGINE = Memory',
];
const doubleQuoted = (name: string): string => `"${name}"`;
const backQuoted = (name: string): string => `\`${name}\``;

describe('cskit report --engine against Postgres and ClickHouse servers', () => {
  let pglite: PGlite;
  let postgresServer: PGLiteSocketServer;
  let databaseUrl: string;
  let session: Session;
  let clickhouseServer: ChdbHttpServer;
  beforeAll(async () => {
    // A real Postgres (PGlite) behind its wire protocol on a loopback socket, for `pg`.
    pglite = await PGlite.create();
    for (const statement of [
      ...POSTGRES_TABLES,
      inserts('billing_lines', 'warehouse-subscriptions.csv', doubleQuoted),
      inserts('rates', 'warehouse-fx.csv', doubleQuoted),
    ])
      await pglite.query(statement);
    postgresServer = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
    await postgresServer.start();
    databaseUrl = `postgres://postgres:pw@${postgresServer.getServerConn()}/postgres`;
    // A real ClickHouse engine (chDB) behind the HTTP interface `@clickhouse/client` speaks.
    session = new Session();
    for (const statement of [
      ...CLICKHOUSE_TABLES,
      inserts('billing_lines', 'warehouse-subscriptions.csv', backQuoted),
      inserts('rates', 'warehouse-fx.csv', backQuoted),
    ])
      session.query(statement);
    clickhouseServer = await startChdbHttpServer(session);
  });
  afterAll(async () => {
    await clickhouseServer?.close();
    session?.cleanup();
    await postgresServer?.stop();
    await pglite?.close();
  });

  const tables = ['--table', 'billing_lines', '--fx-table', 'rates'];

  it.each([
    ['postgres', () => databaseUrl],
    ['clickhouse', () => clickhouseServer.url],
  ])('report --engine %s --db <URL> prints the report cskit report prints from the CSV files', async (engine, db) => {
    const files = await fixtureReport();
    expect([files.code, files.stderr]).toEqual([0, '']);
    const outcome = await runCskit(['report', '--engine', engine, '--db', db(), ...tables, ...WAREHOUSE_RANGE]);
    expect([outcome.code, outcome.stderr]).toEqual([0, '']);
    const expected = JSON.parse(files.stdout) as { months: { mrr: number }[] };
    const actual = JSON.parse(outcome.stdout) as { months: { mrr: number }[] };
    // Not an empty report: seven months, and money to the cent as the JS engine's.
    expect(actual.months.map((month) => month.mrr)).toEqual(expected.months.map((month) => month.mrr));
    expect(toTwelveDigits(outcome.stdout)).toEqual(toTwelveDigits(files.stdout));
  });

  it.each([
    ['postgres', () => databaseUrl],
    ['clickhouse', () => clickhouseServer.url],
  ])('report --engine %s stops with exit status 1 and the line when a rate is missing', async (engine, db) => {
    // The message reaches stderr once, from cskit, not again from the client's own logger.
    const consoleError = vi.spyOn(console, 'error');
    const { code, stderr } = await runCskit([
      'report',
      '--engine',
      engine,
      '--db',
      db(),
      ...tables,
      '--currency',
      'GBP',
    ]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: .*Subscription line L\d: No FX rate for (USD|EUR) on or before 2024-\d\d-\d\d/);
  });
});
