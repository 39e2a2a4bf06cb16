import { DuckDBInstance } from '@duckdb/node-api';
import { monthsQuery, cohortsQuery } from './dist/index.js';
const N = Number(process.argv[2] ?? 200000); const customers = N / 10;
const duck = await DuckDBInstance.create(':memory:');
const c = await duck.connect();
await c.run(`CREATE TABLE subscriptions AS
  SELECT 'l' || i AS line_id, 'c' || (hash(i * 3) % ${customers}) AS customer_id, CAST(NULL AS VARCHAR) AS subscription_id,
    CAST(NULL AS VARCHAR) AS product, CAST(NULL AS VARCHAR) AS plan,
    CAST(DATE '2020-01-01' + CAST(hash(i * 5) % 1826 AS INTEGER) AS DATE) AS start_date,
    CASE WHEN hash(i * 7) % 3 = 0 THEN NULL
      ELSE CAST(DATE '2020-01-01' + CAST(hash(i * 5) % 1826 AS INTEGER) + CAST(hash(i * 11) % 700 AS INTEGER) AS DATE) END AS end_date,
    CAST((hash(i * 13) % 50000) / 100.0 AS DECIMAL(18, 2)) AS amount, CAST(NULL AS DECIMAL(18, 2)) AS mrr,
    CASE hash(i * 17) % 10 WHEN 0 THEN 'year' WHEN 1 THEN 'quarter' WHEN 2 THEN 'week' ELSE 'month' END AS "interval",
    1 AS interval_count, CAST(1 + hash(i * 19) % 3 AS INTEGER) AS quantity, 'USD' AS currency, hash(i * 23) % 20 = 0 AS is_trial
  FROM range(${N}) AS t(i)`);
await c.run('CREATE TABLE fx ("date" DATE, currency VARCHAR, rate DECIMAL(18, 8))');
const options = { dialect: 'duckdb', currency: 'USD', from: '2020-01', to: '2024-12' };
for (const [name, q] of [['months', monthsQuery(options)], ['cohorts', cohortsQuery(options)]]) {
  await c.run(`PRAGMA enable_profiling='json'`); await c.run(`PRAGMA profiling_output='/tmp/prof-${name}.json'`);
  const t = performance.now(); await c.runAndReadAll(q); console.log(name, Math.round(performance.now() - t), 'ms');
  await c.run('PRAGMA disable_profiling');
}
