import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { duckdbSource, openDuckDb } from './duckdb-source.js';
import { connectPostgres, postgresSource } from './postgres-source.js';
import { readSqlEntity } from './read-sql.js';
import type { OpenedSqlSource, SqlSource } from './sql-source.js';

let pglite: PGlite;
let server: PGLiteSocketServer;
let viaPg: OpenedSqlSource;
let duckdb: DuckDBInstance;
let duckConnection: DuckDBConnection;
let duck: SqlSource;
let dir: string;

/** Runs statements on PGlite. */
async function execPostgres(...statements: string[]): Promise<void> {
  for (const statement of statements) await pglite.query(statement);
}

/** Runs statements on DuckDB. */
async function execDuckDb(...statements: string[]): Promise<void> {
  for (const statement of statements) await duckConnection.run(statement);
}

/**
 * Tables whose values trip up drivers: a BIGINT id past 2^53 (a JavaScript number would round it), a
 * DECIMAL amount past a double's 15–17 digits, a DATE, a TIMESTAMP WITH TIME ZONE near midnight UTC, a
 * wall-clock TIMESTAMP, and a BOOLEAN that is NULL.
 */
const SETUP = [
  `CREATE TABLE accounts (account_id bigint, name text, signed date)`,
  `INSERT INTO accounts VALUES (9007199254740993, 'Big id', '2024-01-02'), (7, NULL, NULL)`,
  `CREATE TABLE lines (line_id text, customer_id text, start_date date, end_date date, price decimal(18,2), interval text, currency text, is_trial boolean)`,
  `INSERT INTO lines VALUES ('li_big', 'c1', '2024-01-31', NULL, 12345678901234.57, 'month', 'USD', NULL),
     ('li_trial', 'c1', '2024-02-01', '2024-02-15', 10.10, 'month', 'USD', true)`,
  `CREATE TABLE tickets (ticket_id text, created_at timestamptz, first_response_at timestamp)`,
  `INSERT INTO tickets VALUES ('t1', '2024-01-31 23:30:00.123+00', '2024-03-10 01:30:00')`,
];

/** Sessions set up to break naive conversions: a far-east time zone, and (Postgres) day-first dates. */
const POSTGRES_SESSION = [`SET TimeZone = 'Asia/Tokyo'`, `SET DateStyle = 'SQL, DMY'`];

beforeAll(async () => {
  pglite = await PGlite.create();
  await execPostgres(...SETUP, ...POSTGRES_SESSION);
  server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
  await server.start();
  const port = server.getServerConn().split(':').pop() ?? '';
  viaPg = await connectPostgres({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  duckdb = await DuckDBInstance.create(':memory:');
  duckConnection = await duckdb.connect();
  duck = duckdbSource(duckConnection);
  await execDuckDb(...SETUP, `SET TimeZone = 'Asia/Tokyo'`);
  dir = await mkdtemp(join(tmpdir(), 'cskit-sql-types-'));
});

afterAll(async () => {
  await viaPg?.close();
  await server?.stop();
  await pglite?.close();
  duckConnection?.closeSync();
  duckdb?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

const engines: [string, () => SqlSource, (...statements: string[]) => Promise<void>][] = [
  ['Postgres (PGlite)', () => postgresSource(pglite), execPostgres],
  ['Postgres (node-postgres over the wire)', () => viaPg, execPostgres],
  ['DuckDB', () => duck, execDuckDb],
];

describe.each(engines)('reading %s', (_name, source, exec) => {
  it('keeps a BIGINT id past 2^53 digit for digit, and leaves NULL out', async () => {
    const result = await readSqlEntity(source(), 'customers', {
      table: 'accounts',
      columns: { customer_id: 'account_id', created_at: 'signed' },
    });
    expect(result.records).toEqual([
      { customerId: '9007199254740993', name: 'Big id', createdAt: '2024-01-02', attributes: {} },
      { customerId: '7', attributes: {} },
    ]);
  });

  it('reads DECIMAL exactly (no double rounding), dates as written, and BOOLEAN NULL as not a trial', async () => {
    const result = await readSqlEntity(source(), 'subscriptions', {
      query: 'SELECT * FROM lines ORDER BY line_id;',
      columns: { amount: 'price' },
    });
    expect(result.rows).toEqual([
      // 12345678901234.57 as a double is 12345678901234.57187…: the text is what the column holds.
      {
        line_id: 'li_big',
        customer_id: 'c1',
        start_date: '2024-01-31',
        amount: '12345678901234.57',
        interval: 'month',
        currency: 'USD',
      },
      {
        line_id: 'li_trial',
        customer_id: 'c1',
        start_date: '2024-02-01',
        end_date: '2024-02-15',
        amount: '10.10',
        interval: 'month',
        currency: 'USD',
        is_trial: 'true',
      },
    ]);
    expect(result.records.map((line) => [line.lineId, line.amountMinor, line.startDate, line.isTrial])).toEqual([
      ['li_big', 1234567890123457, '2024-01-31', false],
      ['li_trial', 1010, '2024-02-01', true],
    ]);
  });

  it('reads TIMESTAMPTZ as the instant whatever the session zone, and TIMESTAMP as wall time in timeZone', async () => {
    const result = await readSqlEntity(source(), 'tickets', { table: 'tickets' }, { timeZone: 'America/New_York' });
    const [ticket] = result.records;
    // 23:30:00.123Z is 18:30 on the 31st in New York (UTC−5), although Tokyo already has 1 February.
    expect(ticket?.createdAt).toBe(Date.parse('2024-01-31T23:30:00.123Z'));
    expect(ticket?.createdDate).toBe('2024-01-31');
    // 01:30 on 10 March in New York is still EST (the change is at 02:00): 06:30Z.
    expect(ticket?.firstResponseAt).toBe(Date.parse('2024-03-10T06:30:00Z'));
  });

  it('names the entity, the record by id and the field of a value core rejects', async () => {
    onTestFinished(() => exec('DROP TABLE IF EXISTS bad_lines'));
    await exec(
      `CREATE TABLE bad_lines AS SELECT line_id, customer_id, start_date,
         CASE WHEN line_id = 'li_big' THEN DATE 'infinity' ELSE end_date END AS end_date,
         CASE WHEN line_id = 'li_trial' THEN CAST(-1 AS decimal(18,2)) ELSE price END AS price,
         interval, currency, is_trial FROM lines ORDER BY line_id`,
    );
    const error = await readSqlEntity(source(), 'subscriptions', {
      table: 'bad_lines',
      columns: { amount: 'price' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CskitValidationError);
    const engine = source().engine;
    expect((error as CskitValidationError).issues).toMatchObject([
      { source: `subscriptions (${engine} table bad_lines)`, id: 'li_big', field: 'end_date', value: 'infinity' },
      { source: `subscriptions (${engine} table bad_lines)`, id: 'li_trial', field: 'amount', value: '-1.00' },
    ]);
    expect((error as Error).message).toContain(
      `subscriptions (${engine} table bad_lines) id li_trial, field amount, value "-1.00": amounts cannot be negative`,
    );
  });

  it('stops on a missing required column, a mapped column that does not exist, and two columns for one field', async () => {
    const issues = async (spec: Parameters<typeof readSqlEntity>[2]) => {
      const error = await readSqlEntity(source(), 'subscriptions', spec).catch((e: unknown) => e);
      return (error as CskitValidationError).issues.map(({ field, reason }) => `${field}: ${reason}`);
    };
    expect(await issues({ table: 'lines' })).toEqual([
      'amount: the result needs an amount column (with interval) or an mrr column',
    ]);
    expect(await issues({ table: 'lines', columns: { amount: 'cost' } })).toEqual([
      'amount: the result has no column cost to read amount from',
    ]);
    expect(
      await issues({ query: 'SELECT line_id AS customer_id, * FROM lines', columns: { amount: 'price' } }),
    ).toEqual([
      // DuckDB renames a repeated column itself (customer_id_1), Postgres keeps both names.
      ...(source().engine === 'postgres' ? ['customer_id: the result has two columns named customer_id'] : []),
    ]);
    expect(await issues({ query: 'SELECT *, price AS amount FROM lines', columns: { amount: 'price' } })).toEqual([
      'amount: both price and amount give amount: rename or leave out one',
    ]);
  });
});

describe('files through DuckDB', () => {
  it('reads a CSV as text: an id 007 and an amount 49.90 stay as written', async () => {
    const file = join(dir, 'customers.csv');
    await writeFile(file, 'customer_id,name,seats\n007,Bond Ltd,0012\n');
    const result = await readSqlEntity(duck, 'customers', { file });
    expect(result.records).toEqual([{ customerId: '007', name: 'Bond Ltd', attributes: { seats: '0012' } }]);
  });

  it('says how to read a file only by .csv or .parquet, and that Postgres reads no files', async () => {
    await expect(readSqlEntity(duck, 'customers', { file: join(dir, 'customers.xlsx') })).rejects.toThrow(
      /name a \.csv or \.parquet file, or write a query/,
    );
    await expect(readSqlEntity(viaPg, 'customers', { file: 'customers.csv' })).rejects.toThrow(
      /read files with DuckDB/,
    );
  });

  it('opens a DuckDB database file read-only', async () => {
    const path = join(dir, 'crm.duckdb');
    await execDuckDb(
      `ATTACH '${path}' AS crm`,
      `CREATE TABLE crm.customers (customer_id text)`,
      `INSERT INTO crm.customers VALUES ('c1')`,
      `DETACH crm`,
    );
    const reader = await openDuckDb(path);
    try {
      expect((await readSqlEntity(reader, 'customers', { table: 'customers' })).records).toEqual([
        { customerId: 'c1', attributes: {} },
      ]);
      await expect(reader.textRows(`INSERT INTO customers VALUES ('c2')`)).rejects.toThrow(/read-only/i);
    } finally {
      await reader.close();
    }
  });
});
