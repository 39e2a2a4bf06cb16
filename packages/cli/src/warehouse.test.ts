import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCskit } from './test-support/run-cskit.js';
import { fixtureReport, toTwelveDigits, warehouseFixture, WAREHOUSE_RANGE } from './test-support/warehouse-fixture.js';

describe('cskit sql and cskit report --engine', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cskit-warehouse-'));
    db = join(dir, 'billing.duckdb');
    // The canonical tables of docs/warehouse.md, loaded from the same CSV files `cskit report` reads.
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE billing_lines AS SELECT line_id, customer_id, subscription_id, product, plan,
      start_date, end_date, amount, CAST(NULL AS DECIMAL(18, 2)) AS mrr, "interval", interval_count, quantity, currency, is_trial
      FROM read_csv('${warehouseFixture('warehouse-subscriptions.csv')}', header = true, types = {'amount': 'DECIMAL(18, 2)'})`);
    await connection.run(
      `CREATE TABLE rates AS SELECT * FROM read_csv('${warehouseFixture('warehouse-fx.csv')}', header = true, types = {'rate': 'DECIMAL(18, 6)'})`,
    );
    connection.closeSync();
    instance.closeSync();
  });
  // `cskit report --engine` on the test database's tables.
  const engineReport = (): string[] => [
    'report',
    '--engine',
    'duckdb',
    '--db',
    db,
    '--table',
    'billing_lines',
    '--fx-table',
    'rates',
  ];
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('report --engine duckdb prints the report cskit report prints from the same data as CSV', async () => {
    const files = await fixtureReport();
    const engine = await runCskit([...engineReport(), ...WAREHOUSE_RANGE]);
    expect(engine.stderr).toBe('');
    expect(engine.code).toBe(0);
    expect(files.code).toBe(0);
    const expected = toTwelveDigits(files.stdout) as { months: { month: string; mrr: number }[] };
    // Not a trivial report: new, expansion, churn and reactivation, a EUR line starting on a leap day, a trial.
    expect(expected.months.map((month) => month.month)).toHaveLength(7);
    expect(toTwelveDigits(engine.stdout)).toEqual(expected);
  });

  it('report --engine stops with exit status 1 and the line when a rate is missing', async () => {
    const { code, stderr } = await runCskit([...engineReport(), '--currency', 'GBP']);
    expect(code).toBe(1);
    // The first USD line the engine meets is named (L1 or L2), with its start date.
    expect(stderr).toMatch(
      /^error: .*Subscription line L[12]: No FX rate for USD on or before 2024-01-(01|15) \(needed to convert USD to GBP\)/,
    );
  });

  it('sql prints one SELECT that the engine runs', async () => {
    const { code, stdout } = await runCskit([
      'sql',
      '--dialect',
      'duckdb',
      '--query',
      'cohorts',
      '--currency',
      'USD',
      '--subscriptions-table',
      'billing_lines',
      '--fx-table',
      'rates',
      '--to',
      '2024-02',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^WITH\n/);
    const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(stdout)).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    // Cohort 2024-01: acme 100.00 + globex 2 × 50.00 = 200.00; cohort 2024-02: initech 1200 ÷ 12 = 100.00
    // and umbrella 3 × 90.00 EUR ÷ 3 × 1.10 = 99.00.
    expect(rows.map((row) => [row.cohort, row.age, row.customers, row.mrr, row.logo_retention])).toEqual([
      ['2024-01', 0, 2, 200, 1],
      ['2024-01', 1, 2, 200, 1],
      ['2024-02', 0, 2, 199, 1],
    ]);
  });

  it('sql and report --engine reject bad usage with exit status 2', async () => {
    expect((await runCskit(['sql', '--dialect', 'oracle', '--query', 'months', '--currency', 'USD'])).stderr).toContain(
      '--dialect must be one of duckdb, postgres, clickhouse, bigquery, snowflake, got "oracle"',
    );
    expect((await runCskit(['sql', '--dialect', 'duckdb', '--query', 'months'])).code).toBe(2);
    const noDb = await runCskit(['report', '--engine', 'duckdb', '--currency', 'USD']);
    expect([noDb.code, noDb.stderr]).toEqual([2, expect.stringContaining('--engine needs --db')]);
  });
});
