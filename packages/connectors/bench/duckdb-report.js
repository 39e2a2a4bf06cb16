// The DuckDB side of the end-to-end report benchmark (packages/cli/bench/report.bench.js), run as its own
// process so that its wall time and peak RSS are its own: read_csv on the canonical subscriptions CSV,
// then month-end MRR, customers and the five movements per month in SQL (core's tuned baseline query),
// both cores. Prints the rows as JSON. Usage: node bench/duckdb-report.js file.csv firstMonth width
import { DuckDBInstance } from '@duckdb/node-api';
import { movementsPerMonthSql } from '../../core/bench/duckdb-baseline.js';

const [path, firstMonth, width] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// The canonical columns typed as the report reads them: amounts in minor units, empty = default.
await connection.run(`CREATE VIEW lines AS SELECT customer_id, start_date, end_date,
  round(amount * 100)::BIGINT AS amount_minor, interval, coalesce(interval_count, 1) AS interval_count,
  coalesce(quantity, 1) AS quantity, coalesce(is_trial, false) AS is_trial
  FROM read_csv('${path.replaceAll("'", "''")}', header = true, columns = {
    'line_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'subscription_id': 'VARCHAR', 'product': 'VARCHAR',
    'plan': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE', 'amount': 'DECIMAL(18,2)',
    'interval': 'VARCHAR', 'interval_count': 'INTEGER', 'quantity': 'INTEGER', 'currency': 'VARCHAR',
    'is_trial': 'BOOLEAN'})`);
const reader = await connection.runAndReadAll(movementsPerMonthSql(Number(firstMonth), Number(width)));
const rows = reader.getRows().map((row) => row.map((value) => (typeof value === 'bigint' ? Number(value) : value)));
process.stdout.write(JSON.stringify(rows));
