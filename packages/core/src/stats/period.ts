import { quoteValue } from '../validation/quote-value.js';
import { parseDate, type DayIndex } from '../time/calendar-date.js';
import { parseMonth, type MonthIndex } from '../time/month.js';

/** A period of calendar days, both ends included: `{ from: '2024-01-01', to: '2024-03-31' }`. */
export interface DateRange {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day (included), `YYYY-MM-DD`. */
  readonly to: string;
}

/** A run of report months, both ends included: `{ from: '2024-01', to: '2024-12' }`. */
export interface MonthRange {
  /** First month, `YYYY-MM`. */
  readonly from: string;
  /** Last month (included), `YYYY-MM`. */
  readonly to: string;
}

/**
 * Day indices of a {@link DateRange}.
 *
 * @throws RangeError when an end is not a `YYYY-MM-DD` date or `to` is before `from`: options are the
 * caller's code, not data, so they fail loudly.
 */
export function dayRangeOf(range: DateRange): readonly [DayIndex, DayIndex] {
  const from = parseDate(range.from);
  const to = parseDate(range.to);
  if (from === undefined) throw new RangeError(`Period start ${quoteValue(range.from)} is not a date YYYY-MM-DD`);
  if (to === undefined) throw new RangeError(`Period end ${quoteValue(range.to)} is not a date YYYY-MM-DD`);
  if (to < from) throw new RangeError(`Period end ${range.to} is before its start ${range.from}`);
  return [from, to];
}

/**
 * Month indices of a {@link MonthRange}.
 *
 * @throws RangeError when an end is not a `YYYY-MM` month or `to` is before `from`.
 */
export function monthRangeOf(range: MonthRange): readonly [MonthIndex, MonthIndex] {
  const from = parseMonth(range.from);
  const to = parseMonth(range.to);
  if (from === undefined) throw new RangeError(`First month ${quoteValue(range.from)} is not a month YYYY-MM`);
  if (to === undefined) throw new RangeError(`Last month ${quoteValue(range.to)} is not a month YYYY-MM`);
  if (to < from) throw new RangeError(`Last month ${range.to} is before the first ${range.from}`);
  return [from, to];
}
