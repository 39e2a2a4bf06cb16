// The revenue report over N subscription lines (the first argument, else BENCH_LINES, default 200,000;
// the full run is 10,000,000: `pnpm --filter @cskit/warehouse bench 10000000`): computed inside
// DuckDB and inside chDB by @cskit/warehouse's SQL, against reading the same rows out of DuckDB into the
// JS engine (@cskit/core buildReport). The lines are generated inside DuckDB (no CSV passes through Node)
// and copied to chDB as Parquet. The three must agree on every month's MRR, customers and churn before
// any time counts. Run after `pnpm build`. BENCH_RUNS (default 3, 1 from a million lines) sets the runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '@cskit/core';
import { DuckDBInstance } from '@duckdb/node-api';
import { Session } from 'chdb';
import { warehouseReport } from '../dist/index.js';

const N = Number(process.argv[2] ?? process.env.BENCH_LINES ?? 200_000);
if (!Number.isSafeInteger(N) || N < 1) throw new RangeError(`lines must be a positive integer, got ${process.argv[2]}`);
const RUNS = Number(process.env.BENCH_RUNS ?? (N >= 1_000_000 ? 1 : 3));
const customers = Math.max(1, Math.round(N / 10));
const options = { currency: 'USD', from: '2020-01', to: '2024-12' };

async function time(label, fn) {
  console.error(`${new Date().toISOString()} ${label} …`);
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], best: times[0], result };
}

const dir = mkdtempSync(join(tmpdir(), 'cskit-warehouse-bench-'));
const parquet = join(dir, 'subscriptions.parquet');
// On disk, with a memory limit, so that ten million lines spill instead of exhausting a shared machine.
const duck = await DuckDBInstance.create(join(dir, 'bench.duckdb'), {
  memory_limit: process.env.BENCH_DUCKDB_MEMORY ?? '4GB',
});
const connection = await duck.connect();
// Seeded lines of N / 10 customers over 2020–2024: monthly, quarterly, yearly and weekly prices, a
// third open, 5 % trials; generated inside DuckDB so that the load is not what is measured.
await connection.run(`CREATE TABLE subscriptions AS
  SELECT 'l' || i AS line_id, 'c' || (hash(i * 3) % ${customers}) AS customer_id, CAST(NULL AS VARCHAR) AS subscription_id,
    CAST(NULL AS VARCHAR) AS product, CAST(NULL AS VARCHAR) AS plan,
    CAST(DATE '2020-01-01' + CAST(hash(i * 5) % 1826 AS INTEGER) AS DATE) AS start_date,
    CASE WHEN hash(i * 7) % 3 = 0 THEN NULL
      ELSE CAST(DATE '2020-01-01' + CAST(hash(i * 5) % 1826 AS INTEGER) + CAST(hash(i * 11) % 700 AS INTEGER) AS DATE) END AS end_date,
    CAST((hash(i * 13) % 50000) / 100.0 AS DECIMAL(18, 2)) AS amount, CAST(NULL AS DECIMAL(18, 2)) AS mrr,
    CASE hash(i * 17) % 10 WHEN 0 THEN 'year' WHEN 1 THEN 'quarter' WHEN 2 THEN 'week' ELSE 'month' END AS "interval",
    1 AS interval_count, CAST(1 + hash(i * 19) % 3 AS INTEGER) AS quantity, 'USD' AS currency, hash(i * 23) % 20 = 0 AS is_trial
  FROM range(${N}) AS t(i)`);
await connection.run('CREATE TABLE fx ("date" DATE, currency VARCHAR, rate DECIMAL(18, 8))');
await connection.run(`COPY subscriptions TO '${parquet}' (FORMAT parquet)`);

const inDuckDb = await time('DuckDB: the report in-database (months + cohorts queries)', () =>
  warehouseReport(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS(), {
    dialect: 'duckdb',
    ...options,
  }),
);

const read = await time('JS engine: read the rows out of DuckDB into SubscriptionLine records', async () => {
  const reader = await connection.runAndReadAll(`SELECT customer_id, strftime(start_date, '%Y-%m-%d'),
    strftime(end_date, '%Y-%m-%d'), CAST(amount * 100 AS BIGINT), "interval", quantity, is_trial FROM subscriptions`);
  return reader.getRows().map(([customerId, startDate, endDate, amountMinor, interval, quantity, isTrial]) => ({
    customerId,
    startDate,
    ...(endDate === null ? {} : { endDate }),
    amountMinor: Number(amountMinor),
    currency: 'USD',
    interval,
    intervalCount: 1,
    quantity,
    isTrial,
  }));
});
const inJs = await time('JS engine: buildReport over those records', () =>
  buildReport({ subscriptions: read.result }, options),
);
// Ten million records hold gigabytes of the JS heap: let them go before chDB runs.
read.result = undefined;

const session = new Session(join(dir, 'chdb'));
session.query(
  `CREATE TABLE subscriptions ENGINE = MergeTree ORDER BY tuple() AS SELECT * FROM file('${parquet}', Parquet)`,
);
session.query('CREATE TABLE fx (`date` Date, currency String, rate Decimal(18, 8)) ENGINE = Memory');
const inChdb = await time('chDB: the report in-database (months + cohorts queries)', async () =>
  warehouseReport(
    async (sql) =>
      session
        .query(sql, 'JSONEachRow')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line)),
    { dialect: 'clickhouse', ...options },
  ),
);
session.cleanup();
connection.closeSync();
duck.closeSync();
rmSync(dir, { recursive: true, force: true });

// All three agree before their times mean anything.
const key = (report) => JSON.stringify(report.months.map((m) => [m.month, m.mrr, m.customers, m.movements.churn]));
for (const other of [inDuckDb, inChdb]) {
  if (key(other.result) !== key(inJs.result)) {
    const js = inJs.result.months;
    const bad = other.result.months.find((m, i) => JSON.stringify(m) !== JSON.stringify(js[i]));
    throw new Error(
      `${other.label} disagrees with the JS engine: ${JSON.stringify(bad)} vs ${JSON.stringify(js.find((m) => m.month === bad?.month))}`,
    );
  }
}

const jsTotal = read.median + inJs.median;
console.log(
  `${N.toLocaleString('en')} lines, ${customers.toLocaleString('en')} customers, median of ${RUNS} runs; Node ${process.version}; load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log('| what | median ms | best ms | ÷ JS (read + report) |');
console.log('| --- | ---: | ---: | ---: |');
for (const row of [inDuckDb, inChdb, read, inJs]) {
  console.log(
    `| ${row.label} | ${row.median.toFixed(0)} | ${row.best.toFixed(0)} | ${(row.median / jsTotal).toFixed(2)} |`,
  );
}
console.log(`| JS engine: read + report | ${jsTotal.toFixed(0)} | | 1.00 |`);
