import { quoteValue } from '../validation/quote-value.js';
import { createFxTable, MissingFxRateError, type FxTable } from '../fx/fx-table.js';
import { resolveReportingCurrency } from '../fx/reporting-currency.js';
import type { FxRate } from '../model/fx-rate.js';
import { BILLING_INTERVALS, type SubscriptionLine } from '../model/subscription-line.js';
import { currencyExponent } from '../money/currencies.js';
import { civilDateOf, dayOfMonthOfDateText, monthIndexOfDateText, parseDate } from '../time/calendar-date.js';
import { NO_END_DAY, type SubscriptionColumns } from '../model/subscription-columns.js';
import { parseMonth, type MonthIndex } from '../time/month.js';
import { MONTHLY_FACTORS } from './normalised-mrr.js';
import { Dictionary } from './dictionary.js';

/** Far beyond any month: the end of an ongoing line. */
const OPEN = 0x3fffffff;

// Index = interval code; the monthly factor is NUMERATOR / (DENOMINATOR × interval_count).
const INTERVAL_CODE: ReadonlyMap<string, number> = new Map(BILLING_INTERVALS.map((interval, code) => [interval, code]));
const NUMERATOR = Int32Array.from(BILLING_INTERVALS, (interval) => MONTHLY_FACTORS[interval].numerator);
const DENOMINATOR = Int32Array.from(BILLING_INTERVALS, (interval) => MONTHLY_FACTORS[interval].denominator);
// Beyond this the common denominator makes sums of large amounts lose integrality before 2^53.
const MAX_SCALE = 1 << 21;

/**
 * Columnar form of the subscription lines: the state every revenue metric and every explanation is
 * computed from. Line columns are indexed like the input array; months are offsets from
 * `firstMonth`; customers and products are dictionary-encoded.
 *
 * Amounts are held in *ticks*: 1 minor unit = `scale` ticks, with `scale` the common denominator of
 * every line's monthly factor (12 × the lcm of the interval counts), so the normalised MRR of every
 * line in the reporting currency is an integer number of ticks, and every sum is exact while below
 * 2^53. Only FX conversion (a product with a decimal rate) brings non-integers.
 */
export interface RevenueLedger {
  readonly currency: string;
  readonly exponent: number;
  readonly scale: number;
  /** Whether every tick amount is an exact integer (no FX conversion, no overflow of the scale). */
  readonly exact: boolean;
  readonly firstMonth: MonthIndex;
  /** Months computed, from `firstMonth`. */
  readonly width: number;
  /** First month in which any line is active under the snapshot rule, or `undefined`. */
  readonly firstActiveMonth: MonthIndex | undefined;
  /** Month of the latest date in the input. */
  readonly lastDataMonth: MonthIndex;
  /** The line objects, indexed like the columns; empty when built from {@link SubscriptionColumns}. */
  readonly lines: readonly SubscriptionLine[];
  readonly customerIds: readonly string[];
  readonly products: readonly string[];
  readonly lineCustomer: Int32Array;
  /** First active month offset of each line (clipped to [0, width]). */
  readonly lineFrom: Int32Array;
  /** Month offset after the last active month (clipped to [0, width]). */
  readonly lineTo: Int32Array;
  /** Normalised MRR of each line in ticks (0 for trials). */
  readonly lineTicks: Float64Array;
  readonly lineProduct: Int32Array;
  /** 1 for a trial line. */
  readonly lineTrial: Uint8Array;
  /** Paid, with more than a month per billing period (quarterly, yearly …), and an end: up for renewal. */
  readonly lineRenewable: Uint8Array;
  /** Month offset of customer c's first stored month (its first active month; `width` if never active). */
  readonly customerStart: Int32Array;
  /** Customer c's months are `grid[customerCells[c] …]`, from `customerStart[c]` to the last month. */
  readonly customerCells: Int32Array;
  /**
   * MRR in ticks per customer-month, stored sparsely: customer c in month offset m ≥ customerStart[c]
   * at `grid[customerCells[c] + m − customerStart[c]]`; earlier months are 0. Customers arrive over the
   * years, so this holds about half the cells of a dense customers × months matrix.
   */
  readonly grid: Float64Array;
}

/** MRR in ticks of customer c in month offset m (0 before its first active month). */
export function customerMrr(ledger: RevenueLedger, c: number, m: number): number {
  const start = ledger.customerStart[c] as number;
  return m < start || m >= ledger.width ? 0 : (ledger.grid[(ledger.customerCells[c] as number) + m - start] as number);
}

/** What {@link buildLedger} needs to know. */
export interface LedgerOptions {
  currency?: string | undefined;
  snapshot?: 'month-end' | 'month-start' | undefined;
  /** Months the computed range must include, `YYYY-MM`. */
  from?: string | undefined;
  to?: string | undefined;
  /** Dates that count as input for the default last month (customer creation dates, …). */
  extraDates?: Iterable<string> | undefined;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lineError(line: SubscriptionLine, index: number, problem: string): Error {
  const where =
    line.lineId !== undefined ? `line ${line.lineId}` : line.row !== undefined ? `row ${line.row}` : `line #${index}`;
  return new RangeError(`Subscription ${where} (customer ${line.customerId}): ${problem}`);
}

/**
 * The rate of a line's currency on its start date; a missing rate names the line's row and id.
 *
 * @throws MissingFxRateError
 */
export function rateForLine(fxTable: FxTable, line: SubscriptionLine): number {
  try {
    return fxTable.rateOn(line.currency, parseDate(line.startDate) ?? 0);
  } catch (error) {
    if (!(error instanceof MissingFxRateError)) throw error;
    throw error.forRecord({ kind: 'subscription line', row: line.row, id: line.lineId });
  }
}

function monthOption(text: string | undefined, name: string): MonthIndex | undefined {
  if (text === undefined) return undefined;
  const month = parseMonth(text);
  if (month === undefined) throw new RangeError(`${name} must be a month YYYY-MM, got ${quoteValue(text)}`);
  return month;
}

/** All line columns in one buffer: one allocation instead of several keeps the GC quiet. */
function allocateColumns(n: number) {
  const buffer = new ArrayBuffer(n * (8 + 6 * 4 + 2));
  let offset = 0;
  const view = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, bytes: number): T => {
    const result = make(buffer, offset, n);
    offset += n * bytes;
    return result;
  };
  const int32 = (): Int32Array => view((b, o, l) => new Int32Array(b, o, l), 4);
  return {
    lineTicks: view((b, o, l) => new Float64Array(b, o, l), 8),
    lineCustomer: int32(),
    lineFrom: int32(),
    lineTo: int32(),
    lineProduct: int32(),
    lineCurrency: int32(),
    lineDenominator: int32(),
    lineTrial: view((b, o, l) => new Uint8Array(b, o, l), 1),
    lineRenewable: view((b, o, l) => new Uint8Array(b, o, l), 1),
  };
}

/** What pass 1 gathers, from objects or from columns, for the passes that settle the ledger. */
interface LineScan {
  readonly columns: ReturnType<typeof allocateColumns>;
  readonly customers: Dictionary;
  readonly products: Dictionary;
  readonly currencies: Dictionary;
  readonly monthStart: boolean;
  minMonth: number;
  maxMonth: number;
  firstActive: number;
  lcm: number;
  magnitude: number;
}

function startScan(n: number, options: LedgerOptions): LineScan {
  return {
    columns: allocateColumns(n),
    customers: new Dictionary(),
    products: new Dictionary(),
    currencies: new Dictionary(),
    monthStart: options.snapshot === 'month-start',
    minMonth: OPEN,
    maxMonth: -OPEN,
    firstActive: OPEN,
    lcm: 1,
    magnitude: 0,
  };
}

/**
 * Pass 1 for line i, whatever its input: its months, and amount × quantity × numerator in `lineTicks`
 * until the scale is known. Dates are given as day, month index and day of the month (end day of month 0: no end).
 *
 * @returns what breaks the model, if anything.
 */
function scanLine(
  scan: LineScan,
  i: number,
  startDay: number,
  startMonth: number,
  startDayOfMonth: number,
  endDay: number,
  endMonth: number,
  endDayOfMonth: number,
  intervalCode: number,
  intervalCount: number,
  quantity: number,
  amountMinor: number,
  isTrial: boolean,
): string | undefined {
  const { columns, monthStart } = scan;
  let from = startMonth;
  if (monthStart && startDayOfMonth > 1) from += 1;
  let to = OPEN;
  const hasEnd = endDayOfMonth > 0;
  if (hasEnd) {
    if (endDay < startDay) return 'end_date is before start_date';
    // Month-end snapshot: active in M iff start ≤ last day of M < end, i.e. M in [month(start), month(end)).
    to = monthStart && endDayOfMonth > 1 ? endMonth + 1 : endMonth;
    if (endMonth > scan.maxMonth) scan.maxMonth = endMonth;
  }
  if (startMonth < scan.minMonth) scan.minMonth = startMonth;
  if (startMonth > scan.maxMonth) scan.maxMonth = startMonth;
  columns.lineFrom[i] = from;
  columns.lineTo[i] = to;

  if (!(intervalCode >= 0 && intervalCode < BILLING_INTERVALS.length)) return 'unknown interval';
  if (!(Number.isSafeInteger(intervalCount) && intervalCount >= 1)) return 'interval_count must be a positive integer';
  if (!(Number.isSafeInteger(quantity) && quantity >= 0)) return 'quantity must be a non-negative integer';
  if (!(Number.isSafeInteger(amountMinor) && amountMinor >= 0)) return 'amountMinor must be a non-negative integer';
  const numerator = NUMERATOR[intervalCode] as number;
  const denominator = (DENOMINATOR[intervalCode] as number) * intervalCount;
  columns.lineDenominator[i] = denominator;
  const raw = isTrial ? 0 : amountMinor * quantity * numerator;
  columns.lineTicks[i] = raw;
  if (isTrial) columns.lineTrial[i] = 1;
  if (raw > 0) {
    scan.magnitude += raw / denominator;
    const lcm = scan.lcm;
    if (lcm % denominator !== 0) scan.lcm = (lcm / gcd(lcm, denominator)) * denominator;
    if (denominator > numerator && hasEnd) columns.lineRenewable[i] = 1;
    if (from < to && from < scan.firstActive) scan.firstActive = from;
  }
  return undefined;
}

/**
 * Reads lines into a {@link RevenueLedger}: one pass over the line objects into typed columns, then
 * one pass over the columns that settles each line's ticks and adds them into its customer's months.
 *
 * @throws RangeError for a line that breaks the model (the readers report these as validation issues),
 * Error when the reporting currency cannot be decided, MissingFxRateError when a rate is missing.
 */
export function buildLedger(
  lines: readonly SubscriptionLine[],
  fx: readonly FxRate[] | undefined,
  options: LedgerOptions,
): RevenueLedger {
  const n = lines.length;
  const scan = startScan(n, options);
  const { customers, products, currencies, columns } = scan;
  for (let i = 0; i < n; i++) {
    const line = lines[i] as SubscriptionLine;
    columns.lineCustomer[i] = customers.code(line.customerId);
    const startDay = parseDate(line.startDate);
    if (startDay === undefined)
      throw lineError(line, i, `start_date ${quoteValue(line.startDate)} is not a date YYYY-MM-DD`);
    const endDate = line.endDate;
    let endDay = 0;
    if (endDate !== undefined) {
      const parsed = parseDate(endDate);
      if (parsed === undefined) throw lineError(line, i, `end_date ${quoteValue(endDate)} is not a date YYYY-MM-DD`);
      endDay = parsed;
    }
    const problem = scanLine(
      scan,
      i,
      startDay,
      monthIndexOfDateText(line.startDate),
      dayOfMonthOfDateText(line.startDate),
      endDay,
      endDate === undefined ? 0 : monthIndexOfDateText(endDate),
      endDate === undefined ? 0 : dayOfMonthOfDateText(endDate),
      INTERVAL_CODE.get(line.interval) ?? -1,
      line.intervalCount,
      line.quantity,
      line.amountMinor,
      line.isTrial,
    );
    if (problem !== undefined)
      throw lineError(
        line,
        i,
        problem === 'unknown interval' ? `unknown interval ${quoteValue(line.interval)}` : problem,
      );
    columns.lineProduct[i] = products.code(line.product ?? '');
    columns.lineCurrency[i] = currencies.code(line.currency);
  }
  // Foreign lines are the exception: their start date is read again rather than stored for all.
  return settleLedger(scan, n, fx, options, lines, (fxTable, i) => rateForLine(fxTable, lines[i] as SubscriptionLine));
}

/** Codes of a caller's dictionary re-encoded in order of first use, as the object path encodes them. */
function recoder(keys: readonly string[], into: Dictionary): (code: number) => number {
  const codes = new Int32Array(keys.length).fill(-1);
  return (code) => {
    let mine = codes[code];
    if (mine === undefined) throw new RangeError(`dictionary code ${code} is out of range (${keys.length} values)`);
    if (mine < 0) mine = codes[code] = into.code(keys[code] as string);
    return mine;
  };
}

/**
 * {@link buildLedger} from columns: the same ledger, without an object per line. The ledger's `lines`
 * is empty; everything the report reads is in its columns.
 *
 * @throws RangeError naming `line #i` for a value that breaks the model, otherwise as {@link buildLedger}.
 */
export function buildLedgerFromColumns(
  input: SubscriptionColumns,
  fx: readonly FxRate[] | undefined,
  options: LedgerOptions,
): RevenueLedger {
  const n = input.length;
  const scan = startScan(n, options);
  const { columns } = scan;
  const customerOf = recoder(input.customerIds, scan.customers);
  const productOf = recoder(input.products ?? [''], scan.products);
  const currencyOf = recoder(input.currencies, scan.currencies);
  const { customer, startDay, endDay, amountMinor, currency, interval, intervalCount, quantity, isTrial } = input;
  const product = input.product;
  const rows = input.row;
  const lineIds = input.lineIds;
  // Named as the object path names a line: by line_id, else by row, else by index.
  const fail = (i: number, problem: string): RangeError => {
    const id = input.customerIds[customer[i] as number];
    const lineId = lineIds?.[i];
    const where = lineId !== undefined ? `line ${lineId}` : rows === undefined ? `line #${i}` : `row ${rows[i]}`;
    return new RangeError(`Subscription ${where} (customer ${id}): ${problem}`);
  };
  for (let i = 0; i < n; i++) {
    columns.lineCustomer[i] = customerOf(customer[i] as number);
    const start = startDay[i] as number;
    const end = endDay[i] as number;
    if (!Number.isSafeInteger(start)) throw fail(i, `startDay ${start} is not a day number`);
    if (end !== NO_END_DAY && !Number.isSafeInteger(end)) throw fail(i, `endDay ${end} is not a day number`);
    const startDate = civilDateOf(start);
    const endDate = end === NO_END_DAY ? undefined : civilDateOf(end);
    const problem = scanLine(
      scan,
      i,
      start,
      startDate.year * 12 + startDate.month - 1,
      startDate.day,
      end,
      endDate === undefined ? 0 : endDate.year * 12 + endDate.month - 1,
      endDate === undefined ? 0 : endDate.day,
      interval[i] as number,
      intervalCount[i] as number,
      quantity[i] as number,
      amountMinor[i] as number,
      isTrial[i] === 1,
    );
    if (problem !== undefined)
      throw fail(i, problem === 'unknown interval' ? `unknown interval code ${interval[i]}` : problem);
    columns.lineProduct[i] = productOf(product === undefined ? 0 : (product[i] as number));
    columns.lineCurrency[i] = currencyOf(currency[i] as number);
  }
  return settleLedger(scan, n, fx, options, [], (fxTable, i) => {
    const code = columns.lineCurrency[i] as number;
    try {
      return fxTable.rateOn(scan.currencies.keys[code] as string, startDay[i] as number);
    } catch (error) {
      if (!(error instanceof MissingFxRateError)) throw error;
      const row = rows?.[i];
      const id = lineIds?.[i] ?? (row === undefined ? `#${i}` : undefined);
      throw error.forRecord({ kind: 'subscription line', row, id });
    }
  });
}

/** Passes 2 and 3, over the columns of pass 1: the scale, ticks, and each customer's months. */
function settleLedger(
  scan: LineScan,
  n: number,
  fx: readonly FxRate[] | undefined,
  options: LedgerOptions,
  lines: readonly SubscriptionLine[],
  rateOf: (fxTable: FxTable, i: number) => number,
): RevenueLedger {
  const { customers, products, currencies, columns, lcm, magnitude, firstActive, minMonth } = scan;
  let maxMonth = scan.maxMonth;
  const {
    lineTicks,
    lineCustomer,
    lineFrom,
    lineTo,
    lineProduct,
    lineCurrency,
    lineDenominator,
    lineTrial,
    lineRenewable,
  } = columns;

  const currency = resolveReportingCurrency(new Set(currencies.keys), fx, options.currency);
  const exponent = currencyExponent(currency);
  const reportingCode = currencies.keys.indexOf(currency);
  const fxTable: FxTable | undefined = currencies.keys.some((code) => code !== currency)
    ? createFxTable(fx ?? [], currency)
    : undefined;
  // Per currency: minor units of it → minor units of the reporting currency, before the rate.
  const exponentShift = currencies.keys.map((code) => 10 ** (exponent - currencyExponent(code)));
  // The scale: the least common denominator of every line's monthly factor, unless that, or the
  // largest possible sum (every line at once, × 12 for ARR), would leave the exact integer range.
  let scale = lcm <= MAX_SCALE ? lcm : 12;
  if (magnitude * scale * 12 >= Number.MAX_SAFE_INTEGER) scale = 1;
  const exact = fxTable === undefined && scale === lcm && magnitude * scale * 12 < Number.MAX_SAFE_INTEGER;

  for (const date of options.extraDates ?? []) {
    if (parseDate(date) !== undefined) maxMonth = Math.max(maxMonth, monthIndexOfDateText(date));
  }
  const fromOption = monthOption(options.from, 'from');
  const toOption = monthOption(options.to, 'to');
  if (fromOption !== undefined && toOption !== undefined && fromOption > toOption) {
    throw new RangeError(`from (${options.from}) is after to (${options.to})`);
  }
  const lastDataMonth = maxMonth === -OPEN ? (toOption ?? fromOption ?? 0) : maxMonth;
  const firstMonth = Math.min(minMonth === OPEN ? lastDataMonth : minMonth, fromOption ?? OPEN, toOption ?? OPEN);
  const lastMonth = Math.max(lastDataMonth, toOption ?? -OPEN, fromOption ?? -OPEN);
  // No date anywhere and no month asked for: there is nothing to compute.
  const width =
    maxMonth === -OPEN && fromOption === undefined && toOption === undefined ? 0 : lastMonth - firstMonth + 1;

  // Pass 2, over the columns: ticks, month offsets, and each customer's first active month.
  const customerCount = customers.keys.length;
  const customerStart = new Int32Array(customerCount).fill(width);
  for (let i = 0; i < n; i++) {
    const from = (lineFrom[i] as number) - firstMonth;
    const to = (lineTo[i] as number) - firstMonth;
    const clippedFrom = from < 0 ? 0 : from > width ? width : from;
    const clippedTo = to < 0 ? 0 : to > width ? width : to;
    lineFrom[i] = clippedFrom;
    lineTo[i] = clippedTo;
    const raw = lineTicks[i] as number;
    if (raw === 0) continue;
    // Integer × (scale ÷ a divisor of scale): exact while below 2^53.
    let ticks = raw * (scale / (lineDenominator[i] as number));
    const currencyCode = lineCurrency[i] as number;
    if (currencyCode !== reportingCode && fxTable !== undefined) {
      ticks *= rateOf(fxTable, i) * (exponentShift[currencyCode] as number);
    }
    lineTicks[i] = ticks;
    const c = lineCustomer[i] as number;
    if (clippedFrom < clippedTo && clippedFrom < (customerStart[c] as number)) customerStart[c] = clippedFrom;
  }

  // Pass 3: each customer stores its months from its first active one on; every line adds its MRR there.
  const customerCells = new Int32Array(customerCount + 1);
  for (let c = 0; c < customerCount; c++)
    customerCells[c + 1] = (customerCells[c] as number) + width - (customerStart[c] as number);
  const grid = new Float64Array(customerCells[customerCount] as number);
  for (let i = 0; i < n; i++) {
    const ticks = lineTicks[i] as number;
    if (ticks === 0) continue;
    const c = lineCustomer[i] as number;
    const base = (customerCells[c] as number) - (customerStart[c] as number);
    for (let cell = base + (lineFrom[i] as number), end = base + (lineTo[i] as number); cell < end; cell++)
      grid[cell] = (grid[cell] as number) + ticks;
  }

  return {
    currency,
    exponent,
    scale,
    exact,
    firstMonth,
    width,
    firstActiveMonth: firstActive === OPEN ? undefined : firstActive,
    lastDataMonth,
    lines,
    customerIds: customers.keys,
    products: products.keys,
    lineCustomer,
    lineFrom,
    lineTo,
    lineTicks,
    lineProduct,
    lineTrial,
    lineRenewable,
    customerStart,
    customerCells,
    grid,
  };
}
