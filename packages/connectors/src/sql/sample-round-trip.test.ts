import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '@cskit/core';
import { generateSample, SAMPLE_COLUMNS, sampleToCsv, type SampleEntity } from '@cskit/core/sample';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readCustomersCsv,
  readFxRatesCsv,
  readNpsResponsesCsv,
  readSubscriptionLinesCsv,
  readTicketsCsv,
} from '../csv/index.js';
import { sampleSqlStatements } from '../mocks/index.js';
import { duckdbSource } from './duckdb-source.js';
import { postgresSource } from './postgres-source.js';
import { readSqlEntities, type SqlEntities } from './read-sql-entities.js';
import type { SqlSource } from './sql-source.js';

const sample = generateSample({ customers: 150, months: 18, endMonth: '2024-12' });
const csv = sampleToCsv(sample);
const SAMPLE_ENTITIES = Object.keys(SAMPLE_COLUMNS) as SampleEntity[];
const TABLES: SqlEntities = Object.fromEntries(SAMPLE_ENTITIES.map((entity) => [entity, { table: entity }]));

/** Records without `row`: where a record sat in its file or result says nothing about the data. */
function withoutRow(records: readonly object[]): Record<string, unknown>[] {
  return records.map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'row')));
}

async function readFromCsv() {
  const options = (file: string) => ({ source: file });
  return {
    customers: (await readCustomersCsv(csv.customers, options('customers.csv'))).records,
    subscriptions: (await readSubscriptionLinesCsv(csv.subscriptions, options('subscriptions.csv'))).records,
    fx: (await readFxRatesCsv(csv.fx, options('fx.csv'))).records,
    nps: (await readNpsResponsesCsv(csv.nps, options('nps.csv'))).records,
    tickets: (await readTicketsCsv(csv.tickets, options('tickets.csv'))).records,
  };
}

async function readFromSql(source: SqlSource, entities: SqlEntities = TABLES) {
  const read = await readSqlEntities(source, entities);
  const records = <T>(result: { records: T[] } | undefined): T[] => {
    if (result === undefined) throw new Error('an entity was not read');
    return result.records;
  };
  return {
    customers: records(read.customers),
    subscriptions: records(read.subscriptions),
    fx: records(read.fx),
    nps: records(read.nps),
    tickets: records(read.tickets),
  };
}

type Dataset = Awaited<ReturnType<typeof readFromCsv>>;

/** Asserts `actual` holds the records of `expected`, in order, and gives the same report. */
function expectSameAs(actual: Dataset, expected: Dataset): void {
  for (const entity of SAMPLE_ENTITIES) {
    expect(actual[entity]).toHaveLength(expected[entity].length);
    expect(withoutRow(actual[entity])).toEqual(withoutRow(expected[entity]));
  }
  const options = { currency: 'USD' };
  const report = buildReport(actual, options);
  expect(report.months.at(-1)?.mrr).toBeGreaterThan(0);
  expect(report).toEqual(buildReport(expected, options));
}

let fromCsv: Dataset;
let pglite: PGlite;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  fromCsv = await readFromCsv();
  dir = await mkdtemp(join(tmpdir(), 'cskit-sql-'));
  pglite = await PGlite.create();
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
  for (const statement of sampleSqlStatements(sample)) {
    await pglite.query(statement);
    await connection.run(statement);
  }
});

afterAll(async () => {
  connection?.closeSync();
  duckdb?.closeSync();
  await pglite?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the sample company from CSV, Postgres and DuckDB', () => {
  it('gives identical records and report from typed Postgres tables (PGlite)', async () => {
    expectSameAs(await readFromSql(postgresSource(pglite)), fromCsv);
  });

  it('gives identical records and report through node-postgres (pg) over the wire', async () => {
    // PGlite served on a local port: pg talks the real Postgres protocol to it, with its own type parsers.
    const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1' });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      expectSameAs(await readFromSql(postgresSource(client)), fromCsv);
    } finally {
      await client.end();
      await server.stop();
    }
  });

  it('gives identical records and report from typed DuckDB tables', async () => {
    expectSameAs(await readFromSql(duckdbSource(connection)), fromCsv);
  });

  it('gives identical records and report from Parquet and CSV files that DuckDB wrote', async () => {
    const parquet: Record<string, { file: string }> = {};
    const csvFiles: Record<string, { file: string }> = {};
    for (const entity of SAMPLE_ENTITIES) {
      const path = join(dir, `out-${entity}`);
      await connection.run(`COPY ${entity} TO '${path}.parquet' (FORMAT parquet)`);
      // DuckDB's default text for a TIMESTAMPTZ (`+00`) is not ISO 8601: the export says how to write it.
      await connection.run(`COPY ${entity} TO '${path}.csv' (HEADER, TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S.%fZ')`);
      parquet[entity] = { file: `${path}.parquet` };
      csvFiles[entity] = { file: `${path}.csv` };
    }
    expectSameAs(await readFromSql(duckdbSource(connection), parquet), fromCsv);
    expectSameAs(await readFromSql(duckdbSource(connection), csvFiles), fromCsv);
  });
});
