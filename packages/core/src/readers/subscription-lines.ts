import { quoteValue } from '../validation/quote-value.js';
import { BILLING_INTERVALS, type BillingInterval, type SubscriptionLine } from '../model/subscription-line.js';
import { currencyExponent, isCurrencyCode } from '../money/currencies.js';
import { parseMinorUnits, type DecimalProblem } from '../money/decimal.js';
import { parseDate } from '../time/calendar-date.js';
import type { ValidationIssue } from '../validation/validation-error.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { parseBoolean, type RecordContext } from './record-reader.js';
import { readRecords } from './record-reader.js';

const INTEGER = /^\d+$/;

const PROBLEMS: Readonly<Record<DecimalProblem, (currency: string, exponent: number) => string>> = {
  'not-a-number': () => 'not a decimal number (expected e.g. 49.00)',
  negative: () => 'amounts cannot be negative',
  'too-many-decimals': (currency, exponent) => `more decimals than ${currency} allows (${exponent})`,
  'too-large': () => 'amount too large',
};

/** A line whose `currency` is empty and has no default yet: its amount is read once one is known. */
export interface PendingAmount {
  readonly row: number;
  readonly id: string | undefined;
  readonly field: 'amount' | 'mrr';
  readonly text: string;
}

function readAmount(context: RecordContext, field: string, text: string, currency: string): number | undefined {
  const exponent = currencyExponent(currency);
  const result = parseMinorUnits(text, exponent);
  if (result.ok) return result.minor;
  context.report(field, text, PROBLEMS[result.problem](currency, exponent));
  return undefined;
}

function readCount(context: RecordContext, field: string, min: number): number {
  const text = context.field(field);
  if (text === undefined) return 1;
  const value = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min) || !Number.isSafeInteger(value)) {
    context.report(field, text, `${field} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer`);
  }
  return value;
}

/**
 * Reads subscription lines (metrics.md §1).
 *
 * Required: `customer_id`, `start_date`, and `mrr` or `amount` + `interval`. Optional: `line_id`
 * (unique), `subscription_id`, `end_date` (exclusive), `interval_count`, `quantity`, `currency`,
 * `product`, `plan`, `is_trial` (`true/false/1/0/yes/no`, any case; empty = false).
 *
 * An empty `currency` takes `defaultCurrency`; without one, it takes the only currency the other
 * records name. When they name none, or several, those records are errors: amounts cannot be read
 * exactly without knowing their currency's minor unit.
 *
 * @throws CskitValidationError with `onError: 'throw'` when any record is bad, and in both modes once
 * `limit` issues are found.
 * @throws RangeError when `defaultCurrency` is not an ISO 4217 code.
 */
export function readSubscriptionLines(
  records: Iterable<CanonicalRecord>,
  options: ReadOptions,
): ReadResult<SubscriptionLine> {
  const { readOne, finish } = subscriptionLineReader(options, LINE_OBJECTS);
  return readRecords(records, options, readOne, finish);
}

/**
 * Where validated lines go: kept as objects, or appended to columns (each line's object is then only a
 * message between the checks and the columns, and dies young).
 */
export interface SubscriptionLineSink<T> {
  /** Keeps a valid line; returns its handle (the object, or its index). `draft` is reused for the next row. */
  add(draft: SubscriptionLineDraft): T;
  /** The line of `handle` once its empty currency is known: `currency`, with its amount read in it. */
  settle(handle: T, currency: string, amountMinor: number): T;
}

/**
 * A line that passed the checks, as handed to a {@link SubscriptionLineSink}: every field of
 * {@link SubscriptionLine} (`undefined` when empty) and its dates as day numbers.
 */
export interface SubscriptionLineDraft {
  customerId: string;
  lineId: string | undefined;
  subscriptionId: string | undefined;
  startDate: string;
  startDay: number;
  endDate: string | undefined;
  /** `undefined` without an end date. */
  endDay: number | undefined;
  amountMinor: number;
  currency: string;
  interval: BillingInterval;
  intervalCount: number;
  quantity: number;
  product: string | undefined;
  plan: string | undefined;
  isTrial: boolean;
  row: number;
}

const LINE_OBJECTS: SubscriptionLineSink<SubscriptionLine> = {
  add: (d) => ({
    customerId: d.customerId,
    ...(d.lineId === undefined ? {} : { lineId: d.lineId }),
    ...(d.subscriptionId === undefined ? {} : { subscriptionId: d.subscriptionId }),
    startDate: d.startDate,
    ...(d.endDate === undefined ? {} : { endDate: d.endDate }),
    amountMinor: d.amountMinor,
    currency: d.currency,
    interval: d.interval,
    intervalCount: d.intervalCount,
    quantity: d.quantity,
    ...(d.product === undefined ? {} : { product: d.product }),
    ...(d.plan === undefined ? {} : { plan: d.plan }),
    isTrial: d.isTrial,
    row: d.row,
  }),
  settle: (line, currency, amountMinor) => ({ ...line, currency, amountMinor }),
};

/**
 * The checks of {@link readSubscriptionLines}, for {@link readRecords} or {@link createRecordReader},
 * with valid lines handed to `sink`: every reader of subscription lines gives the same issues.
 *
 * @throws RangeError when `defaultCurrency` is not an ISO 4217 code.
 */
export function subscriptionLineReader<T>(
  options: ReadOptions,
  sink: SubscriptionLineSink<T>,
  ledger: SubscriptionLineLedger<T> = new SubscriptionLineMemory<T>(),
): {
  readOne: (context: RecordContext) => T | undefined;
  finish: (kept: T[], report: (issue: ValidationIssue) => void) => T[];
} {
  const defaultCurrency = options.defaultCurrency?.toUpperCase();
  if (defaultCurrency !== undefined && !isCurrencyCode(defaultCurrency)) {
    throw new RangeError(
      `Unknown default currency ${quoteValue(options.defaultCurrency)} (expected ISO 4217, e.g. USD)`,
    );
  }
  const draft: SubscriptionLineDraft = {
    customerId: '',
    lineId: undefined,
    subscriptionId: undefined,
    startDate: '',
    startDay: 0,
    endDate: undefined,
    endDay: undefined,
    amountMinor: 0,
    currency: '',
    interval: 'month',
    intervalCount: 1,
    quantity: 1,
    product: undefined,
    plan: undefined,
    isTrial: false,
    row: 0,
  };

  return {
    readOne: (context) => {
      const lineId = context.field('line_id');
      const customerId = context.field('customer_id');
      context.identify(lineId);
      if (customerId === undefined) context.report('customer_id', undefined, 'customer_id is required');
      if (lineId !== undefined) {
        const first = ledger.lineId(lineId, context.row);
        if (first !== undefined) context.report('line_id', lineId, duplicateLineIdReason(first));
      }

      const startText = context.field('start_date');
      const endText = context.field('end_date');
      const start = startText === undefined ? undefined : parseDate(startText);
      const end = endText === undefined ? undefined : parseDate(endText);
      if (startText === undefined) context.report('start_date', undefined, 'start_date is required');
      else if (start === undefined)
        context.report('start_date', startText, 'start_date is not a calendar date YYYY-MM-DD');
      if (endText !== undefined && end === undefined)
        context.report('end_date', endText, 'end_date is not a calendar date YYYY-MM-DD');
      if (start !== undefined && end !== undefined && end < start)
        context.report('end_date', endText, 'end_date is before start_date');

      const mrrText = context.field('mrr');
      const amountText = context.field('amount');
      const intervalText = context.field('interval');
      let interval: BillingInterval = 'month';
      let intervalCount = 1;
      if (mrrText !== undefined && amountText !== undefined) {
        context.report('mrr', mrrText, 'give either mrr or amount with interval, not both');
      } else if (mrrText === undefined && amountText === undefined) {
        context.report('amount', undefined, 'amount (with interval) or mrr is required');
      } else if (mrrText !== undefined) {
        // `mrr` is by definition a monthly amount: any other interval contradicts it.
        if (intervalText !== undefined && intervalText !== 'month')
          context.report('interval', intervalText, 'a line given with mrr is monthly: interval must be empty or month');
        const countText = context.field('interval_count');
        if (countText !== undefined && countText !== '1')
          context.report(
            'interval_count',
            countText,
            'a line given with mrr is monthly: interval_count must be empty or 1',
          );
      } else {
        if (intervalText === undefined) context.report('interval', undefined, 'interval is required with amount');
        else if (!(BILLING_INTERVALS as readonly string[]).includes(intervalText))
          context.report('interval', intervalText, 'unknown interval (expected day, week, month, quarter or year)');
        else interval = intervalText as BillingInterval;
        intervalCount = readCount(context, 'interval_count', 1);
      }
      const quantity = readCount(context, 'quantity', 0);

      const trialText = context.field('is_trial');
      const isTrial = trialText === undefined ? false : parseBoolean(trialText);
      if (isTrial === undefined) context.report('is_trial', trialText, 'is_trial must be true/false, 1/0 or yes/no');

      const currencyText = context.field('currency');
      let currency = currencyText?.toUpperCase() ?? defaultCurrency;
      if (currencyText !== undefined && currency !== undefined) {
        if (isCurrencyCode(currency)) ledger.currency(currency, context.row);
        else {
          context.report('currency', currencyText, 'unknown currency code (expected ISO 4217, e.g. USD)');
          currency = undefined;
        }
      }
      const amountField = mrrText !== undefined ? 'mrr' : 'amount';
      const amountSource = mrrText ?? amountText;
      let amountMinor = 0;
      if (amountSource !== undefined && currency !== undefined)
        amountMinor = readAmount(context, amountField, amountSource, currency) ?? 0;

      if (customerId === undefined || startText === undefined || isTrial === undefined) return undefined;
      // One draft for every row: a sink that keeps columns then makes no object per line.
      draft.customerId = customerId;
      draft.lineId = lineId;
      draft.subscriptionId = context.field('subscription_id');
      draft.startDate = startText;
      draft.startDay = start as number;
      draft.endDate = endText;
      draft.endDay = end;
      draft.amountMinor = amountMinor;
      draft.currency = currency ?? '';
      draft.interval = interval;
      draft.intervalCount = intervalCount;
      draft.quantity = quantity;
      draft.product = context.field('product');
      draft.plan = context.field('plan');
      draft.isTrial = isTrial;
      draft.row = context.row;
      const handle = sink.add(draft);
      if (currencyText === undefined && currency === undefined && amountSource !== undefined) {
        ledger.pending(handle, { row: context.row, id: lineId, field: amountField, text: amountSource });
      }
      return handle;
    },
    finish: (kept, report) => {
      if (!(ledger instanceof SubscriptionLineMemory))
        throw new TypeError('finish() settles only the default ledger: call resolvePendingAmounts with yours');
      return resolvePendingAmounts(kept, ledger.pendingAmounts, ledger.currencies, options.source, report, sink);
    },
  };
}

/** The reason of the issue of a repeated `line_id`, naming the row where it first appeared. */
export function duplicateLineIdReason(firstRow: number): string {
  return `duplicate line_id (first in row ${firstRow})`;
}

/**
 * What the checks of {@link subscriptionLineReader} remember across rows. The default keeps it in
 * memory; a reader that checks parts of a file apart (in worker threads) records it per part instead
 * and settles it once the parts are joined, with {@link resolvePendingAmounts}.
 */
export interface SubscriptionLineLedger<T> {
  /**
   * Notes the `line_id` of the row being read; returns the row where it was first noted, if it was
   * (the row is then a duplicate).
   */
  lineId(lineId: string, row: number): number | undefined;
  /** Notes a valid currency named by the row being read. */
  currency(code: string, row: number): void;
  /** Notes a line whose currency is empty and has no default: its amount is read once one is known. */
  pending(handle: T, amount: PendingAmount): void;
}

/** The default {@link SubscriptionLineLedger}: everything in memory, for one pass over the records. */
class SubscriptionLineMemory<T> implements SubscriptionLineLedger<T> {
  private readonly firstRowOf = new Map<string, number>();
  readonly currencies = new Set<string>();
  readonly pendingAmounts = new Map<T, PendingAmount>();

  lineId(lineId: string, row: number): number | undefined {
    const first = this.firstRowOf.get(lineId);
    if (first === undefined) this.firstRowOf.set(lineId, row);
    return first;
  }

  currency(code: string): void {
    this.currencies.add(code);
  }

  pending(handle: T, amount: PendingAmount): void {
    this.pendingAmounts.set(handle, amount);
  }
}

/**
 * Settles the lines whose currency was empty without a default (metrics.md §1): with exactly one
 * currency in the input they take it; with none, one issue names the first; with several, each is an
 * issue. Returns `kept` less the lines that could not be settled, settled ones replaced by `sink`.
 */
export function resolvePendingAmounts<T>(
  kept: T[],
  pending: ReadonlyMap<T, PendingAmount>,
  currencies: ReadonlySet<string>,
  source: string,
  report: (issue: ValidationIssue) => void,
  sink: SubscriptionLineSink<T>,
): T[] {
  if (pending.size === 0) return kept;
  const [only] = currencies;
  const issue = (item: PendingAmount, field: string, value: string, reason: string): void =>
    report({ source, row: item.row, ...(item.id === undefined ? {} : { id: item.id }), field, value, reason });
  if (currencies.size !== 1 || only === undefined) {
    const first = pending.values().next().value;
    if (currencies.size === 0 && first !== undefined) {
      // One issue, not one per row: the fix (a currency column or a default currency) is the same.
      issue(first, 'currency', '', 'no currency given: add a currency column or set a default currency (--currency)');
    } else {
      const names = [...currencies].sort().join(', ');
      for (const item of pending.values())
        issue(
          item,
          'currency',
          '',
          `currency is empty and the input has several (${names}): set it or a default currency`,
        );
    }
    return kept.filter((line) => !pending.has(line));
  }
  const exponent = currencyExponent(only);
  const resolved: T[] = [];
  for (const line of kept) {
    const item = pending.get(line);
    if (item === undefined) {
      resolved.push(line);
      continue;
    }
    const result = parseMinorUnits(item.text, exponent);
    if (result.ok) resolved.push(sink.settle(line, only, result.minor));
    else issue(item, item.field, item.text, PROBLEMS[result.problem](only, exponent));
  }
  return resolved;
}
