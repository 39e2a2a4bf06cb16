// Benchmark: reading a subscriptions CSV of 1M lines of 100k customers over 60 months into validated
// canonical records with `readSubscriptionLinesCsv`, against (a) papaparse alone parsing the same file
// into arrays of strings (no validation, no records) and (b) DuckDB's read_csv loading it into a table.
// cskit and papaparse both stream the file (`fs.createReadStream`, as the CLI reads it). Runs against
// dist (build first). Usage: node --expose-gc bench/read-csv.bench.js [lines] [customers] [months]
import { DuckDBInstance } from '@duckdb/node-api';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readSubscriptionLinesCsv } from '../dist/csv/index.js';
import { COLUMNS, writeSubscriptionsCsv } from './generate-csv.js';

const [lineCount = 1_000_000, customerCount = 100_000, monthCount = 60] = process.argv.slice(2).map(Number);
const RUNS = 5;
const collect = globalThis.gc ?? (() => {});
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function time(run) {
  collect();
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * Median (and best) of RUNS timed runs after one warm-up. `summarise` (untimed) keeps what the checks
 * need, so one run's records are not held while the next run reads.
 */
async function median(run, summarise) {
  await time(run);
  const times = [];
  let summary;
  for (let i = 0; i < RUNS; i++) {
    const result = await time(run);
    times.push(result.ms);
    summary = summarise(result.value);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)], best: times[0], summary };
}

/** papaparse's own streaming API over the same byte stream: rows as arrays of strings, nothing else. */
function papaparseRows(path) {
  return new Promise((resolve, reject) => {
    const rows = [];
    let errors = 0;
    Papa.parse(createReadStream(path), {
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      chunk(results) {
        for (const row of results.data) rows.push(row);
        errors += results.errors.length;
      },
      complete: () => resolve({ rows, errors }),
      error: reject,
    });
  });
}

/** DuckDB column types of the file: what cskit checks and types (dates, exact amounts, counts, flags). */
const DUCKDB_TYPES = {
  start_date: 'DATE',
  end_date: 'DATE',
  amount: 'DECIMAL(18,2)',
  interval_count: 'INTEGER',
  quantity: 'INTEGER',
  is_trial: 'BOOLEAN',
};
const columnsOf = (type) => `{${COLUMNS.map((c) => `'${c}': '${type(c)}'`).join(', ')}}`;
const TYPED = columnsOf((c) => DUCKDB_TYPES[c] ?? 'VARCHAR');
const VARCHAR = columnsOf(() => 'VARCHAR');

const directory = mkdtempSync(join(tmpdir(), 'cskit-read-csv-bench-'));
const path = join(directory, 'subscriptions.csv');
try {
  const generated = await time(() =>
    writeSubscriptionsCsv(path, { customers: customerCount, lines: lineCount, months: monthCount, seed: 20240101 }),
  );
  const megabytes = generated.value / 1024 / 1024;
  console.log(
    `${lineCount} lines, ${customerCount} customers, ${monthCount} months from 2020-01: ${megabytes.toFixed(1)} MB of CSV; generated in ${generated.ms.toFixed(0)} ms`,
  );

  const cskit = await median(
    () => readSubscriptionLinesCsv(createReadStream(path), { source: 'subscriptions.csv' }),
    ({ records, issues }) => ({
      records: records.length,
      issues: issues.length,
      amountMinor: records.reduce((sum, line) => sum + line.amountMinor, 0),
      ended: records.reduce((count, line) => count + (line.endDate === undefined ? 0 : 1), 0),
    }),
  );
  const papaparse = await median(
    () => papaparseRows(path),
    ({ rows, errors }) => ({ rows: rows.length - 1, errors, wide: rows.every((row) => row.length === COLUMNS.length) }),
  );
  const rssAfterJs = peakRssMb();

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const sqlPath = `'${path.replaceAll("'", "''")}'`;
  const load = (columns) => () =>
    connection.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv(${sqlPath}, header = true,
      auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns})`);
  const totals = async () => {
    const reader = await connection.runAndReadAll('SELECT count(*), sum(amount * 100)::BIGINT, count(end_date) FROM t');
    const [count, amountMinor, ended] = reader.getRows()[0].map(Number);
    return { count, amountMinor, ended };
  };
  const duckTyped = await median(load(TYPED), () => null);
  const typedTotals = await totals();
  const duckVarchar = await median(load(VARCHAR), () => null);
  const varcharCount = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
  // DuckDB parallelises over every core; cskit reads on one. The same load on one thread compares work per core.
  await connection.run('SET threads = 1');
  const duckTypedOneThread = await median(load(TYPED), () => null);
  connection.closeSync();
  instance.closeSync();
  const rssEnd = peakRssMb();

  // They must agree before their times mean anything.
  const ours = cskit.summary;
  if (ours.issues !== 0) throw new Error(`cskit reported ${ours.issues} issues`);
  if (ours.records !== lineCount) throw new Error(`cskit read ${ours.records} records, not ${lineCount}`);
  if (papaparse.summary.errors !== 0) throw new Error(`papaparse reported ${papaparse.summary.errors} errors`);
  if (papaparse.summary.rows !== lineCount || !papaparse.summary.wide)
    throw new Error(`papaparse read ${papaparse.summary.rows} rows, or rows without ${COLUMNS.length} fields`);
  if (typedTotals.count !== lineCount || varcharCount !== lineCount)
    throw new Error(`DuckDB count(*) is ${typedTotals.count} typed, ${varcharCount} VARCHAR, not ${lineCount}`);
  if (typedTotals.amountMinor !== ours.amountMinor || typedTotals.ended !== ours.ended)
    throw new Error('DuckDB and cskit disagree on the sum of amounts or the count of end dates');

  const rows = [
    ['cskit `readSubscriptionLinesCsv`: file stream → validated `SubscriptionLine` records', cskit],
    ['(a) papaparse alone (`Papa.parse` of the same file stream): arrays of strings, no validation', papaparse],
    ['(b) DuckDB `read_csv` into a table, typed (DATE, DECIMAL, INTEGER, BOOLEAN), all cores', duckTyped],
    ['(b) DuckDB `read_csv` into a table, typed, `SET threads = 1`', duckTypedOneThread],
    ['(b′) DuckDB `read_csv` into a table, every column VARCHAR, all cores', duckVarchar],
  ];
  console.log('\n| what | median ms | best ms | median ÷ cskit median | rows/s (median) |\n|---|---:|---:|---:|---:|');
  for (const [name, { ms, best }] of rows) {
    const perSecond = Math.round(lineCount / (ms / 1000)).toLocaleString('en-US');
    console.log(`| ${name} | ${ms.toFixed(0)} | ${best.toFixed(0)} | ${(ms / cskit.ms).toFixed(2)} | ${perSecond} |`);
  }
  console.log(
    `\ncskit CSV read ÷ papaparse-only parse: ${(cskit.ms / papaparse.ms).toFixed(2)}× by medians, ${(cskit.best / papaparse.best).toFixed(2)}× by best runs`,
  );
  console.log(
    `cskit CSV read ÷ DuckDB read_csv (typed): ${(cskit.ms / duckTyped.ms).toFixed(2)}× by medians, ${(cskit.best / duckTyped.best).toFixed(2)}× by best runs; on one DuckDB thread ${(cskit.ms / duckTypedOneThread.ms).toFixed(2)}×`,
  );
  console.log(
    `cskit: ${Math.round(lineCount / (cskit.ms / 1000)).toLocaleString('en-US')} rows/s, ${(megabytes / (cskit.ms / 1000)).toFixed(1)} MB/s (median)`,
  );
  console.log(
    `cores: ${availableParallelism()}, load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `peak RSS: ${rssAfterJs.toFixed(0)} MB after the cskit and papaparse runs, ${rssEnd.toFixed(0)} MB at the end with DuckDB`,
  );
  console.log(
    `checked: no issues or parse errors; ${lineCount} lines = cskit's records = papaparse's rows = DuckDB's count(*); sum of amounts and count of end dates equal DuckDB's`,
  );
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
