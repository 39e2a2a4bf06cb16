import { quoteValue } from '../validation/quote-value.js';
import type { FxRate } from '../model/fx-rate.js';
import { formatDate, parseDate, type DayIndex } from '../time/calendar-date.js';

/** The record whose conversion needed a missing rate: its row (and id), and the file it came from. */
export interface FxRecordLocation {
  /** What the record is, for messages without a file name: `subscription line`, `CS cost`. */
  readonly kind: string;
  /** The input's name, usually its file name (`subs.csv`), when known. */
  readonly source?: string | undefined;
  /** Row number in the source (the header is row 1). */
  readonly row?: number | undefined;
  /** The record's id (`line_id`), when it has one. */
  readonly id?: string | undefined;
}

function locationText(record: FxRecordLocation): string {
  const row = record.row === undefined ? '' : ` row ${record.row}`;
  const id =
    record.id === undefined
      ? ''
      : ` (${record.kind === 'subscription line' ? 'line_id' : 'id'} ${quoteValue(record.id)})`;
  return record.source !== undefined
    ? `${record.source}${row}${id}`
    : `${record.kind}${row === '' ? '' : ` in${row}`}${id}`;
}

/**
 * A conversion that needs a rate the table does not have. The message names the currency and date,
 * and, when the error comes from a record's conversion, the file (when known) and row of that record
 * (metrics.md §0, §11): `subs.csv row 3: No FX rate for EUR on or before 2024-01-01 …`.
 */
export class MissingFxRateError extends Error {
  readonly currency: string;
  /** The date a rate on or before was needed, `YYYY-MM-DD`. */
  readonly date: string;
  readonly reportingCurrency: string;
  /** The record that needed the rate, when known. */
  readonly record: FxRecordLocation | undefined;

  constructor(currency: string, date: string, reportingCurrency: string, record?: FxRecordLocation) {
    super(
      `${record === undefined ? '' : `${locationText(record)}: `}No FX rate for ${currency} on or before ${date} (needed to convert ${currency} to ${reportingCurrency}); add one to the fx table`,
    );
    this.name = 'MissingFxRateError';
    this.currency = currency;
    this.date = date;
    this.reportingCurrency = reportingCurrency;
    this.record = record;
  }

  /** The same error naming the record that needed the rate. */
  forRecord(record: FxRecordLocation): MissingFxRateError {
    return new MissingFxRateError(this.currency, this.date, this.reportingCurrency, record);
  }

  /** The same error with the record's file name (a command line tool knows it; the core does not). */
  inSource(source: string): MissingFxRateError {
    return new MissingFxRateError(this.currency, this.date, this.reportingCurrency, {
      kind: this.record?.kind ?? 'record',
      ...this.record,
      source,
    });
  }
}

interface CurrencyRates {
  readonly days: Int32Array;
  readonly rates: Float64Array;
}

/** Exchange rates into one reporting currency, looked up by date. */
export interface FxTable {
  /** The currency every rate converts to. */
  readonly reportingCurrency: string;
  /** Currencies the table can convert from. */
  readonly currencies: ReadonlySet<string>;
  /**
   * The latest rate on or before `day` for `currency` (1 for the reporting currency itself).
   *
   * @throws MissingFxRateError naming currency and date when there is none.
   */
  rateOn(currency: string, day: DayIndex): number;
}

/**
 * Builds an {@link FxTable}. Rates for the reporting currency itself are ignored (they can only be 1).
 *
 * @throws RangeError for an invalid date or rate, or two rates of one currency on one date.
 */
export function createFxTable(rates: readonly FxRate[], reportingCurrency: string): FxTable {
  const grouped = new Map<string, { day: number; rate: number }[]>();
  for (const { date, currency, rate } of rates) {
    if (currency === reportingCurrency) continue;
    const day = parseDate(date);
    if (day === undefined) throw new RangeError(`FX rate for ${currency} has an invalid date ${quoteValue(date)}`);
    if (!(rate > 0) || !Number.isFinite(rate))
      throw new RangeError(`FX rate for ${currency} on ${date} must be a positive number`);
    let list = grouped.get(currency);
    if (list === undefined) grouped.set(currency, (list = []));
    list.push({ day, rate });
  }
  const table = new Map<string, CurrencyRates>();
  for (const [currency, list] of grouped) {
    list.sort((a, b) => a.day - b.day);
    for (let i = 1; i < list.length; i++) {
      if (list[i]?.day === list[i - 1]?.day)
        throw new RangeError(`Two FX rates for ${currency} on ${formatDate(list[i]?.day ?? 0)}`);
    }
    table.set(currency, { days: Int32Array.from(list, (r) => r.day), rates: Float64Array.from(list, (r) => r.rate) });
  }
  return {
    reportingCurrency,
    currencies: new Set(table.keys()),
    rateOn(currency, day) {
      if (currency === reportingCurrency) return 1;
      const entry = table.get(currency);
      // Binary search for the last rate dated on or before `day`.
      let lo = 0;
      let hi = entry === undefined ? 0 : entry.days.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((entry?.days[mid] ?? 0) <= day) lo = mid + 1;
        else hi = mid;
      }
      const rate = lo === 0 ? undefined : entry?.rates[lo - 1];
      if (rate === undefined) throw new MissingFxRateError(currency, formatDate(day), reportingCurrency);
      return rate;
    },
  };
}
