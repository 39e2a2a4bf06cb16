// Benchmark: `cskit report --subscriptions big.csv` end to end (a child process: start-up, streaming
// read, validation, report, JSON out) against DuckDB reading the same file with read_csv and computing
// month-end MRR, customers and the five movements in SQL (also a child process), on a seeded canonical
// CSV of 1M lines, 100k customers, 60 months, USD. Wall time and peak RSS (GNU time's maximum resident
// set) of each process; median of RUNS runs, alternating. The MRR and customer counts must agree (MRR
// to the cent) before any time counts. Runs against dist (build first).
// Usage: node bench/report.bench.js [lines] [customers] [months] [runs]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSubscriptionsCsv } from '../../connectors/bench/generate-csv.js';

const [lineCount = 1_000_000, customerCount = 100_000, monthCount = 60, RUNS = 3] = process.argv.slice(2).map(Number);
const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '../dist/bin.js');
const duckdbReport = join(here, '../../connectors/bench/duckdb-report.js');

/** Runs a command under GNU time: its stdout, wall seconds and peak RSS in MiB. */
function measured(command, args) {
  const stats = join(dir, 'time.txt');
  const stdout = execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', stats, command, ...args], {
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  const [wall, kib] = execFileSync('cat', [stats], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { stdout, ms: wall * 1000, rssMib: kib / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'cskit-report-bench-'));
try {
  const path = join(dir, 'subscriptions.csv');
  const bytes = writeSubscriptionsCsv(path, {
    customers: customerCount,
    lines: lineCount,
    months: monthCount,
    seed: 42,
    currency: 'USD',
  });
  if (!existsSync(path)) throw new Error('no file written');

  const cskit = () => measured(process.execPath, [bin, 'report', '--subscriptions', path, '--format', 'json']);
  // An FX file (no rates: every line is USD): the columns keep each line_id then, for a missing rate's error.
  const fx = join(dir, 'fx.csv');
  writeFileSync(fx, 'date,currency,rate\n');
  const cskitObjects = () =>
    measured(process.execPath, [bin, 'report', '--subscriptions', path, '--fx', fx, '--format', 'json']);
  const first = JSON.parse(cskit().stdout);
  const months = first.months;
  const [year, month] = months[0].month.split('-').map(Number);
  const firstMonth = year * 12 + month - 1;
  const duckdb = () => measured(process.execPath, [duckdbReport, path, String(firstMonth), String(months.length)]);

  // The same numbers: MRR to the cent (cskit rounds its exact sum half-to-even; DuckDB sums doubles and
  // does not round, so a tie may show as 0.0050033) and customers exactly, every month (DuckDB's MRR is in minor units).
  const rows = JSON.parse(duckdb().stdout);
  for (const [i, m] of months.entries()) {
    const row = rows[i];
    if (row === undefined || Math.abs(row[1] / 100 - m.mrr) > 0.005 + 1e-4 || row[2] !== m.customers) {
      throw new Error(
        `month ${m.month} differs: cskit ${m.mrr} / ${m.customers}, DuckDB ${row?.[1] / 100} / ${row?.[2]}`,
      );
    }
  }

  if (cskitObjects().stdout !== JSON.stringify(first, null, 2) + '\n') throw new Error('the --fx path differs');
  const runs = { cskit: [], duckdb: [], objects: [] };
  for (let r = 0; r < RUNS; r++) {
    runs.cskit.push(cskit());
    runs.duckdb.push(duckdb());
    runs.objects.push(cskitObjects());
  }
  const summary = (name, list) => ({
    name,
    ms: median(list.map((run) => run.ms)),
    best: Math.min(...list.map((run) => run.ms)),
    rssMib: median(list.map((run) => run.rssMib)),
  });
  const c = summary('cskit report (end to end)', runs.cskit);
  const d = summary('DuckDB read_csv + SQL, both cores (end to end)', runs.duckdb);
  const o = summary('cskit report with --fx (columns keeping each line_id)', runs.objects);
  const result = {
    file: { lines: lineCount, customers: customerCount, months: monthCount, mib: +(bytes / 2 ** 20).toFixed(1) },
    node: process.version,
    cores: availableParallelism(),
    loadBefore: loadavg().map((x) => +x.toFixed(2)),
    months: months.length,
    cskit: c,
    duckdb: d,
    objects: o,
    wallRatio: +(c.ms / d.ms).toFixed(2),
    rssRatio: +(c.rssMib / d.rssMib).toFixed(2),
    runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(({ ms, rssMib }) => ({ ms, rssMib }))])),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
