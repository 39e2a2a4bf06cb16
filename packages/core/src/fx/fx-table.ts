import type { FxRate } from '../model/fx-rate.js';
import { formatDate, parseDate, type DayIndex } from '../time/calendar-date.js';

/** A conversion that needs a rate the table does not have. */
export class MissingFxRateError extends Error {
  readonly currency: string;
  /** The date a rate on or before was needed, `YYYY-MM-DD`. */
  readonly date: string;
  readonly reportingCurrency: string;

  constructor(currency: string, date: string, reportingCurrency: string) {
    super(
      `No FX rate for ${currency} on or before ${date} (needed to convert ${currency} to ${reportingCurrency}); add one to the fx table`,
    );
    this.name = 'MissingFxRateError';
    this.currency = currency;
    this.date = date;
    this.reportingCurrency = reportingCurrency;
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
    if (day === undefined) throw new RangeError(`FX rate for ${currency} has an invalid date "${date}"`);
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
