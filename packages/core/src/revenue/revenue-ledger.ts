import { createFxTable, type FxTable } from '../fx/fx-table.js';
import { resolveReportingCurrency } from '../fx/reporting-currency.js';
import type { FxRate } from '../model/fx-rate.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { currencyExponent } from '../money/currencies.js';
import { dayOfMonthOfDateText, monthIndexOfDateText, parseDate } from '../time/calendar-date.js';
import { parseMonth, type MonthIndex } from '../time/month.js';

/** Far beyond any month: the end of an ongoing line. */
const OPEN = 0x3fffffff;
/** Day index standing for "no end date". */
export const NO_END_DAY = 0x7fffffff;
/** Month offset standing for "no end date". */
export const NO_END_MONTH = 0x7fffffff;

// Index = interval code; the monthly factor is NUMERATOR / (DENOMINATOR × interval_count).
const INTERVAL_CODE: Readonly<Record<string, number>> = { month: 0, quarter: 1, year: 2, week: 3, day: 4 };
const NUMERATOR = [1, 1, 1, 13, 365] as const;
const DENOMINATOR = [1, 3, 12, 3, 12] as const;
// Beyond this the common denominator makes sums of large amounts lose integrality before 2^53.
const MAX_SCALE = 1 << 21;

/**
 * Columnar form of the subscription lines: the state every revenue metric and every explanation is
 * computed from. Months are offsets from `firstMonth`; customers and products are dictionary-encoded.
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
  readonly lines: readonly SubscriptionLine[];
  readonly customerIds: readonly string[];
  readonly products: readonly string[];
  readonly lineCustomer: Int32Array;
  /** First active month offset of each line (clipped to [0, width]). */
  readonly lineFrom: Int32Array;
  /** Month offset after the last active month (clipped to [0, width]). */
  readonly lineTo: Int32Array;
  readonly lineTicks: Float64Array;
  readonly lineStartDay: Int32Array;
  /** {@link NO_END_DAY} for an ongoing line. */
  readonly lineEndDay: Int32Array;
  /** Month offset of `start_date` (not clipped). */
  readonly lineStartMonth: Int32Array;
  /** Month offset of `end_date` (not clipped); {@link NO_END_MONTH} for an ongoing line. */
  readonly lineEndMonth: Int32Array;
  /** 1 for a trial line. */
  readonly lineTrial: Uint8Array;
  readonly lineProduct: Int32Array;
  /** Months per billing period > 1 (quarterly, yearly …): the line comes up for renewal. */
  readonly lineRenewable: Uint8Array;
  /** Lines of customer c are `customerLines[customerLineOffsets[c] … customerLineOffsets[c+1])`. */
  readonly customerLineOffsets: Int32Array;
  readonly customerLines: Int32Array;
  /** MRR in ticks of customer c in month offset m at `grid[c × width + m]`. */
  readonly grid: Float64Array;
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
  const where = line.lineId !== undefined ? `line ${line.lineId}` : line.row !== undefined ? `row ${line.row}` : `line #${index}`;
  return new RangeError(`Subscription ${where} (customer ${line.customerId}): ${problem}`);
}

function monthOption(text: string | undefined, name: string): MonthIndex | undefined {
  if (text === undefined) return undefined;
  const month = parseMonth(text);
  if (month === undefined) throw new RangeError(`${name} must be a month YYYY-MM, got "${text}"`);
  return month;
}

/**
 * Reads lines into a {@link RevenueLedger}: one pass over the line objects into typed columns, one
 * pass over the columns to add each line's MRR into its customer's months.
 *
 * @throws RangeError for a line that breaks the model (the readers report these as validation issues),
 * Error when the reporting currency cannot be decided, MissingFxRateError when a rate is missing.
 */
export function buildLedger(lines: readonly SubscriptionLine[], fx: readonly FxRate[] | undefined, options: LedgerOptions): RevenueLedger {
  const n = lines.length;
  const monthStart = options.snapshot === 'month-start';
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const productIndex = new Map<string, number>();
  const products: string[] = [];
  const currencyIndex = new Map<string, number>();
  const currencies: string[] = [];

  const lineCustomer = new Int32Array(n);
  const lineFrom = new Int32Array(n);
  const lineTo = new Int32Array(n);
  const lineStartDay = new Int32Array(n);
  const lineEndDay = new Int32Array(n);
  const lineStartMonth = new Int32Array(n);
  const lineEndMonth = new Int32Array(n).fill(NO_END_MONTH);
  const lineTrial = new Uint8Array(n);
  const lineProduct = new Int32Array(n);
  const lineCurrency = new Int32Array(n);
  const lineRenewable = new Uint8Array(n);
  const lineRaw = new Float64Array(n);
  const lineFactorNumerator = new Float64Array(n);
  const lineFactorDenominator = new Float64Array(n);

  let minMonth = OPEN;
  let maxMonth = -OPEN;
  let firstActive = OPEN;
  let lcm = 1;
  let lastCustomerId = '';
  let lastCustomer = -1;
  let lastProduct: string | undefined;
  let lastProductIndex = -1;
  let lastCurrency = '';
  let lastCurrencyIndex = -1;

  for (let i = 0; i < n; i++) {
    const line = lines[i] as SubscriptionLine;
    const id = line.customerId;
    // Lines usually arrive grouped by customer: skip the hash lookup when the customer repeats.
    if (id !== lastCustomerId || lastCustomer < 0) {
      let c = customerIndex.get(id);
      if (c === undefined) {
        c = customerIds.length;
        customerIndex.set(id, c);
        customerIds.push(id);
      }
      lastCustomerId = id;
      lastCustomer = c;
    }
    lineCustomer[i] = lastCustomer;

    const startDay = parseDate(line.startDate);
    if (startDay === undefined) throw lineError(line, i, `start_date "${line.startDate}" is not a date YYYY-MM-DD`);
    const startMonth = monthIndexOfDateText(line.startDate);
    let from = startMonth;
    if (monthStart && dayOfMonthOfDateText(line.startDate) > 1) from += 1;
    let to = OPEN;
    let endDay = NO_END_DAY;
    const endDate = line.endDate;
    if (endDate !== undefined) {
      const parsed = parseDate(endDate);
      if (parsed === undefined) throw lineError(line, i, `end_date "${endDate}" is not a date YYYY-MM-DD`);
      if (parsed < startDay) throw lineError(line, i, 'end_date is before start_date');
      endDay = parsed;
      const endMonth = monthIndexOfDateText(endDate);
      // Month-end snapshot: active in M iff start ≤ last day of M < end, i.e. M in [month(start), month(end)).
      to = monthStart && dayOfMonthOfDateText(endDate) > 1 ? endMonth + 1 : endMonth;
      if (endMonth > maxMonth) maxMonth = endMonth;
      lineEndMonth[i] = endMonth;
    }
    if (startMonth < minMonth) minMonth = startMonth;
    if (startMonth > maxMonth) maxMonth = startMonth;
    if (from < to && from < firstActive) firstActive = from;
    lineStartDay[i] = startDay;
    lineStartMonth[i] = startMonth;
    lineEndDay[i] = endDay;
    lineFrom[i] = from;
    lineTo[i] = to;

    const code = INTERVAL_CODE[line.interval];
    const count = line.intervalCount;
    if (code === undefined) throw lineError(line, i, `unknown interval "${line.interval}"`);
    if (!(Number.isSafeInteger(count) && count >= 1)) throw lineError(line, i, 'interval_count must be a positive integer');
    if (!(Number.isSafeInteger(line.quantity) && line.quantity >= 0)) throw lineError(line, i, 'quantity must be a non-negative integer');
    if (!(Number.isSafeInteger(line.amountMinor) && line.amountMinor >= 0)) throw lineError(line, i, 'amountMinor must be a non-negative integer');
    const numerator = NUMERATOR[code as 0];
    const denominator = DENOMINATOR[code as 0] * count;
    lineFactorNumerator[i] = numerator;
    lineFactorDenominator[i] = denominator;
    if (line.isTrial) lineTrial[i] = 1;
    const raw = line.isTrial ? 0 : line.amountMinor * line.quantity;
    lineRaw[i] = raw;
    if (raw > 0) {
      if (denominator > numerator) lineRenewable[i] = 1;
      if (lcm % denominator !== 0) lcm = (lcm / gcd(lcm, denominator)) * denominator;
    }

    const product = line.product;
    if (product !== lastProduct || lastProductIndex < 0) {
      const key = product ?? '';
      let p = productIndex.get(key);
      if (p === undefined) {
        p = products.length;
        productIndex.set(key, p);
        products.push(key);
      }
      lastProduct = product;
      lastProductIndex = p;
    }
    lineProduct[i] = lastProductIndex;

    const currency = line.currency;
    if (currency !== lastCurrency || lastCurrencyIndex < 0) {
      let k = currencyIndex.get(currency);
      if (k === undefined) {
        k = currencies.length;
        currencyIndex.set(currency, k);
        currencies.push(currency);
      }
      lastCurrency = currency;
      lastCurrencyIndex = k;
    }
    lineCurrency[i] = lastCurrencyIndex;
  }

  const currency = resolveReportingCurrency(new Set(currencies), fx, options.currency);
  const exponent = currencyExponent(currency);
  // Per currency: minor units of it → minor units of the reporting currency, before the rate.
  const exponentShift = currencies.map((code) => 10 ** (exponent - currencyExponent(code)));
  const reportingIndex = currencyIndex.get(currency) ?? -1;
  const foreign = currencies.length > (reportingIndex >= 0 ? 1 : 0);
  const fxTable: FxTable | undefined = foreign ? createFxTable(fx ?? [], currency) : undefined;

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
  const width = maxMonth === -OPEN && fromOption === undefined && toOption === undefined ? 0 : lastMonth - firstMonth + 1;

  // The scale: the least common denominator of every line's monthly factor, unless that, or the
  // largest possible sum (every line at once, × 12 for ARR), would leave the exact integer range.
  let scale = lcm <= MAX_SCALE ? lcm : 12;
  let total = 0;
  for (let i = 0; i < n; i++) total += (lineRaw[i] as number) * (lineFactorNumerator[i] as number) / (lineFactorDenominator[i] as number);
  if (total * scale * 12 >= Number.MAX_SAFE_INTEGER) scale = 1;
  const exact = !foreign && scale === lcm && total * scale * 12 < Number.MAX_SAFE_INTEGER;

  const lineTicks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = lineRaw[i] as number;
    const from = (lineFrom[i] as number) - firstMonth;
    const to = (lineTo[i] as number) - firstMonth;
    lineFrom[i] = from < 0 ? 0 : from > width ? width : from;
    lineTo[i] = to < 0 ? 0 : to > width ? width : to;
    lineStartMonth[i] = (lineStartMonth[i] as number) - firstMonth;
    if (lineEndMonth[i] !== NO_END_MONTH) lineEndMonth[i] = (lineEndMonth[i] as number) - firstMonth;
    if (raw === 0) continue;
    // Integer × integer / divisor of scale: exact while below 2^53.
    let ticks = raw * (lineFactorNumerator[i] as number) * (scale / (lineFactorDenominator[i] as number));
    const k = lineCurrency[i] as number;
    if (k !== reportingIndex && fxTable !== undefined) {
      const code = currencies[k] as string;
      ticks *= fxTable.rateOn(code, lineStartDay[i] as number) * (exponentShift[k] as number);
    }
    lineTicks[i] = ticks;
  }

  const customers = customerIds.length;
  const grid = new Float64Array(customers * width);
  for (let i = 0; i < n; i++) {
    const ticks = lineTicks[i] as number;
    if (ticks === 0) continue;
    const base = (lineCustomer[i] as number) * width;
    const end = base + (lineTo[i] as number);
    for (let cell = base + (lineFrom[i] as number); cell < end; cell++) grid[cell] = (grid[cell] as number) + ticks;
  }

  // Counting sort of line indices by customer, for per-customer drill-down.
  const customerLineOffsets = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) {
    const next = (lineCustomer[i] as number) + 1;
    customerLineOffsets[next] = (customerLineOffsets[next] as number) + 1;
  }
  for (let c = 0; c < customers; c++) customerLineOffsets[c + 1] = (customerLineOffsets[c + 1] as number) + (customerLineOffsets[c] as number);
  const cursor = customerLineOffsets.slice(0, customers);
  const customerLines = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = lineCustomer[i] as number;
    customerLines[cursor[c] as number] = i;
    cursor[c] = (cursor[c] as number) + 1;
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
    customerIds,
    products,
    lineCustomer,
    lineFrom,
    lineTo,
    lineTicks,
    lineStartDay,
    lineEndDay,
    lineStartMonth,
    lineEndMonth,
    lineTrial,
    lineProduct,
    lineRenewable,
    customerLineOffsets,
    customerLines,
    grid,
  };
}
