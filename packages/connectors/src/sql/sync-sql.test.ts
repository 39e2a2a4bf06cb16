import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCustomersCsv, readSubscriptionLinesCsv } from '../csv/index.js';
import { duckdbSource } from './duckdb-source.js';
import { canonicalTables } from './read-sql-entities.js';
import { sqlEntitiesFromJson } from './sql-entities-json.js';
import { syncSql } from './sync-sql.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let out: string;

beforeEach(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE customers (customer_id text, name text, segment text)`);
  await connection.run(`INSERT INTO customers VALUES ('c1', 'Acme, "the" <b>best</b>', 'vip'), ('c2', NULL, NULL)`);
  await connection.run(
    `CREATE TABLE subscriptions (customer_id text, start_date date, amount decimal(12,2), interval text, currency text)`,
  );
  await connection.run(`INSERT INTO subscriptions VALUES ('c1', '2024-01-01', 49.90, 'month', 'EUR')`);
  await connection.run(`CREATE TABLE invoices (id text)`);
  out = await mkdtemp(join(tmpdir(), 'cskit-sync-sql-'));
});

afterEach(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(out, { recursive: true, force: true });
});

describe('syncSql', () => {
  it('finds the tables named like an entity, and writes canonical CSV files that read back the same', async () => {
    const source = duckdbSource(connection);
    expect(await canonicalTables(source)).toEqual({
      customers: { table: 'customers' },
      subscriptions: { table: 'subscriptions' },
    });
    const result = await syncSql({ source, out });
    expect(result.written).toEqual([
      { entity: 'customers', file: join(out, 'customers.csv'), records: 2 },
      { entity: 'subscriptions', file: join(out, 'subscriptions.csv'), records: 1 },
    ]);
    const customersCsv = await readFile(join(out, 'customers.csv'), 'utf8');
    expect(customersCsv).toBe('customer_id,name,segment\nc1,"Acme, ""the"" <b>best</b>",vip\nc2,,\n');
    expect((await readCustomersCsv(customersCsv, { source: 'customers.csv' })).records).toEqual([
      { customerId: 'c1', name: 'Acme, "the" <b>best</b>', attributes: { segment: 'vip' } },
      { customerId: 'c2', attributes: {} },
    ]);
    const lines = await readSubscriptionLinesCsv(await readFile(join(out, 'subscriptions.csv'), 'utf8'), {
      source: 'subscriptions.csv',
    });
    expect(lines.records.map((line) => [line.customerId, line.startDate, line.amountMinor])).toEqual([
      ['c1', '2024-01-01', 4990],
    ]);
  });

  it('writes nothing when a record is bad, and names every bad record of every entity', async () => {
    await connection.run(`INSERT INTO customers VALUES ('c1', 'again', NULL)`);
    await connection.run(`INSERT INTO subscriptions VALUES ('c3', '2024-02-01', 10, 'fortnight', 'EUR')`);
    await expect(syncSql({ source: duckdbSource(connection), out })).rejects.toThrow(
      [
        'customers (duckdb table customers) id c1, field customer_id, value "c1": duplicate customer_id (first in row 1)',
        'subscriptions (duckdb table subscriptions) row 2, field interval, value "fortnight": ',
      ].join('\n'),
    );
    await expect(access(join(out, 'customers.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('says what to do when no table is named like an entity', async () => {
    await expect(syncSql({ source: duckdbSource(connection), out, entities: {} })).rejects.toThrow(
      /no entity to read: name the tables \(a mapping\), or name them like the entities \(customers, subscriptions/,
    );
  });
});

describe('sqlEntitiesFromJson', () => {
  it('reads a table, a query and a file per entity, with column maps', () => {
    expect(
      sqlEntitiesFromJson({
        customers: { table: 'crm.accounts', columns: { customer_id: 'account_id' } },
        subscriptions: { query: 'SELECT * FROM lines' },
        nps: { file: 'nps.parquet' },
      }),
    ).toEqual({
      customers: { table: 'crm.accounts', columns: { customer_id: 'account_id' } },
      subscriptions: { query: 'SELECT * FROM lines' },
      nps: { file: 'nps.parquet' },
    });
  });

  it('names the first problem', () => {
    const problem = (json: unknown) => {
      try {
        sqlEntitiesFromJson(json);
        return 'none';
      } catch (error) {
        return (error as RangeError).message;
      }
    };
    expect(problem([])).toBe('the mapping must be a JSON object');
    expect(problem({ invoices: { table: 'x' } })).toMatch(/^unknown entity "invoices" \(known: customers, /);
    expect(problem({ nps: { table: 'a', query: 'b' } })).toBe('nps: give exactly one of "table", "query" or "file"');
    expect(problem({ nps: { tabel: 'a' } })).toBe('nps: unknown key "tabel" (known: table, query, file, columns)');
    expect(problem({ nps: { table: 3 } })).toBe('nps.table: a non-empty string is needed');
    expect(problem({ nps: { table: 'a', columns: { score: 1 } } })).toBe(
      'nps.columns.score: the name of a column (a string) is needed',
    );
  });
});
