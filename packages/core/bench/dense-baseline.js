// Baseline (a): the least work that yields MRR per customer-month from the same parsed rows —
// dictionary-encode customers, read the start and end months from the date text, normalise, and add
// into a dense Float64Array. No validation, movements, rates or cohorts.

const NUMERATOR = { month: 1, quarter: 1, year: 1, week: 13, day: 365 };
const DENOMINATOR = { month: 1, quarter: 3, year: 12, week: 3, day: 12 };

function monthOf(text) {
  const year =
    (text.charCodeAt(0) - 48) * 1000 +
    (text.charCodeAt(1) - 48) * 100 +
    (text.charCodeAt(2) - 48) * 10 +
    (text.charCodeAt(3) - 48);
  return year * 12 + (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48) - 1;
}

/** MRR (minor units) per customer-month, and per month, for months [firstMonth, firstMonth + width). */
export function denseCustomerMonthMrr(lines, firstMonth, width) {
  const n = lines.length;
  const index = new Map();
  const customer = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const mrr = new Float64Array(n);
  let lastId = '';
  let c = -1;
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    // Same shortcut as the engine: rows of one customer usually come together.
    if (line.customerId !== lastId || c < 0) {
      lastId = line.customerId;
      c = index.get(lastId);
      if (c === undefined) {
        c = index.size;
        index.set(lastId, c);
      }
    }
    customer[i] = c;
    from[i] = Math.max(0, monthOf(line.startDate) - firstMonth);
    to[i] = line.endDate === undefined ? width : Math.min(width, monthOf(line.endDate) - firstMonth);
    mrr[i] = line.isTrial
      ? 0
      : (line.amountMinor * line.quantity * NUMERATOR[line.interval]) /
        (DENOMINATOR[line.interval] * line.intervalCount);
  }
  const grid = new Float64Array(index.size * width);
  for (let i = 0; i < n; i++) {
    const base = customer[i] * width;
    const value = mrr[i];
    for (let cell = base + from[i], end = base + to[i]; cell < end; cell++) grid[cell] += value;
  }
  const total = new Float64Array(width);
  for (let cell = 0; cell < grid.length; cell++) total[cell % width] += grid[cell];
  return { grid, total };
}
