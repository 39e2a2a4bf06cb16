import type { Timestamp } from 'apache-arrow';
import {
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  List,
  makeData,
  makeVector,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import {
  buildReport,
  CskitValidationError,
  formatDate,
  NO_END_DAY,
  readSubscriptionLines,
  type CanonicalRecord,
  type ValidationIssue,
} from '@cskit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSubscriptionColumnsArrow } from './read-subscription-columns-arrow.js';

const DAY_MS = 86_400_000;
const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** A Decimal column of unscaled values (`4990n` at scale 2 is 49.90), nulls included, as Arrow lays it out. */
function decimals(unscaled: readonly (bigint | null)[], scale: number, bitWidth = 128): Vector {
  const words = bitWidth / 32;
  const data = new Uint32Array(unscaled.length * words);
  const valid = new Uint8Array(Math.ceil(unscaled.length / 8));
  unscaled.forEach((value, i) => {
    if (value === null) return;
    valid[i >> 3] = (valid[i >> 3] as number) | (1 << (i & 7));
    let rest = BigInt.asUintN(bitWidth, value);
    for (let k = 0; k < words; k++, rest >>= 32n) data[i * words + k] = Number(rest & 0xffffffffn);
  });
  const nullCount = unscaled.filter((value) => value === null).length;
  return makeVector(makeData({ type: new Decimal(scale, 38, bitWidth), data, nullBitmap: valid, nullCount }));
}

/** Raw 64-bit values of a timestamp unit, for values a builder would round (microseconds, nanoseconds). */
function timestamps(type: Timestamp, values: readonly bigint[]): Vector {
  return makeVector(makeData({ type, data: BigInt64Array.from(values) }));
}

const strings = (values: readonly (string | null)[]): Vector => vectorFromArray(values, new Utf8());
const dictionary = (values: readonly (string | null)[]): Vector =>
  vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
const dates = (values: readonly (string | null)[]): Vector =>
  vectorFromArray(
    values.map((value) => (value === null ? null : new Date(`${value}T00:00:00Z`))),
    new DateDay(),
  );

/** Issues without their source, for comparing with core's reader on text records. */
function issuesOf(read: () => unknown): ValidationIssue[] {
  try {
    read();
  } catch (error) {
    if (error instanceof CskitValidationError) return [...error.issues];
    throw error;
  }
  return [];
}

describe('readSubscriptionColumnsArrow', () => {
  it('reads dictionary and plain strings, dates, decimals and nulls as the canonical defaults', () => {
    const table = new Table({
      line_id: strings(['L1', 'L2', null]),
      customer_id: dictionary(['acme', 'globex', 'acme']),
      start_date: dates(['2024-01-15', '2024-02-01', '2024-03-01']),
      end_date: dates([null, '2024-04-10', null]),
      amount: decimals([4990n, 120000n, 2000n], 2),
      interval: dictionary(['month', 'year', 'month']),
      interval_count: vectorFromArray([null, 1, 1], new Int32()),
      quantity: vectorFromArray([3n, null, 1n], new Int64()),
      currency: strings(['USD', null, 'usd']),
      product: strings(['Platform', 'Platform', null]),
      is_trial: vectorFromArray([null, false, true], new Bool()),
      ignored: vectorFromArray([[1], [2], [3]], new List(new Field('x', new Int32()))),
    });
    const { columns, issues } = readSubscriptionColumnsArrow(table, { lineIds: true });
    expect(issues).toEqual([]);
    expect(columns.length).toBe(3);
    expect(columns.lineIds).toEqual(['L1', 'L2', undefined]);
    expect(Array.from(columns.customer, (c) => columns.customerIds[c])).toEqual(['acme', 'globex', 'acme']);
    expect(Array.from(columns.startDay)).toEqual([day('2024-01-15'), day('2024-02-01'), day('2024-03-01')]);
    expect(Array.from(columns.endDay)).toEqual([NO_END_DAY, day('2024-04-10'), NO_END_DAY]);
    // Decimal(…, 2): 4990 is 49.90 USD = 4990 cents; 120000 is 1,200.00.
    expect(Array.from(columns.amountMinor)).toEqual([4990, 120_000, 2000]);
    // A null interval_count or quantity is 1; a null currency takes the only one named (USD).
    expect(Array.from(columns.intervalCount)).toEqual([1, 1, 1]);
    expect(Array.from(columns.quantity)).toEqual([3, 1, 1]);
    expect(Array.from(columns.currency, (c) => columns.currencies[c])).toEqual(['USD', 'USD', 'USD']);
    expect(Array.from(columns.isTrial)).toEqual([0, 0, 1]);
    expect(Array.from(columns.interval)).toEqual([2, 4, 2]); // month, year
    // Rows from 0, as table.get(i).
    expect(Array.from(columns.row ?? [])).toEqual([0, 1, 2]);
  });

  it('names the row (from 0) and field of each bad value, with the CSV reader’s messages', () => {
    const table = new Table({
      customer_id: strings(['acme', null, 'globex', 'initech', 'umbrella']),
      start_date: dates(['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01']),
      amount: decimals([1000n, 1000n, -500n, 1000n, 1000n], 2),
      interval: strings(['month', 'month', 'month', 'fortnight', 'month']),
      quantity: vectorFromArray([1, 1, 1, 1, -2], new Int32()),
      currency: strings(['USD', 'USD', 'USD', 'USD', 'USD']),
    });
    const issues = issuesOf(() => readSubscriptionColumnsArrow(table));
    expect(issues).toEqual([
      { source: 'Arrow table', row: 1, field: 'customer_id', value: '', reason: 'customer_id is required' },
      { source: 'Arrow table', row: 2, field: 'amount', value: '-5.00', reason: 'amounts cannot be negative' },
      {
        source: 'Arrow table',
        row: 3,
        field: 'interval',
        value: 'fortnight',
        reason: 'unknown interval (expected day, week, month, quarter or year)',
      },
      {
        source: 'Arrow table',
        row: 4,
        field: 'quantity',
        value: '-2',
        reason: 'quantity must be a non-negative integer',
      },
    ]);
    // The same issues as core's reader on the same values as text.
    const records: CanonicalRecord[] = [
      { customer_id: 'acme', amount: '10.00', quantity: '1' },
      { amount: '10.00', quantity: '1' },
      { customer_id: 'globex', amount: '-5.00', quantity: '1' },
      { customer_id: 'initech', amount: '10.00', quantity: '1', interval: 'fortnight' },
      { customer_id: 'umbrella', amount: '10.00', quantity: '-2' },
    ].map((r) => ({ start_date: '2024-01-01', interval: 'month', currency: 'USD', ...r }));
    expect(issues).toEqual(issuesOf(() => readSubscriptionLines(records, { source: 'Arrow table', firstRow: 0 })));
    // firstRow and source name them otherwise; onError: 'skip' keeps the good lines.
    const skipped = readSubscriptionColumnsArrow(table, { source: 'subs.arrow', firstRow: 1, onError: 'skip' });
    expect(skipped.issues.map((issue) => `${issue.source} ${issue.row}`)).toEqual([
      'subs.arrow 2',
      'subs.arrow 3',
      'subs.arrow 4',
      'subs.arrow 5',
    ]);
    expect(skipped.columns.length).toBe(1);
  });

  it('takes a timestamp at midnight as its date, in the reporting time zone for an instant, and rejects other times', () => {
    const read = (start: Vector, timeZone?: string) =>
      readSubscriptionColumnsArrow(
        new Table({
          customer_id: strings(['acme']),
          start_date: start,
          mrr: strings(['10']),
          currency: strings(['USD']),
        }),
        { onError: 'skip', ...(timeZone === undefined ? {} : { timeZone }) },
      );
    const midnight = Date.UTC(2024, 0, 15);
    // Without a zone: a wall-clock time, whatever the unit.
    expect(read(vectorFromArray([midnight], new TimestampMillisecond())).columns.startDay[0]).toBe(day('2024-01-15'));
    expect(read(timestamps(new TimestampSecond(), [BigInt(midnight / 1000)])).columns.startDay[0]).toBe(
      day('2024-01-15'),
    );
    expect(read(timestamps(new TimestampNanosecond(), [BigInt(midnight) * 1_000_000n])).columns.startDay[0]).toBe(
      day('2024-01-15'),
    );
    expect(read(vectorFromArray([new Date(midnight)], new DateMillisecond())).columns.startDay[0]).toBe(
      day('2024-01-15'),
    );
    // An instant: midnight 2024-02-01 in Berlin is 2024-01-31T23:00Z.
    const berlinMidnight = timestamps(new TimestampMillisecond('Europe/Berlin'), [BigInt(Date.UTC(2024, 0, 31, 23))]);
    expect(read(berlinMidnight, 'Europe/Berlin').columns.startDay[0]).toBe(day('2024-02-01'));
    expect(read(berlinMidnight).issues).toEqual([
      {
        source: 'Arrow table',
        row: 0,
        field: 'start_date',
        value: '2024-01-31T23:00:00.000Z',
        reason: 'start_date is not a calendar date YYYY-MM-DD',
      },
    ]);
    // A wall-clock time of day, to the microsecond, is not a date either.
    const late = timestamps(new TimestampMicrosecond(), [BigInt(midnight) * 1000n + 1n]);
    expect(read(late).issues.map((issue) => issue.value)).toEqual(['2024-01-15T00:00:00.000001']);
  });

  it('reads amounts exactly: decimals digit for digit, floats by their shortest text, integers as major units', () => {
    const amounts = (amount: Vector, currency = 'USD') =>
      readSubscriptionColumnsArrow(
        new Table({
          customer_id: strings(Array.from({ length: amount.length }, () => 'acme')),
          start_date: dates(Array.from({ length: amount.length }, () => '2024-01-01')),
          amount,
          interval: strings(Array.from({ length: amount.length }, () => 'month')),
          currency: strings(Array.from({ length: amount.length }, () => currency)),
        }),
        { onError: 'skip' },
      );
    // 49.9000 at scale 4 is 4990 cents; 49.9050 has a third decimal USD has not; 1,234,567,890,123.4500
    // (past 2^53 unscaled) is 123,456,789,012,345 cents, exactly.
    const scaled = amounts(decimals([499_000n, 499_050n, 12_345_678_901_234_500n], 4));
    expect(Array.from(scaled.columns.amountMinor)).toEqual([4990, 123_456_789_012_345]);
    expect(scaled.issues.map((issue) => [issue.row, issue.value, issue.reason])).toEqual([
      [1, '49.9050', 'more decimals than USD allows (2)'],
    ]);
    // Decimal256, and a negative scale (units of 100 JPY).
    expect(Array.from(amounts(decimals([4990n], 2, 256)).columns.amountMinor)).toEqual([4990]);
    expect(Array.from(amounts(decimals([15n], -2), 'JPY').columns.amountMinor)).toEqual([1500]);
    // 0.29 is 29 cents, from a double or a float; 0.1 + 0.2 is not a number of cents.
    const floats = amounts(vectorFromArray([0.29, 0.1 + 0.2, 1200], new Float64()));
    expect(Array.from(floats.columns.amountMinor)).toEqual([29, 120_000]);
    expect(floats.issues.map((issue) => issue.value)).toEqual(['0.30000000000000004']);
    expect(Array.from(amounts(vectorFromArray([0.29], new Float32())).columns.amountMinor)).toEqual([29]);
    // Past 2^53 minor units, as in a CSV: 2^70 cents.
    expect(amounts(decimals([2n ** 70n], 2)).issues.map((issue) => [issue.value, issue.reason])).toEqual([
      ['11805916207174113034.24', 'amount too large'],
    ]);
    // Integers are major units, as in a CSV: 49 is 49.00.
    expect(Array.from(amounts(vectorFromArray([49], new Int32())).columns.amountMinor)).toEqual([4900]);
  });

  it('reads a sliced table and a table of several record batches', () => {
    const part = new Table({
      customer_id: dictionary(['a', null, 'b']),
      start_date: dates(['2024-01-01', '2024-02-01', null]),
      mrr: strings(['10', '20', '30']),
      currency: strings(['USD', 'USD', 'USD']),
    });
    // slice(1): rows b/null … keep offsets into the validity bitmaps.
    const sliced = readSubscriptionColumnsArrow(part.slice(1), { onError: 'skip' });
    expect(sliced.issues.map((issue) => [issue.row, issue.field])).toEqual([
      [0, 'customer_id'],
      [1, 'start_date'],
    ]);
    const batches = part.slice(0, 1).concat(part.slice(0, 1), part.slice(0, 1));
    expect(batches.getChild('customer_id')?.data.length).toBe(3);
    const { columns } = readSubscriptionColumnsArrow(batches);
    expect(Array.from(columns.customer, (c) => columns.customerIds[c])).toEqual(['a', 'a', 'a']);
    expect(Array.from(columns.row ?? [])).toEqual([0, 1, 2]);
  });

  it('rejects bytes that are not UTF-8, as the CSV reader does, instead of replacing them', () => {
    const bad = makeVector(
      makeData({ type: new Utf8(), data: Uint8Array.of(0x61, 0xff), valueOffsets: Int32Array.of(0, 2) }),
    );
    const table = new Table({ customer_id: bad, start_date: dates(['2024-01-01']), mrr: strings(['1']) });
    expect(() => readSubscriptionColumnsArrow(table)).toThrow(TypeError);
  });

  it('names a missing required column and a column it cannot read', () => {
    const noStart = new Table({ customer_id: strings(['a']), mrr: strings(['1']) });
    expect(issuesOf(() => readSubscriptionColumnsArrow(noStart))).toEqual([
      {
        source: 'Arrow table',
        field: 'start_date',
        value: '',
        reason: 'the table has no such column, and every row needs it',
      },
    ]);
    const listDates = new Table({
      customer_id: strings(['a']),
      start_date: vectorFromArray([[1]], new List(new Field('x', new Int32()))),
      mrr: strings(['1']),
    });
    expect(issuesOf(() => readSubscriptionColumnsArrow(listDates))).toEqual([
      {
        source: 'Arrow table',
        field: 'start_date',
        value: 'List<Int32>',
        reason:
          'a column of type List<Int32> cannot be read: use a string, date, timestamp, decimal, integer, floating-point or boolean column',
      },
    ]);
  });
});

const FIRST_DAY = day('2023-01-01');
const LAST_DAY = day('2024-12-31');
const EXPONENT: Readonly<Record<string, number>> = { USD: 2, JPY: 0, BHD: 3 };

/** Random lines, drawn as values: the object path reads them as text, the Arrow path as typed columns. */
const linesArbitrary = fc.array(
  fc.record({
    customer: fc.integer({ min: 0, max: 5 }),
    start: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
    interval: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
    intervalCount: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    quantity: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    isTrial: fc.option(fc.boolean(), { nil: null }),
    product: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  }),
  { minLength: 1, maxLength: 40 },
);

type Line = typeof linesArbitrary extends fc.Arbitrary<(infer L)[]> ? L : never;

/** How each column is represented in Arrow, drawn too. */
const layoutArbitrary = fc.record({
  ids: fc.constantFrom('dictionary', 'utf8'),
  dates: fc.constantFrom('date32', 'date64', 'timestamp-us', 'timestamp-utc'),
  amounts: fc.constantFrom('decimal', 'float64', 'utf8'),
  currency: fc.constantFrom('USD', 'JPY', 'BHD'),
  batches: fc.integer({ min: 1, max: 3 }),
});

type Layout = typeof layoutArbitrary extends fc.Arbitrary<infer L> ? L : never;

function amountText(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function textRecords(lines: readonly Line[], currency: string): CanonicalRecord[] {
  const exponent = EXPONENT[currency] ?? 2;
  return lines.map((line) => ({
    customer_id: `c${line.customer}`,
    start_date: formatDate(line.start),
    end_date: line.length === null ? '' : formatDate(line.start + line.length),
    amount: amountText(line.amountMinor, exponent),
    interval: line.interval,
    interval_count: line.intervalCount === null ? '' : String(line.intervalCount),
    quantity: line.quantity === null ? '' : String(line.quantity),
    currency,
    product: line.product ?? '',
    is_trial: line.isTrial === null ? '' : String(line.isTrial),
  }));
}

function arrowTable(lines: readonly Line[], layout: Layout): Table {
  const exponent = EXPONENT[layout.currency] ?? 2;
  const ids = layout.ids === 'dictionary' ? dictionary : strings;
  const dateColumn = (days: readonly (number | null)[]): Vector => {
    switch (layout.dates) {
      case 'date32':
        return dates(days.map((d) => (d === null ? null : formatDate(d))));
      case 'date64':
        return vectorFromArray(
          days.map((d) => (d === null ? null : new Date(d * DAY_MS))),
          new DateMillisecond(),
        );
      case 'timestamp-us':
        return vectorFromArray(
          days.map((d) => (d === null ? null : d * DAY_MS)),
          new TimestampMicrosecond(),
        );
      case 'timestamp-utc':
        return vectorFromArray(
          days.map((d) => (d === null ? null : d * DAY_MS)),
          new TimestampMillisecond('UTC'),
        );
    }
  };
  const amountColumn = (): Vector => {
    const minor = lines.map((line) => line.amountMinor);
    switch (layout.amounts) {
      case 'decimal':
        return decimals(minor.map(BigInt), exponent);
      case 'float64':
        return vectorFromArray(
          minor.map((m) => m / 10 ** exponent),
          new Float64(),
        );
      case 'utf8':
        return strings(minor.map((m) => amountText(m, exponent)));
    }
  };
  const table = new Table({
    customer_id: ids(lines.map((line) => `c${line.customer}`)),
    start_date: dateColumn(lines.map((line) => line.start)),
    end_date: dateColumn(lines.map((line) => (line.length === null ? null : line.start + line.length))),
    amount: amountColumn(),
    interval: ids(lines.map((line) => line.interval)),
    interval_count: vectorFromArray(
      lines.map((line) => line.intervalCount),
      new Int32(),
    ),
    quantity: vectorFromArray(
      lines.map((line) => (line.quantity === null ? null : BigInt(line.quantity))),
      new Int64(),
    ),
    currency: ids(lines.map(() => layout.currency)),
    product: ids(lines.map((line) => line.product)),
    is_trial: vectorFromArray(
      lines.map((line) => line.isTrial),
      new Bool(),
    ),
  });
  // Cut into record batches at drawn points.
  const size = Math.ceil(lines.length / layout.batches);
  const parts = Array.from({ length: layout.batches }, (_, k) => table.slice(k * size, (k + 1) * size));
  const [first, ...rest] = parts;
  return first === undefined ? table : first.concat(...rest);
}

describe('readSubscriptionColumnsArrow against the object path', () => {
  it('buildReport on the Arrow table equals buildReport on the same lines read as objects from text', () => {
    fc.assert(
      fc.property(linesArbitrary, layoutArbitrary, (lines, layout) => {
        const objects = readSubscriptionLines(textRecords(lines, layout.currency), { source: 't' }).records;
        const { columns } = readSubscriptionColumnsArrow(arrowTable(lines, layout));
        expect(columns.length).toBe(lines.length);
        const options = { to: '2025-06' };
        expect(buildReport({ subscriptions: columns }, options)).toEqual(
          buildReport({ subscriptions: objects }, options),
        );
      }),
      { numRuns: 150 },
    );
  });
});
