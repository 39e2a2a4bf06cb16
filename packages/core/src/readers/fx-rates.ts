import type { FxRate } from '../model/fx-rate.js';
import { isCurrencyCode } from '../money/currencies.js';
import { parseDate } from '../time/calendar-date.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readRecords } from './record-reader.js';

const RATE = /^\d+(\.\d+)?$/;

/**
 * Reads exchange rates (columns `date`, `currency`, `rate`): one unit of `currency` is worth `rate`
 * units of the reporting currency from `date` on. A second rate for the same currency and date is an
 * error.
 *
 * @throws CskitValidationError as {@link readCustomers} does.
 */
export function readFxRates(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<FxRate> {
  const firstRowOf = new Map<string, number>();
  return readRecords(records, options, (context) => {
    const dateText = context.field('date');
    const currencyText = context.field('currency');
    const rateText = context.field('rate');
    const currency = currencyText?.toUpperCase();
    if (dateText === undefined) context.report('date', undefined, 'date is required');
    else if (parseDate(dateText) === undefined)
      context.report('date', dateText, 'date is not a calendar date YYYY-MM-DD');
    if (currency === undefined) context.report('currency', undefined, 'currency is required');
    else if (!isCurrencyCode(currency))
      context.report('currency', currencyText, 'unknown currency code (expected ISO 4217, e.g. EUR)');
    const rate = rateText !== undefined && RATE.test(rateText) ? Number(rateText) : Number.NaN;
    if (!(rate > 0)) context.report('rate', rateText, 'rate must be a positive decimal number');
    if (dateText === undefined || currency === undefined) return undefined;
    const key = `${currency} ${dateText}`;
    const first = firstRowOf.get(key);
    if (first !== undefined)
      context.report('date', dateText, `duplicate rate for ${currency} on ${dateText} (first in row ${first})`);
    else firstRowOf.set(key, context.row);
    return { date: dateText, currency, rate };
  });
}
