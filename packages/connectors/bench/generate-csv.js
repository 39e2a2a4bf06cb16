// Seeded generator of a canonical subscriptions CSV (metrics.md §1) for the read benchmark:
// self-contained (core's bench generator is another package's), deterministic, written to a file in
// batches so that a million rows never sit in memory as one string.
import { closeSync, openSync, writeSync } from 'node:fs';

/** The header of the generated file: every column of the canonical subscriptions CSV but `mrr`. */
export const COLUMNS = [
  'line_id',
  'customer_id',
  'subscription_id',
  'product',
  'plan',
  'start_date',
  'end_date',
  'amount',
  'interval',
  'interval_count',
  'quantity',
  'currency',
  'is_trial',
];

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `YYYY-MM-DD` of each day from `first` (a UTC date), `count` days. */
function isoDays(first, count) {
  const days = new Array(count);
  for (let i = 0; i < count; i++) days[i] = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
  return days;
}

const PRODUCTS = ['Platform', 'Seats', 'Analytics', 'Support'];
// One plan in twenty has a comma in its name, so its field is quoted as exports do.
const PLANS = ['Starter', 'Growth', 'Scale', 'Growth', 'Starter', 'Scale', 'Growth', 'Starter', 'Growth', 'Scale'];
const QUOTED_PLAN = '"Enterprise, annual"';
// Weighted intervals: mostly monthly, a fifth yearly, a few quarterly, weekly and daily.
const INTERVALS = [
  [0.7, 'month'],
  [0.9, 'year'],
  [0.96, 'quarter'],
  [0.99, 'week'],
  [1, 'day'],
];
// Mostly USD; every currency here has two decimals.
const CURRENCIES = [
  [0.8, 'USD'],
  [0.92, 'EUR'],
  [1, 'GBP'],
];
const BATCH = 10_000;

const pick = (table, draw) => table.find(([limit]) => draw < limit)[1];

/**
 * Writes `lines` subscription lines of `customers` customers starting over `months` months from
 * January 2020 to `path`, LF line endings: each customer has lines (plan changes, add-ons, trials, churn
 * and returns) starting on random days, a third of them open (empty `end_date`), the others ending
 * 1–900 days later. With `currency`, every line is in it (the draws are the same). Returns the file's size
 * in bytes.
 */
export function writeSubscriptionsCsv(path, { customers, lines, months, seed, currency: only }) {
  const random = seededRandom(seed);
  const spanDays = Math.round(
    (Date.UTC(2020 + Math.floor(months / 12), months % 12, 1) - Date.UTC(2020, 0, 1)) / 864e5,
  );
  const dates = isoDays(Date.UTC(2020, 0, 1), spanDays + 1000);
  const fd = openSync(path, 'w');
  let bytes = 0;
  const write = (text) => {
    bytes += writeSync(fd, text);
  };
  try {
    write(`${COLUMNS.join(',')}\n`);
    let batch = [];
    for (let c = 0, i = 0; c < customers && i < lines; c++) {
      // Spread the lines evenly: the last customer takes what is left.
      const count =
        c === customers - 1 ? lines - i : Math.max(1, Math.round((lines / customers) * (0.2 + 1.6 * random())));
      const customerId = `cus_${String(c).padStart(6, '0')}`;
      const customerStart = Math.floor(random() * (spanDays - 1));
      const drawn = pick(CURRENCIES, random());
      const currency = only ?? drawn;
      for (let k = 0; k < count && i < lines; k++, i++) {
        const start = Math.min(spanDays - 1, customerStart + Math.floor(random() * 540 * k ** 0.5));
        const end = random() < 0.35 ? '' : dates[start + 1 + Math.floor(random() * 900)];
        const interval = pick(INTERVALS, random());
        const trial = k === 0 && random() < 0.1;
        const cents = trial ? 0 : 500 + Math.floor(random() * 50_000);
        const plan = random() < 0.05 ? QUOTED_PLAN : PLANS[Math.floor(random() * PLANS.length)];
        batch.push(
          `li_${i},${customerId},sub_${c}_${k >> 2},${PRODUCTS[Math.floor(random() * random() * PRODUCTS.length)]},${plan},` +
            `${dates[start]},${end},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},${interval},` +
            `${random() < 0.95 ? 1 : 2},${1 + Math.floor(random() * random() * 20)},${currency},${trial}`,
        );
        if (batch.length === BATCH) {
          write(`${batch.join('\n')}\n`);
          batch = [];
        }
      }
    }
    if (batch.length > 0) write(`${batch.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
