import { NO_END_DAY, type SubscriptionColumns } from '../model/subscription-columns.js';
import { BILLING_INTERVALS } from '../model/subscription-line.js';
import { Dictionary } from '../revenue/dictionary.js';
import type { ValidationIssue } from '../validation/validation-error.js';
import type { CanonicalRecord, ReadOptions } from './read-options.js';
import { createRecordReader, type RecordReaderSink } from './record-reader.js';
import { subscriptionLineReader, type SubscriptionLineDraft, type SubscriptionLineSink } from './subscription-lines.js';

/** What {@link readSubscriptionColumns} returns: the valid lines as columns, and the issues. */
export interface SubscriptionColumnsResult {
  readonly columns: SubscriptionColumns;
  readonly issues: ValidationIssue[];
}

/** Options of the columns readers: {@link ReadOptions}, and what else to keep of each line. */
export interface SubscriptionColumnsReadOptions extends ReadOptions {
  /**
   * Keep each line's `line_id` in `lineIds`, so that an error found after reading (a missing FX rate)
   * names it as the object path does. Off by default: it holds a string per line.
   */
  lineIds?: boolean;
}

const INTERVAL_CODES: ReadonlyMap<string, number> = new Map(
  BILLING_INTERVALS.map((interval, code) => [interval, code]),
);

/** Growable typed columns: lines are appended by index, and compacted at the end to the kept ones. */
class ColumnsBuilder implements SubscriptionLineSink<number> {
  length = 0;
  private capacity = 1024;
  readonly customers = new Dictionary();
  readonly products = new Dictionary();
  readonly currencies = new Dictionary();
  customer = new Int32Array(this.capacity);
  startDay = new Int32Array(this.capacity);
  endDay = new Int32Array(this.capacity);
  amountMinor = new Float64Array(this.capacity);
  currency = new Int32Array(this.capacity);
  interval = new Uint8Array(this.capacity);
  intervalCount = new Float64Array(this.capacity);
  quantity = new Float64Array(this.capacity);
  isTrial = new Uint8Array(this.capacity);
  product = new Int32Array(this.capacity);
  row = new Int32Array(this.capacity);
  /** Only when asked for: `undefined` keeps no string per line. */
  readonly lineIds: (string | undefined)[] | undefined;

  constructor(keepLineIds: boolean) {
    this.lineIds = keepLineIds ? [] : undefined;
  }

  add(line: SubscriptionLineDraft): number {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.customer[i] = this.customers.code(line.customerId);
    this.startDay[i] = line.startDay;
    this.endDay[i] = line.endDay ?? NO_END_DAY;
    this.amountMinor[i] = line.amountMinor;
    this.currency[i] = this.currencies.code(line.currency);
    this.interval[i] = INTERVAL_CODES.get(line.interval) as number;
    this.intervalCount[i] = line.intervalCount;
    this.quantity[i] = line.quantity;
    this.isTrial[i] = line.isTrial ? 1 : 0;
    this.product[i] = this.products.code(line.product ?? '');
    this.row[i] = line.row;
    this.lineIds?.push(line.lineId);
    return i;
  }

  settle(i: number, currency: string, amountMinor: number): number {
    this.currency[i] = this.currencies.code(currency);
    this.amountMinor[i] = amountMinor;
    return i;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <A extends Int32Array | Float64Array | Uint8Array>(array: A): A => {
      const bigger = new (array.constructor as new (length: number) => A)(this.capacity);
      bigger.set(array);
      return bigger;
    };
    this.customer = grown(this.customer);
    this.startDay = grown(this.startDay);
    this.endDay = grown(this.endDay);
    this.amountMinor = grown(this.amountMinor);
    this.currency = grown(this.currency);
    this.interval = grown(this.interval);
    this.intervalCount = grown(this.intervalCount);
    this.quantity = grown(this.quantity);
    this.isTrial = grown(this.isTrial);
    this.product = grown(this.product);
    this.row = grown(this.row);
  }

  /** The columns of the `kept` lines, in order (appended lines with issues are left out). */
  columns(kept: readonly number[]): SubscriptionColumns {
    const n = kept.length;
    // Usually every line is kept: the columns are then views, not copies.
    const all = n === this.length;
    const take = <A extends Int32Array | Float64Array | Uint8Array>(array: A): A => {
      if (all) return array.subarray(0, n) as A;
      const taken = new (array.constructor as new (length: number) => A)(n);
      for (let k = 0; k < n; k++) taken[k] = array[kept[k] as number] as number;
      return taken;
    };
    const lineIds = this.lineIds;
    return {
      ...(lineIds === undefined ? {} : { lineIds: all ? lineIds : kept.map((k) => lineIds[k]) }),
      length: n,
      customerIds: this.customers.keys,
      customer: take(this.customer),
      startDay: take(this.startDay),
      endDay: take(this.endDay),
      amountMinor: take(this.amountMinor),
      currencies: this.currencies.keys,
      currency: take(this.currency),
      interval: take(this.interval),
      intervalCount: take(this.intervalCount),
      quantity: take(this.quantity),
      isTrial: take(this.isTrial),
      products: this.products.keys,
      product: take(this.product),
      row: take(this.row),
    };
  }
}

/**
 * {@link readSubscriptionLines} into {@link SubscriptionColumns}, fed record by record (a record may be
 * reused between calls): the same checks, issues and errors, without keeping an object per line.
 *
 * @throws RangeError when `defaultCurrency` is not an ISO 4217 code; CskitValidationError as
 * {@link readSubscriptionLines}, from `push` once `limit` issues are found and from `end`.
 */
export function createSubscriptionColumnsReader(options: SubscriptionColumnsReadOptions): {
  push(record: CanonicalRecord, row: number): void;
  end(): SubscriptionColumnsResult;
} {
  const builder = new ColumnsBuilder(options.lineIds ?? false);
  const { readOne, finish } = subscriptionLineReader(options, builder);
  const reader: RecordReaderSink<number> = createRecordReader(options, readOne, finish);
  return {
    push: (record, row) => reader.push(record, row),
    end: () => {
      const { records, issues } = reader.end();
      return { columns: builder.columns(records), issues };
    },
  };
}

/**
 * {@link readSubscriptionLines} into {@link SubscriptionColumns} (for `buildReport`): the same checks,
 * issues and errors; rows are numbered from `firstRow` as there.
 *
 * @throws as {@link readSubscriptionLines}.
 */
export function readSubscriptionColumns(
  records: Iterable<CanonicalRecord>,
  options: SubscriptionColumnsReadOptions,
): SubscriptionColumnsResult {
  const reader = createSubscriptionColumnsReader(options);
  let row = (options.firstRow ?? 2) - 1;
  for (const record of records) reader.push(record, ++row);
  return reader.end();
}
