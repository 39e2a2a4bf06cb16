import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateSample, sampleToCsv, SAMPLE_COLUMNS, type SampleEntity } from '@cskit/core/sample';
import { sampleSqlStatements } from '@cskit/connectors/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCskit } from './test-support/run-cskit.js';

const sample = generateSample({ customers: 60, months: 12, endMonth: '2024-12' });
const csv = sampleToCsv(sample);
const ENTITIES = Object.keys(SAMPLE_COLUMNS) as SampleEntity[];
let dir: string;
let pglite: PGlite;
let server: PGLiteSocketServer;
let databaseUrl: string;
let duckdbFile: string;

/** `cskit report` on the canonical files of `from` (its subscriptions, customers, fx, nps and tickets). */
async function report(from: string) {
  const file = (name: string) => join(from, `${name}.csv`);
  const outcome = await runCskit([
    'report',
    '--subscriptions',
    file('subscriptions'),
    '--customers',
    file('customers'),
    '--fx',
    file('fx'),
    '--nps',
    file('nps'),
    '--tickets',
    file('tickets'),
    '--currency',
    'USD',
    '--format',
    'json',
  ]);
  expect(outcome.stderr).toBe('');
  return JSON.parse(outcome.stdout) as unknown;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cskit-cli-sql-'));
  const csvDir = join(dir, 'csv');
  await mkdir(csvDir);
  for (const entity of ENTITIES) await writeFile(join(csvDir, `${entity}.csv`), csv[entity]);

  pglite = await PGlite.create();
  // The billing table is named otherwise, with a `price` column: the mapping says so.
  for (const statement of sampleSqlStatements(sample, {
    tables: { subscriptions: 'billing_lines' },
    columns: { amount: 'price' },
  })) {
    await pglite.query(statement);
  }
  server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
  await server.start();
  databaseUrl = `postgres://postgres:s3cret-pw@${server.getServerConn()}/postgres`;

  duckdbFile = join(dir, 'company.duckdb');
  const duck = await DuckDBInstance.create(duckdbFile);
  const connection = await duck.connect();
  for (const statement of sampleSqlStatements(sample)) await connection.run(statement);
  connection.closeSync();
  duck.closeSync();
});

afterAll(async () => {
  await server?.stop();
  await pglite?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cskit sync postgres and duckdb', () => {
  it('runs the example of docs/connectors.md: a billing CSV with its own column names, through DuckDB', async () => {
    const example = join(dir, 'example');
    await mkdir(example);
    await writeFile(
      join(example, 'billing.csv'),
      'account,started,price,period,currency\nacme,2024-01-01,100.00,month,USD\nglobex,2024-02-01,1200.00,year,USD\nacme,2024-03-01,50.00,month,USD\n',
    );
    await writeFile(
      join(example, 'sql.json'),
      '{"subscriptions": {"file": "billing.csv", "columns": {"customer_id": "account", "start_date": "started", "amount": "price", "interval": "period"}}}\n',
    );
    const out = join(example, 'data');
    const synced = await runCskit(['sync', 'duckdb', '--mapping', join(example, 'sql.json'), '--out', out]);
    expect(synced.stderr).toBe(`duckdb: subscriptions: 3 records → ${join(out, 'subscriptions.csv')}\n`);
    const report = await runCskit([
      'report',
      '--subscriptions',
      join(out, 'subscriptions.csv'),
      '--from',
      '2024-01',
      '--to',
      '2024-03',
      '--format',
      'json',
    ]);
    // January: acme 100. February: + globex 1,200 a year ÷ 12 = 100 → 200. March: + acme's 50 → 250.
    expect((JSON.parse(report.stdout) as { months: { mrr: number }[] }).months.map((m) => m.mrr)).toEqual([
      100, 200, 250,
    ]);
  });

  it('syncs Postgres tables named through --mapping into files that give the same report as the CSV', async () => {
    const mapping = join(dir, 'pg-mapping.json');
    await writeFile(
      mapping,
      JSON.stringify({
        customers: { table: 'customers' },
        subscriptions: { table: 'billing_lines', columns: { amount: 'price' } },
        fx: { table: 'fx' },
        nps: { table: 'nps' },
        tickets: { query: 'SELECT * FROM tickets ORDER BY ticket_id;' },
      }),
    );
    const out = join(dir, 'from-postgres');
    const outcome = await runCskit(['sync', 'postgres', '--out', out, '--mapping', mapping], {
      env: { DATABASE_URL: databaseUrl },
    });
    expect(outcome.code).toBe(0);
    expect(outcome.stderr.split('\n')[1]).toBe(
      `postgres: subscriptions: ${sample.subscriptions.length} records → ${join(out, 'subscriptions.csv')}`,
    );
    expect(await report(out)).toEqual(await report(join(dir, 'csv')));
  });

  it('syncs the tables of a DuckDB file named like the entities, with no mapping', async () => {
    const out = join(dir, 'from-duckdb');
    const outcome = await runCskit(['sync', 'duckdb', '--db', duckdbFile, '--out', out]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(`duckdb: nps: ${sample.nps.length} records → ${join(out, 'nps.csv')}`);
    expect(await report(out)).toEqual(await report(join(dir, 'csv')));
    expect(await readFile(join(out, 'customers.csv'), 'utf8')).toBe(csv.customers);
  });

  it('reads Parquet and CSV files named in the mapping, relative to it, with DuckDB in memory', async () => {
    const duck = await DuckDBInstance.create(duckdbFile, { access_mode: 'READ_ONLY' });
    const connection = await duck.connect();
    await connection.run(`COPY subscriptions TO '${join(dir, 'subs.parquet')}' (FORMAT parquet)`);
    connection.closeSync();
    duck.closeSync();
    await writeFile(join(dir, 'people.csv'), csv.customers);
    const mapping = join(dir, 'files.json');
    await writeFile(
      mapping,
      JSON.stringify({ subscriptions: { file: 'subs.parquet' }, customers: { file: 'people.csv' } }),
    );
    const out = join(dir, 'from-files');
    const outcome = await runCskit(['sync', 'duckdb', '--mapping', mapping, '--out', out]);
    expect(outcome.stderr).toBe(
      [
        `duckdb: customers: ${sample.customers.length} records → ${join(out, 'customers.csv')}`,
        `duckdb: subscriptions: ${sample.subscriptions.length} records → ${join(out, 'subscriptions.csv')}`,
        '',
      ].join('\n'),
    );
    expect(await readFile(join(out, 'customers.csv'), 'utf8')).toBe(csv.customers);
  });

  it('exits 1 naming each bad record by entity, id and field, and writes nothing', async () => {
    // Dates kept as text, one of them a day that does not exist.
    await pglite.query(
      `CREATE TABLE bad_customers AS SELECT customer_id, name,
         CASE WHEN customer_id = 'cus_000002' THEN '2024-02-30' ELSE created_at::text END AS created_at
       FROM customers ORDER BY customer_id`,
    );
    const mapping = join(dir, 'bad.json');
    await writeFile(mapping, JSON.stringify({ customers: { table: 'bad_customers' } }));
    const out = join(dir, 'bad');
    const outcome = await runCskit(['sync', 'postgres', '--out', out, '--mapping', mapping], {
      env: { DATABASE_URL: databaseUrl },
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      [
        'error: customers (postgres table bad_customers) id cus_000002, field created_at, value "2024-02-30": created_at is not an ISO 8601 date or timestamp',
        `postgres: nothing was written to ${out}; the records above need fixing`,
        '',
      ].join('\n'),
    );
  });

  it('exits 1 on a database error, never printing the password, and needs the connection from the environment', async () => {
    const mapping = join(dir, 'quotes-password.json');
    // Postgres quotes the missing relation's name in its message: here it is the password.
    await writeFile(mapping, JSON.stringify({ customers: { query: 'SELECT * FROM "s3cret-pw"' } }));
    const failed = await runCskit(['sync', 'postgres', '--out', join(dir, 'x'), '--mapping', mapping], {
      env: { DATABASE_URL: databaseUrl },
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe('error: postgres: relation "***" does not exist\n');
    const refused = await runCskit(['sync', 'postgres', '--out', join(dir, 'x')], {
      env: { DATABASE_URL: 'postgres://postgres:s3cret-pw@127.0.0.1:1/postgres' },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: postgres: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    const noSettings = await runCskit(['sync', 'postgres', '--out', join(dir, 'x')]);
    expect(noSettings.code).toBe(2);
    expect(noSettings.stderr).toContain(
      'set DATABASE_URL (postgres://user:password@host:5432/database) or the PG… variables',
    );
  });

  it('rejects bad usage and a bad mapping', async () => {
    const usage = async (...argv: string[]) => (await runCskit(['sync', ...argv])).stderr.split('\n')[0];
    expect(await usage('duckdb', '--out', dir, '--base-url', 'http://x')).toBe(
      'cskit sync: --base-url is not an option of cskit sync duckdb',
    );
    expect(await usage('stripe', '--out', dir, '--mapping', 'm.json')).toBe(
      'cskit sync: --mapping is an option of cskit sync postgres and duckdb',
    );
    expect(await usage('postgres', '--out', dir, '--db', 'x.duckdb')).toBe(
      'cskit sync: --db is an option of cskit sync duckdb',
    );
    const mapping = join(dir, 'typo.json');
    await writeFile(mapping, JSON.stringify({ subscription: { table: 'x' } }));
    const outcome = await runCskit(['sync', 'duckdb', '--out', dir, '--mapping', mapping]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(
      /^error: typo\.json: not a valid SQL mapping: unknown entity "subscription" \(known: customers, /,
    );
  });
});
