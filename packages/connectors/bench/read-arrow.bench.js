// Benchmark: an Apache Arrow table of 1M subscription lines (100k customers, 60 months; unique line_id
// strings, dictionary ids, Date32 dates, Decimal(18, 2) amounts, nullable end dates, as DuckDB or a
// Parquet file hands them over)
// into core's SubscriptionColumns with readSubscriptionColumnsArrow, against readSubscriptionColumnsCsv
// streaming the same lines from the CSV file. The table is built from the CSV reader's columns (untimed),
// and both must give the same report before any time counts. Median of RUNS, alternating, after a
// warm-up. Runs against dist (build first).
// Usage: node --expose-gc bench/read-arrow.bench.js [lines] [customers] [months]
import { buildReport, NO_END_DAY } from '@cskit/core';
import {
  Bool,
  DateDay,
  Decimal,
  Dictionary,
  Int32,
  makeData,
  makeVector,
  Table,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSubscriptionColumnsArrow } from '../dist/arrow/index.js';
import { readSubscriptionColumnsCsv } from '../dist/csv/index.js';
import { writeSubscriptionsCsv } from './generate-csv.js';

const [lineCount = 1_000_000, customerCount = 100_000, monthCount = 60] = process.argv.slice(2).map(Number);
const RUNS = 5;
const collect = globalThis.gc ?? (() => {});

function dictionaryColumn(keys, codes) {
  const type = new Dictionary(new Utf8(), new Int32());
  return makeVector(makeData({ type, data: Int32Array.from(codes), dictionary: vectorFromArray(keys, new Utf8()) }));
}

function validity(n, isValid) {
  const bits = new Uint8Array(Math.ceil(n / 8));
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (isValid(i)) bits[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return { nullBitmap: bits, nullCount: nulls };
}

/** The lines as DuckDB or Parquet would hand them over in Arrow. */
function arrowTableOf(c) {
  const n = c.length;
  const amount = new Uint32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const minor = c.amountMinor[i];
    amount[i * 4] = minor % 2 ** 32;
    amount[i * 4 + 1] = Math.floor(minor / 2 ** 32);
  }
  const isTrial = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (c.isTrial[i] === 1) isTrial[i >> 3] |= 1 << (i & 7);
  return new Table({
    line_id: vectorFromArray(c.lineIds, new Utf8()),
    customer_id: dictionaryColumn(c.customerIds, c.customer),
    product: dictionaryColumn(c.products, c.product),
    start_date: makeVector(makeData({ type: new DateDay(), data: Int32Array.from(c.startDay) })),
    end_date: makeVector(
      makeData({
        type: new DateDay(),
        data: Int32Array.from(c.endDay, (d) => (d === NO_END_DAY ? 0 : d)),
        ...validity(n, (i) => c.endDay[i] !== NO_END_DAY),
      }),
    ),
    amount: makeVector(makeData({ type: new Decimal(2, 18, 128), data: amount })),
    interval: dictionaryColumn(['day', 'week', 'month', 'quarter', 'year'], c.interval),
    interval_count: makeVector(makeData({ type: new Int32(), data: Int32Array.from(c.intervalCount) })),
    quantity: makeVector(makeData({ type: new Int32(), data: Int32Array.from(c.quantity) })),
    currency: dictionaryColumn(c.currencies, c.currency),
    is_trial: makeVector(makeData({ type: new Bool(), data: isTrial })),
  });
}

async function timed(run) {
  collect();
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'cskit-arrow-bench-'));
try {
  const path = join(dir, 'subscriptions.csv');
  writeSubscriptionsCsv(path, {
    customers: customerCount,
    lines: lineCount,
    months: monthCount,
    seed: 42,
    currency: 'USD',
  });
  const fromCsv = () => readSubscriptionColumnsCsv(createReadStream(path), { source: 'subscriptions.csv' });
  const table = arrowTableOf(
    (await readSubscriptionColumnsCsv(createReadStream(path), { source: 'subscriptions.csv', lineIds: true })).columns,
  );
  const fromArrow = () => readSubscriptionColumnsArrow(table);

  const csvReport = JSON.stringify(buildReport({ subscriptions: (await fromCsv()).columns }));
  if (JSON.stringify(buildReport({ subscriptions: fromArrow().columns })) !== csvReport)
    throw new Error('the Arrow table gives another report');

  const runs = { csv: [], arrow: [] };
  for (let r = 0; r < RUNS; r++) {
    runs.csv.push((await timed(async () => (await fromCsv()).columns.length)).ms);
    runs.arrow.push((await timed(() => fromArrow().columns.length)).ms);
  }
  const csv = median(runs.csv);
  const arrow = median(runs.arrow);
  console.log(
    JSON.stringify(
      {
        lines: lineCount,
        node: process.version,
        cores: availableParallelism(),
        load: loadavg().map((x) => +x.toFixed(2)),
        csvMs: Math.round(csv),
        arrowMs: Math.round(arrow),
        arrowRowsPerSecond: Math.round(lineCount / (arrow / 1000)),
        arrowOverCsv: +(arrow / csv).toFixed(2),
        runs,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
