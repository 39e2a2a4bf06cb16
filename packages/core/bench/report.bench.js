// Benchmark: the full monthly report over 1M subscription lines of 100k customers and 60 months,
// from already-parsed rows, against (a) a dense typed-array loop that only sums normalised MRR per
// customer-month and (b) DuckDB computing MRR per month in SQL over the same rows. Runs against
// dist (build first). Usage: node --expose-gc bench/report.bench.js [lines] [customers] [months]
import { analyseRevenue, buildReport } from '../dist/index.js';
import { denseCustomerMonthMrr } from './dense-baseline.js';
import { loadDuckDb, movementsPerMonthSql, mrrPerMonthSql } from './duckdb-baseline.js';
import { generateLines } from './generate-lines.js';

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

/** Median (and best) of RUNS timed runs after one warm-up. */
async function median(run) {
  await time(run);
  const times = [];
  let value;
  for (let i = 0; i < RUNS; i++) {
    const result = await time(run);
    times.push(result.ms);
    value = result.value;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)], best: times[0], value };
}

const generated = await time(() =>
  generateLines({ customers: customerCount, lines: lineCount, months: monthCount, seed: 20240101 }),
);
const lines = generated.value;
const firstMonth = 2020 * 12;
const from = '2020-01';
const to = `${2020 + Math.floor((monthCount - 1) / 12)}-${String(((monthCount - 1) % 12) + 1).padStart(2, '0')}`;
console.log(
  `${lines.length} lines, ${customerCount} customers, ${monthCount} months (${from} … ${to}); generated in ${generated.ms.toFixed(0)} ms`,
);

const report = await median(() => buildReport({ subscriptions: lines }, { from, to }));
const analysis = await median(() => analyseRevenue({ subscriptions: lines }, { from, to }));
const rssAfterReport = peakRssMb();
const dense = await median(() => denseCustomerMonthMrr(lines, firstMonth, monthCount));

const loaded = await time(() => loadDuckDb(lines));
const { connection } = loaded.value;
const duckMrr = await median(async () =>
  (await connection.runAndReadAll(mrrPerMonthSql(firstMonth, monthCount))).getRows(),
);
const duckMovements = await median(async () =>
  (await connection.runAndReadAll(movementsPerMonthSql(firstMonth, monthCount))).getRows(),
);
// DuckDB parallelises over every core; the engine runs on one. The same query on one thread compares work per core.
await connection.run('SET threads = 1');
const duckMrrOneThread = await median(async () =>
  (await connection.runAndReadAll(mrrPerMonthSql(firstMonth, monthCount))).getRows(),
);
const rssEnd = peakRssMb();

// The three must agree before their times mean anything.
const ours = report.value.months.map((m) => m.mrr);
const denseMajor = Array.from(dense.value.total, (minor) => minor / 100);
const duckMajor = new Array(monthCount).fill(0);
for (const [m, mrr] of duckMrr.value) duckMajor[Number(m) - firstMonth] = Number(mrr) / 100;
const worst = Math.max(
  ...ours.map((v, m) => Math.max(Math.abs(v - (denseMajor[m] ?? 0)), Math.abs(v - (duckMajor[m] ?? 0)))),
);
if (!(worst < 0.01)) throw new Error(`MRR series disagree by up to ${worst}`);
const duckCustomers = duckMovements.value.map((row) => Number(row[2]));
const ourCustomers = report.value.months.map((m) => m.customers);
if (duckCustomers.join() !== ourCustomers.join()) throw new Error('customer counts disagree with DuckDB');

const rows = [
  [
    'cskit `buildReport`: the report.md JSON (MRR, ARR, customers, ARPA, movements, rates, LTV, nrr12/grr12, cohorts)',
    report,
  ],
  ['cskit `analyseRevenue`: all of the above + upsell/cross-sell, renewals, trial conversion', analysis],
  ['(a) dense typed-array loop: MRR per customer-month only', dense],
  ['(b) DuckDB SQL: MRR per month (query only, all cores)', duckMrr],
  ['(b) DuckDB SQL: MRR per month (query only, `SET threads = 1`)', duckMrrOneThread],
  ['(b′) DuckDB SQL: MRR, customers and the five movements per month (query only, all cores)', duckMovements],
];
console.log('\n| what | median ms | best ms | median ÷ report median |\n|---|---:|---:|---:|');
for (const [name, { ms, best }] of rows)
  console.log(`| ${name} | ${ms.toFixed(0)} | ${best.toFixed(0)} | ${(ms / report.ms).toFixed(2)} |`);
console.log(`| DuckDB: loading the rows with the Appender (once, not in the ratios) | ${loaded.ms.toFixed(0)} | | |`);
console.log(
  `\nreport ÷ dense loop: ${(report.ms / dense.ms).toFixed(2)}× by medians, ${(report.best / dense.best).toFixed(2)}× by best runs (target ≤ 2)`,
);
console.log(
  `report ÷ DuckDB MRR query: ${(report.ms / duckMrr.ms).toFixed(2)}× by medians, ${(report.best / duckMrr.best).toFixed(2)}× by best runs (target < 1); on one DuckDB thread ${(report.ms / duckMrrOneThread.ms).toFixed(2)}×`,
);
console.log(
  `cores: ${(await import('node:os')).availableParallelism()}, load average at the end: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `peak RSS: ${rssAfterReport.toFixed(0)} MB after the cskit runs, ${rssEnd.toFixed(0)} MB at the end with DuckDB (target < 1536)`,
);
console.log(`checked: MRR series agree within 0.01 (worst ${worst.toExponential(1)}), customer counts equal DuckDB's`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
