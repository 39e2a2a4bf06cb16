import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_END_DAY, type SubscriptionColumns } from '../model/subscription-columns.js';
import { BILLING_INTERVALS, type SubscriptionLine } from '../model/subscription-line.js';
import { buildReport } from '../report/build-report.js';
import { dayIndexOf, formatDate, parseDate } from '../time/calendar-date.js';
import { readSubscriptionColumns } from '../readers/subscription-columns-reader.js';
import { readSubscriptionLines } from '../readers/subscription-lines.js';
import { analyseRevenue } from './analyse-revenue.js';
import { explainMovement } from './explain.js';
import { MOVEMENT_KINDS } from './movements.js';

const FIRST_DAY = dayIndexOf(2023, 1, 1);
const LAST_DAY = dayIndexOf(2024, 12, 31);

/** Random lines of a few customers over two years, in one currency. */
const linesArbitrary = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 5 }),
      start: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
      length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      amountMinor: fc.integer({ min: 0, max: 100_000 }),
      interval: fc.constantFrom(...BILLING_INTERVALS),
      intervalCount: fc.integer({ min: 1, max: 3 }),
      quantity: fc.integer({ min: 0, max: 3 }),
      isTrial: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      product: fc.constantFrom('a', 'b', 'c'),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((drawn) =>
    drawn.map((d): SubscriptionLine => ({
      customerId: `c${d.customer}`,
      startDate: formatDate(d.start),
      ...(d.length === undefined ? {} : { endDate: formatDate(d.start + d.length) }),
      amountMinor: d.amountMinor,
      currency: 'USD',
      interval: d.interval,
      intervalCount: d.intervalCount,
      quantity: d.quantity,
      isTrial: d.isTrial,
      product: d.product,
    })),
  );

const options = { to: '2025-06' };

describe('revenue properties', () => {
  it('the bridge balances every month: MRR(M) = MRR(M−1) + new + expansion + reactivation − contraction − churn', () => {
    fc.assert(
      fc.property(
        linesArbitrary,
        fc.constantFrom<'month-end' | 'month-start'>('month-end', 'month-start'),
        (lines, snapshot) => {
          const { months } = analyseRevenue({ subscriptions: lines }, { ...options, snapshot }).total;
          let previous = 0;
          for (const m of months) {
            const { new: added, expansion, reactivation, contraction, churn } = m.movements;
            expect(m.mrr).toBeCloseTo(
              previous + added.mrr + expansion.mrr + reactivation.mrr - contraction.mrr - churn.mrr,
              6,
            );
            expect(m.upsell.mrr + m.crossSell.mrr).toBeCloseTo(expansion.mrr, 6);
            previous = m.mrr;
          }
        },
      ),
    );
  });

  it('churn rates lie in [0, 1], grr and grr12 never exceed 1, and nothing is NaN or infinite', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        for (const m of analyseRevenue({ subscriptions: lines }, options).total.months) {
          for (const rate of [
            m.logoChurnRate,
            m.grossMrrChurnRate,
            m.grr,
            m.grr12,
            m.renewals.rate,
            m.trials.rate,
            m.upsellRate,
            m.crossSellRate,
          ]) {
            if (rate !== null) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1 + 1e-12);
            }
          }
          for (const value of Object.values(m).filter((v): v is number => typeof v === 'number'))
            expect(Number.isFinite(value)).toBe(true);
        }
      }),
    );
  });

  it('every cohort starts with all its customers and all its revenue', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        for (const cohort of buildReport({ subscriptions: lines }, options).cohorts) {
          expect(cohort.logoRetention[0]).toBe(1);
          expect(cohort.revenueRetention[0]).toBe(1);
        }
      }),
    );
  });

  it('shuffling the lines changes nothing', () => {
    fc.assert(
      fc.property(linesArbitrary, fc.infiniteStream(fc.nat()), (lines, random) => {
        const iterator = random[Symbol.iterator]();
        const shuffled = [...lines];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (iterator.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as SubscriptionLine, shuffled[i] as SubscriptionLine];
        }
        expect(buildReport({ subscriptions: shuffled }, options)).toEqual(
          buildReport({ subscriptions: lines }, options),
        );
      }),
    );
  });

  it('splitting a line into two contiguous lines changes nothing', () => {
    fc.assert(
      fc.property(linesArbitrary, fc.nat(), fc.integer({ min: 1, max: 400 }), (lines, pick, offset) => {
        const index = pick % lines.length;
        const original = lines[index] as SubscriptionLine;
        const start = parseDate(original.startDate) ?? 0;
        const end = original.endDate === undefined ? undefined : parseDate(original.endDate);
        const cut = start + (end === undefined ? offset : Math.min(offset, Math.max(end - start, 0)));
        fc.pre(cut > start && (end === undefined || cut < end));
        const first = { ...original, endDate: formatDate(cut) };
        const second = { ...original, startDate: formatDate(cut) };
        const split = [...lines.slice(0, index), first, second, ...lines.slice(index + 1)];
        expect(buildReport({ subscriptions: split }, options)).toEqual(buildReport({ subscriptions: lines }, options));
      }),
    );
  });

  it('explanations add up to the month totals, and groups to the whole', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const customers = ['c0', 'c1', 'c2'].map((customerId, i) => ({
          customerId,
          attributes: { team: i % 2 === 0 ? 'even' : 'odd' },
        }));
        const analysis = analyseRevenue({ subscriptions: lines, customers }, { ...options, groupBy: 'team' });
        analysis.total.months.forEach((month, m) => {
          for (const kind of MOVEMENT_KINDS) {
            const explained = explainMovement(analysis, month.month, kind);
            expect(explained.customers.length).toBe(month.movements[kind].customers);
            expect(explained.mrr).toBeCloseTo(month.movements[kind].mrr, 6);
          }
          const groupMrr = analysis.groups.reduce((sum, group) => sum + (group.series.months[m]?.mrr ?? 0), 0);
          expect(groupMrr).toBeCloseTo(month.mrr, 6);
        });
      }),
      { numRuns: 30 },
    );
  });
});

/**
 * The lines as columns, encoded here independently of the ledger: dictionaries in reverse order of first
 * use, with a value no line uses, so that the ledger's re-encoding is exercised too.
 */
function columnsOf(lines: readonly SubscriptionLine[]): SubscriptionColumns {
  const dictionary = (values: readonly string[]): string[] => ['unused', ...new Set(values)].reverse();
  const customerIds = dictionary(lines.map((line) => line.customerId));
  const products = dictionary(lines.map((line) => line.product ?? ''));
  const currencies = dictionary(lines.map((line) => line.currency));
  return {
    length: lines.length,
    customerIds,
    customer: Int32Array.from(lines, (line) => customerIds.indexOf(line.customerId)),
    startDay: Int32Array.from(lines, (line) => parseDate(line.startDate) as number),
    endDay: Int32Array.from(lines, (line) =>
      line.endDate === undefined ? NO_END_DAY : (parseDate(line.endDate) as number),
    ),
    amountMinor: Float64Array.from(lines, (line) => line.amountMinor),
    currencies,
    currency: Uint8Array.from(lines, (line) => currencies.indexOf(line.currency)),
    interval: Uint8Array.from(lines, (line) => BILLING_INTERVALS.indexOf(line.interval)),
    intervalCount: Int32Array.from(lines, (line) => line.intervalCount),
    quantity: Int32Array.from(lines, (line) => line.quantity),
    isTrial: Uint8Array.from(lines, (line) => (line.isTrial ? 1 : 0)),
    products,
    product: Int32Array.from(lines, (line) => products.indexOf(line.product ?? '')),
  };
}

describe('columnar subscriptions', () => {
  it('buildReport gives the same report from columns as from line objects', () => {
    fc.assert(
      fc.property(
        linesArbitrary,
        fc.constantFrom<'month-end' | 'month-start'>('month-end', 'month-start'),
        (lines, snapshot) => {
          const fromObjects = buildReport({ subscriptions: lines }, { ...options, snapshot });
          const fromColumns = buildReport({ subscriptions: columnsOf(lines) }, { ...options, snapshot });
          expect(fromColumns).toEqual(fromObjects);
        },
      ),
    );
  });

  it('converts foreign lines at the rate of their start date, as the object path does', () => {
    // 100.00 EUR from 2024-01-10 at 1.1 → 110.00 USD; 50.00 USD: MRR 160.00 in 2024-01.
    const lines: SubscriptionLine[] = [
      {
        customerId: 'a',
        startDate: '2024-01-10',
        amountMinor: 10_000,
        currency: 'EUR',
        interval: 'month',
        intervalCount: 1,
        quantity: 1,
        isTrial: false,
      },
      {
        customerId: 'b',
        startDate: '2024-01-01',
        amountMinor: 5_000,
        currency: 'USD',
        interval: 'month',
        intervalCount: 1,
        quantity: 1,
        isTrial: false,
      },
    ];
    const fx = [{ date: '2024-01-01', currency: 'EUR', rate: 1.1 }];
    const report = buildReport({ subscriptions: columnsOf(lines), fx }, { currency: 'USD' });
    expect(report.months[0]?.mrr).toBe(160);
    expect(report).toEqual(buildReport({ subscriptions: lines, fx }, { currency: 'USD' }));
  });

  it('names the line_id and row of a line lacking an FX rate, as the object path does, when asked to keep ids', () => {
    const records = [
      {
        line_id: 'L1',
        customer_id: 'a',
        start_date: '2024-01-01',
        amount: '10.00',
        interval: 'month',
        currency: 'USD',
      },
      { line_id: 'L2', customer_id: 'b', start_date: '2024-01-05', amount: 'x', interval: 'month', currency: 'EUR' },
      {
        line_id: 'L3',
        customer_id: 'b',
        start_date: '2024-01-01',
        amount: '10.00',
        interval: 'month',
        currency: 'EUR',
      },
      { customer_id: 'c', start_date: '2024-01-01', amount: '10.00', interval: 'month', currency: 'GBP' },
    ];
    // EUR has a rate from 2024-02-01 only: L3 (row 4; row 3 is skipped as invalid) is the first line lacking one.
    const fx = [{ date: '2024-02-01', currency: 'EUR', rate: 1.1 }];
    const read = { source: 'subs.csv', onError: 'skip' } as const;
    const message = (subscriptions: SubscriptionLine[] | SubscriptionColumns): string => {
      try {
        buildReport({ subscriptions, fx }, { currency: 'USD' });
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const fromObjects = message(readSubscriptionLines(records, read).records);
    expect(fromObjects).toBe(
      'subscription line in row 4 (line_id "L3"): No FX rate for EUR on or before 2024-01-01 (needed to convert EUR to USD); add one to the fx table',
    );
    const columns = readSubscriptionColumns(records, { ...read, lineIds: true }).columns;
    expect(columns.lineIds).toEqual(['L1', 'L3', undefined]);
    expect(message(columns)).toBe(fromObjects);
    // Without ids kept, the row alone.
    expect(message(readSubscriptionColumns(records, read).columns)).toBe(
      'subscription line in row 4: No FX rate for EUR on or before 2024-01-01 (needed to convert EUR to USD); add one to the fx table',
    );
  });

  it('names the line index of a value that breaks the model', () => {
    const line: SubscriptionLine = {
      customerId: 'c1',
      startDate: '2024-03-01',
      endDate: '2024-02-01',
      amountMinor: 100,
      currency: 'USD',
      interval: 'month',
      intervalCount: 1,
      quantity: 1,
      isTrial: false,
    };
    expect(() => buildReport({ subscriptions: columnsOf([{ ...line, endDate: '2024-04-01' }, line]) })).toThrow(
      'Subscription line #1 (customer c1): end_date is before start_date',
    );
    // By line_id when the columns hold them, as the object path names a line.
    const withIds = { ...columnsOf([{ ...line, endDate: '2024-04-01' }, line]), lineIds: ['L1', 'L2'] };
    expect(() => buildReport({ subscriptions: withIds })).toThrow(
      'Subscription line L2 (customer c1): end_date is before start_date',
    );
  });
});
