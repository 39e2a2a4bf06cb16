import {
  CskitValidationError,
  createSubscriptionColumnsReader,
  type SubscriptionColumns,
  type SubscriptionColumnsResult,
} from '@cskit/core';
import { SAMPLE_COLUMNS } from '@cskit/core/sample';
import fc from 'fast-check';
import { CANONICAL_ENTITIES } from '../csv/canonical-entities.js';
import { readCsvStreaming, type CsvReadOptions } from '../csv/read-csv.js';

// Random subscriptions CSVs for the property tests of the CSV readers: mostly good rows, with the odd
// bad value, quoting (commas, doubled quotes, line breaks inside quotes), broken quoting, blank lines,
// rows of the wrong length, either line ending and a byte order mark.

/** The canonical subscription columns, `mrr` (the other way to price a line) and one unknown column. */
const COLUMNS = [...SAMPLE_COLUMNS.subscriptions, 'mrr', 'note'] as const;
type Column = (typeof COLUMNS)[number];

/** For each column: values a row may have (the first ones most often), then bad or unusual ones. */
const VALUES: Readonly<Record<Column, readonly [readonly string[], readonly string[]]>> = {
  line_id: [
    ['', 'Lé'],
    ['L1', 'L1 ', ' L2', 'x'.repeat(257)],
  ],
  customer_id: [
    ['acme', 'globex', 'Smith, Lee', 'ü-corp'],
    ['', '  ', 'a"b', 'c'.repeat(300)],
  ],
  subscription_id: [['S1', ''], ['s'.repeat(260)]],
  product: [
    ['Platform', 'Seats', '', 'Zoë'],
    [' Seats', 'P"x'],
  ],
  plan: [['Starter', 'Enterprise, annual', ''], ['two\nlines']],
  start_date: [
    ['2024-01-01', '2024-02-29', '2020-12-31'],
    ['2023-02-29', '2024-1-5', '', '2024-03-01 ', '1899-12-31', '2300-01-01'],
  ],
  end_date: [
    ['', '', '2024-06-01'],
    ['2023-12-31', 'soon', '2024-02-30'],
  ],
  amount: [
    ['10.00', '49.9', '0', '7', '0.010', '123456789012.34'],
    ['1,200.00', '-5.00', '-0', '12.', '.5', '0.001', '', '1234567890123456.00', ' 5'],
  ],
  mrr: [
    ['25.00', '9', '0.5'],
    ['', 'abc'],
  ],
  interval: [
    ['month', 'year', 'quarter', 'week', 'day'],
    ['Month', '', 'fortnight', ' month'],
  ],
  interval_count: [
    ['', '1', '3'],
    ['0', '01', '-1', '1.5', '99999999999999999'],
  ],
  quantity: [
    ['', '1', '0', '12', '007'],
    ['-2', 'many'],
  ],
  currency: [
    ['USD', 'usd', 'EUR', 'JPY', 'BHD', ''],
    ['XXX', 'eur ', '€'],
  ],
  is_trial: [
    ['', 'true', 'FALSE', 'Yes', 'no', '1', '0'],
    ['maybe', ' yes'],
  ],
  note: [['', 'said "hi"', 'a,b', 'line\r\nbreak', '"', 'x"y'], []],
};

/** A value of a column: a usual one, or one time in twenty-five a bad or unusual one. */
const value = (column: Column): fc.Arbitrary<string> => {
  const [usual, unusual] = VALUES[column];
  // Line ids are mostly distinct, with the odd duplicate.
  if (column === 'line_id')
    return fc.oneof(
      { weight: 24, arbitrary: fc.nat(999).map((n) => `L${n}`) },
      { weight: 1, arbitrary: fc.constantFrom(...usual, ...unusual) },
    );
  return unusual.length === 0
    ? fc.constantFrom(...usual)
    : fc.oneof(
        { weight: 24, arbitrary: fc.constantFrom(...usual) },
        { weight: 1, arbitrary: fc.constantFrom(...unusual) },
      );
};

/** A field as an export writes it: quoted when it must be, sometimes when it need not; rarely broken. */
const field = (value: string): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 200, arbitrary: fc.constant('plain' as const) },
      { weight: 40, arbitrary: fc.constant('quoted' as const) },
      { weight: 1, arbitrary: fc.constant('broken' as const) },
    )
    .map((how) => {
      const quoted = `"${value.replaceAll('"', '""')}"`;
      if (how === 'broken') return `"${value}"x`;
      return how === 'quoted' || /[",\r\n]/.test(value) ? quoted : value;
    });

/** Usually the columns every row needs (so rows get read), in any order, with some others. */
const header = fc
  .tuple(
    fc.shuffledSubarray(
      COLUMNS.filter((c) => c !== 'mrr'),
      { minLength: 1 },
    ),
    fc.constantFrom(
      ['customer_id', 'start_date', 'amount', 'interval', 'currency'],
      ['customer_id', 'start_date', 'amount', 'interval'],
      ['customer_id', 'start_date', 'mrr'],
      [],
    ),
  )
  .map(([some, needed]) => [...new Set([...some, ...needed])])
  .chain((columns) => fc.shuffledSubarray(columns, { minLength: columns.length }));

/** A random subscriptions CSV file's text. */
export const subscriptionsCsv: fc.Arbitrary<string> = header
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(
        fc.oneof(
          { weight: 30, arbitrary: fc.tuple(...columns.map((c) => value(c).chain(field))) },
          { weight: 2, arbitrary: fc.constant(['']) },
          { weight: 1, arbitrary: fc.array(fc.constantFrom('a', '"b""', 'c,d', '2024-01-01'), { maxLength: 20 }) },
        ),
        { maxLength: 30 },
      ),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      lastNewline: fc.boolean(),
      stray: fc.oneof(
        { weight: 12, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('"', '" ,', '"\n', 'a"b') },
      ),
    }),
  )
  .map((file) => {
    const lines = [file.columns.join(','), ...file.rows.map((row) => row.join(','))];
    let text = (file.bom ? '\uFEFF' : '') + lines.join(file.newline) + (file.lastNewline ? file.newline : '');
    if (file.stray !== null) text = text.slice(0, text.length >> 1) + file.stray + text.slice(text.length >> 1);
    return text;
  });

/** The reader before the byte tokenizer: papaparse's rows as records through core's columns reader. */
export function readWithPapaparse(input: string, options: CsvReadOptions): Promise<SubscriptionColumnsResult> {
  const { requiredColumns } = CANONICAL_ENTITIES.subscriptions;
  return readCsvStreaming(input, createSubscriptionColumnsReader, { ...options, requiredColumns });
}

/** Columns as line objects with their ids spelled out: dictionaries may order codes differently. */
function linesOf(c: SubscriptionColumns): unknown[] {
  return Array.from({ length: c.length }, (_, i) => ({
    customer: c.customerIds[c.customer[i] as number],
    startDay: c.startDay[i],
    endDay: c.endDay[i],
    amountMinor: c.amountMinor[i],
    currency: c.currencies[c.currency[i] as number],
    interval: c.interval[i],
    intervalCount: c.intervalCount[i],
    quantity: c.quantity[i],
    isTrial: c.isTrial[i],
    product: c.products?.[c.product?.[i] as number],
    row: c.row?.[i],
  }));
}

/** What a read gave: its lines and issues, or its error (every issue, and whether it was cut short). */
export async function outcome(read: () => Promise<SubscriptionColumnsResult>): Promise<unknown> {
  try {
    const { columns, issues } = await read();
    return { lines: linesOf(columns), issues };
  } catch (error) {
    if (error instanceof CskitValidationError)
      return { error: error.message, issues: error.issues, truncated: error.truncated };
    if (error instanceof RangeError) return { rangeError: error.message };
    throw error;
  }
}

/** Read options: either `onError`, limits down to 1, and a default currency or none (or a bad one). */
export const readSettings: fc.Arbitrary<CsvReadOptions> = fc
  .record({
    onError: fc.constantFrom<'throw' | 'skip'>('throw', 'skip'),
    limit: fc.constantFrom(1, 3, 10, 100, 100),
    defaultCurrency: fc.constantFrom(undefined, undefined, 'usd', 'EUR', 'XYZ'),
  })
  .map(({ defaultCurrency, ...rest }) => ({
    source: 'subs.csv',
    ...rest,
    ...(defaultCurrency === undefined ? {} : { defaultCurrency }),
  }));
