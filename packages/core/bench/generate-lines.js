// Seeded generator of subscription lines for the benchmark: self-contained (no dependency on the
// sample folder), deterministic, and shaped like what readSubscriptionLines returns.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const PRODUCTS = ['core', 'seats', 'analytics', 'support'];
// Weighted intervals: mostly monthly, a fifth yearly, a few quarterly, weekly and daily.
const INTERVALS = [
  [0.7, 'month'],
  [0.9, 'year'],
  [0.96, 'quarter'],
  [0.99, 'week'],
  [1, 'day'],
];

/**
 * `lines` subscription lines of `customers` customers starting over `months` months from January
 * 2020: each customer gets a start month and lines (plan changes, add-ons, trials, churn and
 * returns) starting on random days after it, ending after 1–900 days or never.
 */
export function generateLines({ customers, lines, months, seed }) {
  const random = seededRandom(seed);
  const firstDay = daysFromCivil(2020, 1, 1);
  const lastDay = daysFromCivil(2020 + Math.floor(months / 12), (months % 12) + 1, 1) - 1;
  const dates = [];
  for (let day = firstDay; day <= lastDay + 1000; day++) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    dates.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  const result = new Array(lines);
  let row = 2;
  for (let c = 0, i = 0; c < customers; c++) {
    // Spread the lines evenly: the last customer takes what is left.
    const count =
      c === customers - 1 ? lines - i : Math.max(1, Math.round((lines / customers) * (0.2 + 1.6 * random())));
    const customerId = `cus_${String(c).padStart(6, '0')}`;
    const customerStart = firstDay + Math.floor(random() * (lastDay - firstDay));
    for (let k = 0; k < count && i < lines; k++, i++) {
      const start = Math.min(lastDay, customerStart + Math.floor(random() * 540 * k ** 0.5));
      const open = random() < 0.35;
      const end = open ? undefined : start + 1 + Math.floor(random() * 900);
      const draw = random();
      const interval = INTERVALS.find(([limit]) => draw < limit)[1];
      const trial = k === 0 && random() < 0.1;
      result[i] = {
        customerId,
        lineId: `li_${i}`,
        startDate: dates[start - firstDay],
        ...(end === undefined ? {} : { endDate: dates[Math.min(end, lastDay) - firstDay] }),
        amountMinor: trial ? 0 : 500 + Math.floor(random() * 50_000),
        currency: 'USD',
        interval,
        intervalCount: random() < 0.95 ? 1 : 2,
        quantity: 1 + Math.floor(random() * random() * 20),
        product: PRODUCTS[Math.floor(random() * random() * PRODUCTS.length)],
        isTrial: trial,
        row: row++,
      };
    }
  }
  return result;
}
