import {
  BILLING_INTERVALS,
  IDENTIFIER_FIELDS,
  MAX_IDENTIFIER_LENGTH,
  NO_END_DAY,
  calendarDay,
  createRecordReader,
  currencyExponent,
  isCurrencyCode,
  subscriptionLineReader,
  type PendingAmount,
  type ReadOptions,
  type RecordReaderSink,
  type SubscriptionLineDraft,
  type SubscriptionLineLedger,
  type SubscriptionLineSink,
  type ValidationIssue,
} from '@cskit/core';
import { FIELD_DOUBLED_QUOTES, type CsvByteRow } from './csv-byte-rows.js';
import { namedColumns, quotingProblem, rowProblem, setField } from './csv-records.js';

/**
 * What one part of a subscriptions CSV reads to, as plain data a worker thread can post (typed arrays
 * are transferred, not copied). Rows are numbered from 1 within the part; `line_id`s are only
 * collected, as their uniqueness and the empty currencies span the parts: {@link mergeSubscriptionParts}
 * settles both once the parts are joined.
 */
export interface SubscriptionPart {
  /** Rows read, blank and malformed ones included. */
  readonly rows: number;
  /** Lines that passed the row's own checks (some may still be dropped by the merge) and some that did not. */
  readonly lines: PartLines;
  /** Per line: 1 when its row had no issue. */
  readonly kept: Uint8Array;
  /** Rows that are not well-formed CSV, in row order. */
  readonly csvIssues: ValidationIssue[];
  /** Issues of the checks, in row order. */
  readonly issues: ValidationIssue[];
  readonly lineIds: PartLineIds;
  /** Lines whose currency is empty without a default, by their index in `lines`. */
  readonly pending: { readonly line: number; readonly amount: PendingAmount }[];
  /** The currencies the rows named, each with the first row naming it. */
  readonly currencies: [string, number][];
  /** Input offset after the last row read. */
  readonly end: number;
  /** Whether the last row ran past the part's planned end. */
  readonly overran: boolean;
}

/** Lines as columns with the part's own dictionaries; `row` is the row within the part. */
export interface PartLines {
  readonly length: number;
  readonly customerIds: string[];
  readonly products: string[];
  readonly currencies: string[];
  readonly customer: Int32Array;
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
  readonly amountMinor: Float64Array;
  readonly currency: Int32Array;
  readonly interval: Uint8Array;
  readonly intervalCount: Float64Array;
  readonly quantity: Float64Array;
  readonly isTrial: Uint8Array;
  readonly product: Int32Array;
  readonly row: Int32Array;
}

/** The `line_id`s noted, in row order: UTF-8 bytes back to back, each with its row and line (-1: none). */
export interface PartLineIds {
  readonly count: number;
  readonly bytes: Uint8Array;
  /** End of id `i` in `bytes`; it starts where id `i - 1` ends. */
  readonly ends: Int32Array;
  readonly rows: Int32Array;
  readonly lines: Int32Array;
  /** {@link hashBytes} of each id, computed where the part is read (on its thread). */
  readonly hashes: Int32Array;
}

/** FNV-1a of a byte span, with murmur3's finaliser so that the low bits of ids like `L1`, `L2` … spread. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let b = start; b < end; b++) hash = Math.imul(hash ^ (bytes[b] as number), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

type Column = Int32Array | Float64Array | Uint8Array;

function grown<A extends Column>(array: A, capacity: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(capacity);
  bigger.set(array);
  return bigger;
}

/** A dictionary: a code per distinct string, in order of first use. */
export class Codes {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  code(key: string): number {
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.index.set(key, code);
      this.keys.push(key);
    }
    return code;
  }
}

const INTERVAL_CODES: ReadonlyMap<string, number> = new Map(BILLING_INTERVALS.map((name, code) => [name, code]));
const INTERVAL_BYTES = BILLING_INTERVALS.map((name) => Array.from(name, (c) => c.charCodeAt(0)));
const MONTH = BILLING_INTERVALS.indexOf('month');
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Growable columns of lines; also the sink the checks of core append their lines to. */
class PartLineBuilder implements SubscriptionLineSink<number> {
  length = 0;
  readonly customers = new Codes();
  readonly products = new Codes();
  readonly currencies = new Codes();
  customer = new Int32Array(0);
  startDay = new Int32Array(0);
  endDay = new Int32Array(0);
  amountMinor = new Float64Array(0);
  currency = new Int32Array(0);
  interval = new Uint8Array(0);
  intervalCount = new Float64Array(0);
  quantity = new Float64Array(0);
  isTrial = new Uint8Array(0);
  product = new Int32Array(0);
  row = new Int32Array(0);
  kept = new Uint8Array(0);

  constructor(private capacity: number) {
    this.resize(capacity);
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.customer = grown(this.customer, capacity);
    this.startDay = grown(this.startDay, capacity);
    this.endDay = grown(this.endDay, capacity);
    this.amountMinor = grown(this.amountMinor, capacity);
    this.currency = grown(this.currency, capacity);
    this.interval = grown(this.interval, capacity);
    this.intervalCount = grown(this.intervalCount, capacity);
    this.quantity = grown(this.quantity, capacity);
    this.isTrial = grown(this.isTrial, capacity);
    this.product = grown(this.product, capacity);
    this.row = grown(this.row, capacity);
    this.kept = grown(this.kept, capacity);
  }

  /**
   * Appends a line given by codes and numbers (the fast path's way, and the checks' through
   * {@link add}); returns its index. `kept` is 1 when the row is known to have no issue.
   */
  append(
    customer: number,
    startDay: number,
    endDay: number,
    amountMinor: number,
    currency: number,
    interval: number,
    intervalCount: number,
    quantity: number,
    isTrial: number,
    product: number,
    row: number,
    kept: number,
  ): number {
    if (this.length === this.capacity) this.resize(this.capacity * 2);
    const i = this.length++;
    this.customer[i] = customer;
    this.startDay[i] = startDay;
    this.endDay[i] = endDay;
    this.amountMinor[i] = amountMinor;
    this.currency[i] = currency;
    this.interval[i] = interval;
    this.intervalCount[i] = intervalCount;
    this.quantity[i] = quantity;
    this.isTrial[i] = isTrial;
    this.product[i] = product;
    this.row[i] = row;
    this.kept[i] = kept;
    return i;
  }

  add(line: SubscriptionLineDraft): number {
    // Kept or not is known once the record reader has seen the whole row.
    return this.append(
      this.customers.code(line.customerId),
      line.startDay,
      line.endDay ?? NO_END_DAY,
      line.amountMinor,
      this.currencies.code(line.currency),
      INTERVAL_CODES.get(line.interval) as number,
      line.intervalCount,
      line.quantity,
      line.isTrial ? 1 : 0,
      this.products.code(line.product ?? ''),
      line.row,
      0,
    );
  }

  settle(i: number, currency: string, amountMinor: number): number {
    this.currency[i] = this.currencies.code(currency);
    this.amountMinor[i] = amountMinor;
    return i;
  }

  lines(): PartLines {
    const n = this.length;
    return {
      length: n,
      customerIds: this.customers.keys,
      products: this.products.keys,
      currencies: this.currencies.keys,
      customer: this.customer.subarray(0, n),
      startDay: this.startDay.subarray(0, n),
      endDay: this.endDay.subarray(0, n),
      amountMinor: this.amountMinor.subarray(0, n),
      currency: this.currency.subarray(0, n),
      interval: this.interval.subarray(0, n),
      intervalCount: this.intervalCount.subarray(0, n),
      quantity: this.quantity.subarray(0, n),
      isTrial: this.isTrial.subarray(0, n),
      product: this.product.subarray(0, n),
      row: this.row.subarray(0, n),
    };
  }
}

/** The `line_id`s, currencies and empty-currency lines of a part, noted for the merge. */
class PartLedger implements SubscriptionLineLedger<number> {
  count = 0;
  bytes: Uint8Array;
  private used = 0;
  ends: Int32Array;
  rows: Int32Array;
  lines: Int32Array;
  hashes: Int32Array;
  readonly currencies = new Map<string, number>();
  readonly pendingLines: { line: number; amount: PendingAmount }[] = [];

  /** @param capacity ids expected (the arrays grow past it). */
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity * 8);
    this.ends = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  /** Notes an id given as bytes; its line is set by {@link lineOfLast} once appended. */
  noteBytes(source: Uint8Array, start: number, end: number, row: number): void {
    const size = end - start;
    if (this.used + size > this.bytes.length)
      this.bytes = grown(this.bytes, Math.max(this.bytes.length * 2, this.used + size));
    // Copied byte by byte: ids are short, and a subarray per row would be an object per row.
    const bytes = this.bytes;
    const used = this.used;
    for (let b = 0; b < size; b++) bytes[used + b] = source[start + b] as number;
    this.used += size;
    if (this.count === this.ends.length) {
      const c = this.count * 2;
      this.ends = grown(this.ends, c);
      this.rows = grown(this.rows, c);
      this.lines = grown(this.lines, c);
      this.hashes = grown(this.hashes, c);
    }
    this.hashes[this.count] = hashBytes(bytes, used, used + size);
    this.ends[this.count] = this.used;
    this.rows[this.count] = row;
    this.lines[this.count] = -1;
    this.count++;
  }

  /** Sets the line of the id noted last, when it is the line's row's. */
  lineOfLast(row: number, line: number): void {
    if (this.count > 0 && this.rows[this.count - 1] === row) this.lines[this.count - 1] = line;
  }

  lineId(lineId: string, row: number): undefined {
    const bytes = encoder.encode(lineId);
    this.noteBytes(bytes, 0, bytes.length, row);
    return undefined; // duplicates are found by the merge, across parts
  }

  currency(code: string, row: number): void {
    if (!this.currencies.has(code)) this.currencies.set(code, row);
  }

  pending(line: number, amount: PendingAmount): void {
    this.pendingLines.push({ line, amount });
  }

  ids(): PartLineIds {
    const n = this.count;
    return {
      count: n,
      bytes: this.bytes.subarray(0, this.used),
      ends: this.ends.subarray(0, n),
      rows: this.rows.subarray(0, n),
      lines: this.lines.subarray(0, n),
      hashes: this.hashes.subarray(0, n),
    };
  }
}

/** Options of a {@link SubscriptionPartReader}. */
export interface SubscriptionPartOptions {
  /** Core's read options (`source`, `defaultCurrency`, `timeZone`); `onError` and `limit` are the merge's. */
  readonly read: ReadOptions;
  /** Stop after this many rows that are not well-formed CSV (the whole file could not have more). */
  readonly maxCsvIssues: number;
  /** Lines expected, to size the columns once instead of growing them. */
  readonly expectedLines?: number;
}

/** The buffers of a part's typed arrays (views of whole buffers), to transfer rather than copy them. */
export function partTransferList(part: SubscriptionPart): ArrayBuffer[] {
  const { lines, lineIds } = part;
  return [
    lines.customer,
    lines.startDay,
    lines.endDay,
    lines.amountMinor,
    lines.currency,
    lines.interval,
    lines.intervalCount,
    lines.quantity,
    lines.isTrial,
    lines.product,
    lines.row,
    part.kept,
    lineIds.bytes,
    lineIds.ends,
    lineIds.rows,
    lineIds.lines,
    lineIds.hashes,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Column indexes of the fields the checks read (-1: no such column). */
interface FieldIndexes {
  readonly lineId: number;
  readonly customerId: number;
  readonly startDate: number;
  readonly endDate: number;
  readonly mrr: number;
  readonly amount: number;
  readonly interval: number;
  readonly intervalCount: number;
  readonly quantity: number;
  readonly currency: number;
  readonly product: number;
  readonly isTrial: number;
  readonly identifiers: readonly number[];
}

/**
 * Reads the data rows of a subscriptions CSV (or of one part of it) into a {@link SubscriptionPart}.
 *
 * Each row is first tried on a fast path that reads its fields from the bytes in place (ASCII text
 * without surrounding whitespace, strict dates and amounts, known codes): a row it accepts is appended
 * with no string made but its ids. Any other row, and every bad one, goes through core's own checks
 * (`subscriptionLineReader`) as a record, so issues are worded by the same code as every other reader's.
 */
export class SubscriptionPartReader {
  private readonly builder: PartLineBuilder;
  private readonly ledger: PartLedger;
  private readonly reader: RecordReaderSink<number>;
  private readonly fields: FieldIndexes;
  private readonly named: number[];
  private readonly record: Record<string, string> = {};
  private readonly csvIssues: ValidationIssue[] = [];
  private rows = 0;
  private readonly defaultCurrency: string | undefined;
  private readonly defaultCode: number;
  private readonly defaultExponent: number;
  // Runs of the same customer, product and currency are how exports arrive: compare bytes with the last.
  private lastCustomer = new Uint8Array(64);
  private lastCustomerLength = -1;
  private lastCustomerCode = -1;
  private readonly knownProducts: Uint8Array[] = [];
  private readonly knownProductCodes: number[] = [];
  private lastCurrency = new Uint8Array(8);
  private lastCurrencyLength = -1;
  private lastCurrencyCode = -1;
  private lastCurrencyExponent = 0;

  /**
   * @throws RangeError when `defaultCurrency` is not an ISO 4217 code.
   */
  constructor(
    private readonly columns: readonly string[],
    private readonly options: SubscriptionPartOptions,
  ) {
    this.builder = new PartLineBuilder(Math.max(1024, options.expectedLines ?? 0));
    this.ledger = new PartLedger(Math.max(1024, options.expectedLines ?? 0));
    const read = { ...options.read, onError: 'skip' as const, limit: Number.POSITIVE_INFINITY };
    const { readOne } = subscriptionLineReader(read, this.builder, this.ledger);
    this.reader = createRecordReader(read, readOne);
    this.named = namedColumns(columns);
    const at = (name: string): number => columns.indexOf(name);
    this.fields = {
      lineId: at('line_id'),
      customerId: at('customer_id'),
      startDate: at('start_date'),
      endDate: at('end_date'),
      mrr: at('mrr'),
      amount: at('amount'),
      interval: at('interval'),
      intervalCount: at('interval_count'),
      quantity: at('quantity'),
      currency: at('currency'),
      product: at('product'),
      isTrial: at('is_trial'),
      identifiers: IDENTIFIER_FIELDS.map(at).filter((index) => index >= 0),
    };
    this.defaultCurrency = options.read.defaultCurrency?.toUpperCase();
    this.defaultCode = this.defaultCurrency === undefined ? -1 : this.builder.currencies.code(this.defaultCurrency);
    this.defaultExponent = this.defaultCurrency === undefined ? 0 : currencyExponent(this.defaultCurrency);
  }

  /** Whether reading should stop: as many malformed rows as the whole file may have. */
  get full(): boolean {
    return this.csvIssues.length >= this.options.maxCsvIssues;
  }

  /** Reads one data row; returns `false` once {@link full}. */
  readonly push = (row: CsvByteRow): boolean => {
    const at = ++this.rows;
    const count = row.count;
    if (row.quoting !== undefined || count !== this.columns.length) {
      const fields = fieldTexts(row);
      const quoting = row.quoting === undefined ? undefined : quotingProblem(row.quoting);
      const issue = rowProblem(fields, this.columns, quoting);
      if (issue === undefined) return true; // a blank line
      this.csvIssues.push({ source: this.options.read.source, row: at, ...issue });
      return !this.full;
    }
    if (count === 1 && row.starts[0] === row.ends[0]) return true; // a blank line of a one-column file
    if (!this.readFast(row, at)) this.readChecked(row, at);
    return true;
  };

  /** Ends the part. */
  finish(end: number, overran: boolean): SubscriptionPart {
    const { records, issues } = this.reader.end();
    const kept = this.builder.kept;
    for (const line of records) kept[line] = 1;
    return {
      rows: this.rows,
      lines: this.builder.lines(),
      kept: kept.subarray(0, this.builder.length),
      csvIssues: this.csvIssues,
      issues,
      lineIds: this.ledger.ids(),
      pending: this.ledger.pendingLines,
      currencies: [...this.ledger.currencies],
      end,
      overran,
    };
  }

  /** A row through core's checks, as a record of its named columns. */
  private readChecked(row: CsvByteRow, at: number): void {
    const record = this.record;
    for (const index of this.named) setField(record, this.columns[index] as string, fieldText(row, index));
    const before = this.builder.length;
    this.reader.push(record, at);
    if (this.builder.length > before) this.ledger.lineOfLast(at, before);
  }

  /**
   * The checks of core's `subscriptionLineReader` for a row that passes them all, read from the bytes.
   * Returns `false`, having changed nothing, for any row it is not sure of: that row is read by core.
   */
  private readFast(row: CsvByteRow, at: number): boolean {
    const f = this.fields;
    const bytes = row.bytes;
    const starts = row.starts;
    const ends = row.ends;
    for (const index of f.identifiers) {
      if ((ends[index] as number) - (starts[index] as number) > MAX_IDENTIFIER_LENGTH) return false;
    }
    if (!clean(row, f.lineId) || !clean(row, f.customerId) || isEmpty(row, f.customerId)) return false;

    const startDay = dateAt(row, f.startDate);
    if (startDay === undefined) return false;
    let endDay = NO_END_DAY;
    if (!isEmpty(row, f.endDate)) {
      const day = dateAt(row, f.endDate);
      if (day === undefined || day < startDay) return false;
      endDay = day;
    }

    const hasMrr = !isEmpty(row, f.mrr);
    const hasAmount = !isEmpty(row, f.amount);
    if (hasMrr === hasAmount) return false;
    let interval = MONTH;
    let intervalCount = 1;
    if (hasMrr) {
      if (!isEmpty(row, f.interval) && intervalAt(row, f.interval) !== MONTH) return false;
      // Core compares the text with '1': `01` is an issue there.
      const countLength = isEmpty(row, f.intervalCount)
        ? 0
        : (row.ends[f.intervalCount] as number) - (row.starts[f.intervalCount] as number);
      if (countLength !== 0 && (countLength !== 1 || integerAt(row, f.intervalCount) !== 1)) return false;
    } else {
      interval = intervalAt(row, f.interval);
      if (interval < 0) return false;
      if (!isEmpty(row, f.intervalCount)) {
        intervalCount = integerAt(row, f.intervalCount);
        if (intervalCount < 1) return false;
      }
    }
    let quantity = 1;
    if (!isEmpty(row, f.quantity)) {
      quantity = integerAt(row, f.quantity);
      if (quantity < 0) return false;
    }
    let isTrial = 0;
    if (!isEmpty(row, f.isTrial)) {
      isTrial = booleanAt(row, f.isTrial);
      if (isTrial < 0) return false;
    }

    let currencyCode: number;
    let exponent: number;
    let namedCurrency: string | undefined;
    if (isEmpty(row, f.currency)) {
      if (this.defaultCurrency === undefined) return false; // read once a currency is known: core's job
      currencyCode = this.defaultCode;
      exponent = this.defaultExponent;
    } else {
      const s = starts[f.currency] as number;
      const e = ends[f.currency] as number;
      if (!sameBytes(bytes, s, e, this.lastCurrency, this.lastCurrencyLength)) {
        if (!clean(row, f.currency) || e - s > this.lastCurrency.length) return false;
        const code = asciiText(bytes, s, e)?.toUpperCase();
        if (code === undefined || !isCurrencyCode(code)) return false;
        this.lastCurrency.set(bytes.subarray(s, e));
        this.lastCurrencyLength = e - s;
        this.lastCurrencyCode = this.builder.currencies.code(code);
        this.lastCurrencyExponent = currencyExponent(code);
        namedCurrency = code;
      }
      currencyCode = this.lastCurrencyCode;
      exponent = this.lastCurrencyExponent;
      namedCurrency ??= this.builder.currencies.keys[currencyCode];
    }
    const amountMinor = minorUnitsAt(row, hasMrr ? f.mrr : f.amount, exponent);
    if (amountMinor < 0) return false;
    if (!clean(row, f.product)) return false;

    // Every check passed: no `return false` below.
    const customer = this.customerCode(row, f.customerId);
    const product = this.productCode(row, f.product);
    const i = this.builder.append(
      customer,
      startDay,
      endDay,
      amountMinor,
      currencyCode,
      interval,
      intervalCount,
      quantity,
      isTrial,
      product,
      at,
      1,
    );
    if (!isEmpty(row, f.lineId)) {
      this.ledger.noteBytes(bytes, starts[f.lineId] as number, ends[f.lineId] as number, at);
      this.ledger.lineOfLast(at, i);
    }
    if (namedCurrency !== undefined) this.ledger.currency(namedCurrency, at);
    return true;
  }

  private customerCode(row: CsvByteRow, index: number): number {
    const s = row.starts[index] as number;
    const e = row.ends[index] as number;
    if (sameBytes(row.bytes, s, e, this.lastCustomer, this.lastCustomerLength)) return this.lastCustomerCode;
    const code = this.builder.customers.code(utf8Text(row.bytes, s, e));
    if (e - s <= this.lastCustomer.length) {
      for (let k = s; k < e; k++) this.lastCustomer[k - s] = row.bytes[k] as number;
      this.lastCustomerLength = e - s;
      this.lastCustomerCode = code;
    }
    return code;
  }

  private productCode(row: CsvByteRow, index: number): number {
    if (isEmpty(row, index)) return this.builder.products.code('');
    const s = row.starts[index] as number;
    const e = row.ends[index] as number;
    // Products are few and interleaved: compare with each one seen (up to 16) before making a string.
    const known = this.knownProducts;
    for (let k = 0; k < known.length; k++) {
      const entry = known[k] as Uint8Array;
      if (sameBytes(row.bytes, s, e, entry, entry.length)) return this.knownProductCodes[k] as number;
    }
    const code = this.builder.products.code(utf8Text(row.bytes, s, e));
    if (known.length < 16) {
      known.push(row.bytes.slice(s, e));
      this.knownProductCodes.push(code);
    }
    return code;
  }
}

/** Whether a field is empty (missing columns are). */
function isEmpty(row: CsvByteRow, index: number): boolean {
  return index < 0 || row.starts[index] === row.ends[index];
}

/**
 * Whether a field reads the same with and without trimming and unquoting: no doubled quote, and its
 * first and last bytes are printable ASCII (anything else is left to core's checks).
 */
function clean(row: CsvByteRow, index: number): boolean {
  if (index < 0) return true;
  const s = row.starts[index] as number;
  const e = row.ends[index] as number;
  if (s === e) return true;
  if (row.kinds[index] === FIELD_DOUBLED_QUOTES && row.bytes.subarray(s, e).includes(0x22)) return false;
  const first = row.bytes[s] as number;
  const last = row.bytes[e - 1] as number;
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}

function sameBytes(bytes: Uint8Array, s: number, e: number, last: Uint8Array, lastLength: number): boolean {
  if (e - s !== lastLength) return false;
  for (let k = 0; k < lastLength; k++) if (bytes[s + k] !== last[k]) return false;
  return true;
}

const charCodes: number[] = [];

/** ASCII text of a short span, or `undefined` when it has other bytes or is long. */
function asciiText(bytes: Uint8Array, s: number, e: number): string | undefined {
  // One string from the codes, not one per character appended; a long span (a 10 MB cell) would
  // overflow the stack as arguments: the decoder reads those.
  if (e - s > 256) return undefined;
  charCodes.length = e - s;
  for (let k = s; k < e; k++) {
    const b = bytes[k] as number;
    if (b >= 0x80) return undefined;
    charCodes[k - s] = b;
  }
  return String.fromCharCode.apply(null, charCodes);
}

function utf8Text(bytes: Uint8Array, s: number, e: number): string {
  return asciiText(bytes, s, e) ?? decoder.decode(bytes.subarray(s, e));
}

/** A field's text as papaparse gives it: doubled quotes of a quoted field undoubled. */
function fieldText(row: CsvByteRow, index: number): string {
  const text = utf8Text(row.bytes, row.starts[index] as number, row.ends[index] as number);
  return row.kinds[index] === FIELD_DOUBLED_QUOTES ? text.replace(/""/g, '"') : text;
}

export function fieldTexts(row: CsvByteRow): string[] {
  const texts: string[] = [];
  for (let i = 0; i < row.count; i++) texts.push(fieldText(row, i));
  return texts;
}

function digitAt(bytes: Uint8Array, k: number): number {
  const d = (bytes[k] as number) - 48;
  return d >= 0 && d <= 9 ? d : -100_000;
}

/** A strict `YYYY-MM-DD` date's day index, as core's `parseDate`. */
function dateAt(row: CsvByteRow, index: number): number | undefined {
  if (index < 0) return undefined;
  const b = row.bytes;
  const s = row.starts[index] as number;
  if ((row.ends[index] as number) - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return undefined;
  const year = digitAt(b, s) * 1000 + digitAt(b, s + 1) * 100 + digitAt(b, s + 2) * 10 + digitAt(b, s + 3);
  const month = digitAt(b, s + 5) * 10 + digitAt(b, s + 6);
  const day = digitAt(b, s + 8) * 10 + digitAt(b, s + 9);
  if (year < 0 || month < 0 || day < 0) return undefined;
  return calendarDay(year, month, day);
}

/** A field of digits only (at most 15, so exact) as a number; -1 for anything else. */
function integerAt(row: CsvByteRow, index: number): number {
  const b = row.bytes;
  const s = row.starts[index] as number;
  const e = row.ends[index] as number;
  if (e - s > 15) return -1;
  let value = 0;
  for (let k = s; k < e; k++) {
    const d = digitAt(b, k);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The code of a billing interval spelled exactly; -1 for anything else. */
function intervalAt(row: CsvByteRow, index: number): number {
  if (index < 0) return -1;
  const b = row.bytes;
  const s = row.starts[index] as number;
  const length = (row.ends[index] as number) - s;
  next: for (let code = 0; code < INTERVAL_BYTES.length; code++) {
    const name = INTERVAL_BYTES[code] as number[];
    if (name.length !== length) continue;
    for (let k = 0; k < length; k++) if (b[s + k] !== name[k]) continue next;
    return code;
  }
  return -1;
}

const BOOLEAN_WORDS: readonly (readonly [string, number])[] = [
  ['true', 1],
  ['false', 0],
  ['1', 1],
  ['0', 0],
  ['yes', 1],
  ['no', 0],
];

/** `true/false/1/0/yes/no` in any case, as core's `parseBoolean`: 1, 0, or -1 for anything else. */
function booleanAt(row: CsvByteRow, index: number): number {
  const b = row.bytes;
  const s = row.starts[index] as number;
  const length = (row.ends[index] as number) - s;
  next: for (const [word, value] of BOOLEAN_WORDS) {
    if (word.length !== length) continue;
    // `| 0x20` lower-cases ASCII letters; digits are compared as they are.
    for (let k = 0; k < length; k++) {
      const byte = b[s + k] as number;
      const lower = byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
      if (lower !== word.charCodeAt(k)) continue next;
    }
    return value;
  }
  return -1;
}

/**
 * An amount `digits[.digits]` in minor units of a currency with `exponent` decimals, as core's
 * `parseMinorUnits` reads it, when that is sure to be exact (at most 15 significant digits, extra
 * decimals all zeros); -1 otherwise.
 */
function minorUnitsAt(row: CsvByteRow, index: number, exponent: number): number {
  const b = row.bytes;
  const s = row.starts[index] as number;
  const e = row.ends[index] as number;
  let k = s;
  let whole = 0;
  let digits = 0;
  for (; k < e && b[k] !== 0x2e; k++) {
    const d = digitAt(b, k);
    if (d < 0) return -1;
    whole = whole * 10 + d;
    digits++;
  }
  if (digits === 0 || digits + exponent > 15) return -1;
  let minor = whole;
  if (k < e) {
    k++; // the point
    if (k === e) return -1; // `12.` is not a number to core
    for (let place = 0; k < e; k++, place++) {
      const d = digitAt(b, k);
      if (d < 0) return -1;
      if (place < exponent) minor = minor * 10 + d;
      else if (d !== 0) return -1;
    }
    for (let place = e - s - digits - 1; place < exponent; place++) minor *= 10;
    return minor;
  }
  for (let place = 0; place < exponent; place++) minor *= 10;
  return minor;
}
