import { NO_END_DAY } from '@cskit/core';
import { Bool, DateDay, Decimal, Dictionary, Int32, makeData, makeVector, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { createReadStream, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readSubscriptionColumnsArrow } from './dist/arrow/index.js';
import { readSubscriptionColumnsCsv } from './dist/csv/index.js';
import { writeSubscriptionsCsv } from './bench/generate-csv.js';
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
const path = join(mkdtempSync(join(tmpdir(), 'p-')), 's.csv');
writeSubscriptionsCsv(path, { customers: 100000, lines: 1000000, months: 60, seed: 42, currency: 'USD' });
const table = arrowTableOf((await readSubscriptionColumnsCsv(createReadStream(path), { source: 's', lineIds: true })).columns);
globalThis.gc?.();
for (let r = 0; r < 2; r++) { const t = performance.now(); readSubscriptionColumnsArrow(table); console.log('arrow', performance.now() - t); }
for (let r = 0; r < 2; r++) { const t = performance.now(); await readSubscriptionColumnsCsv(createReadStream(path), { source: 's' }); console.log('csv', performance.now() - t); }
