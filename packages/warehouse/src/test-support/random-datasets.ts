import fc from 'fast-check';
import { BILLING_INTERVALS, dayIndexOf, daysInMonth, formatDate, type FxRate } from '@cskit/core';
import type { StoredLine } from './canonical-tables.js';

/** A random dataset and the report options to run it with. */
export interface Dataset {
  readonly lines: readonly StoredLine[];
  readonly fx: readonly FxRate[];
  readonly currency: string;
  readonly from?: string;
  readonly to?: string;
}

// Dates fall on the edges of months often: month-end snapshots turn on them (metrics.md §2).
const dayArbitrary = fc
  .record({
    year: fc.integer({ min: 2023, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.constant('first' as const), fc.constant('last' as const), fc.integer({ min: 1, max: 28 })),
  })
  .map(({ year, month, day }) =>
    dayIndexOf(year, month, day === 'first' ? 1 : day === 'last' ? daysInMonth(year, month) : day),
  );

// Open, zero-length (never bills), a few days, or a longer stretch; overlaps and gaps come from
// several lines per customer.
const lengthArbitrary = fc.oneof(
  fc.constant(undefined),
  fc.constant(0),
  fc.integer({ min: 1, max: 40 }),
  fc.integer({ min: 28, max: 500 }),
);

/**
 * Exchange rates that binary floats hold exactly and that keep every converted tick an integer, and
 * decimal ones with up to six digits (1.0834, 0.912345) that the JS engine converts in binary floats:
 * the SQL performs the very same float operations per line (docs/warehouse.md, "Exactness").
 */
export const EXACT_RATES = [0.5, 1, 1.5, 2, 2.5] as const;
const rateArbitrary = fc.oneof(
  fc.constantFrom(...EXACT_RATES),
  fc.integer({ min: 1, max: 30_000 }).map((n) => n / 10_000),
  fc.integer({ min: 1, max: 3_000_000 }).map((n) => n / 1_000_000),
);

// Every interval_count from 1 to 1000: divisors of 27720 keep the ledger's scale within 12 × 27720,
// others (13, 17, 997 …) enlarge it, and a few of them together push it past 2^21, where the ledger
// falls back to 12 ticks per minor unit and ticks stop being integers.
const intervalCountArbitrary = fc.oneof(fc.constantFrom(1, 1, 1, 2, 3, 4, 6, 12), fc.integer({ min: 1, max: 1000 }));

/** Currencies of the lines, besides the reporting one: two- and zero-decimal ones. */
const FOREIGN = ['EUR', 'GBP', 'JPY'] as const;

const lineArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: 6 }),
  start: dayArbitrary,
  length: lengthArbitrary,
  amountMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 200_000 })),
  interval: fc.constantFrom(...BILLING_INTERVALS),
  intervalCount: intervalCountArbitrary,
  quantity: fc.constantFrom(0, 1, 1, 1, 2, 3),
  isTrial: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  foreign: fc.integer({ min: 0, max: 5 }),
  asMrr: fc.boolean(),
  nullDefaults: fc.boolean(),
});

/**
 * Random datasets of a few customers over two years: every interval and several counts, trials,
 * zero amounts and quantities, zero-length lines, gaps (reactivations), overlaps (expansion and
 * contraction), month-edge dates, lines priced with `mrr`, NULLs for defaults, and lines in other
 * currencies converted at the latest rate on or before their start.
 */
export const datasetArbitrary: fc.Arbitrary<Dataset> = fc
  .record({
    drawn: fc.array(lineArbitrary, { minLength: 1, maxLength: 25 }),
    rates: fc.array(fc.record({ currency: fc.constantFrom(...FOREIGN), day: dayArbitrary, rate: rateArbitrary }), {
      maxLength: 6,
    }),
    baseRates: fc.tuple(...FOREIGN.map(() => rateArbitrary)),
    range: fc.constantFrom(
      {},
      { from: '2023-06' },
      { to: '2024-03' },
      { from: '2022-11', to: '2025-02' },
      { from: '2024-01', to: '2024-12' },
    ),
  })
  .map(({ drawn, rates, baseRates, range }): Dataset => {
    const lines = drawn.map((d, i): StoredLine => {
      const monthly = d.asMrr && d.interval === 'month' && d.intervalCount === 1;
      return {
        lineId: `l${i}`,
        customerId: `c${d.customer}`,
        startDate: formatDate(d.start),
        ...(d.length === undefined ? {} : { endDate: formatDate(d.start + d.length) }),
        amountMinor: d.amountMinor,
        currency: d.foreign < FOREIGN.length ? (FOREIGN[d.foreign] as string) : 'USD',
        interval: d.interval,
        intervalCount: d.intervalCount,
        quantity: d.quantity,
        isTrial: d.isTrial,
        asMrr: monthly,
        nullDefaults: d.nullDefaults,
      };
    });
    // Every foreign currency has a rate before any line starts; later rates change it from their date.
    const fx: FxRate[] = FOREIGN.map((currency, i) => ({ date: '2022-12-01', currency, rate: baseRates[i] as number }));
    const seen = new Set(fx.map((rate) => `${rate.currency} ${rate.date}`));
    for (const { currency, day, rate } of rates) {
      const date = formatDate(day);
      if (seen.has(`${currency} ${date}`)) continue;
      seen.add(`${currency} ${date}`);
      fx.push({ date, currency, rate });
    }
    return { lines, fx, currency: 'USD', ...range };
  });
