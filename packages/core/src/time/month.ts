import { civilDateOf, dayIndexOf, type DayIndex } from './calendar-date.js';

/**
 * Months as integers: `year × 12 + (month − 1)`, so month arithmetic is integer addition and a
 * series of months is a plain typed array indexed by `month − firstMonth`.
 */
export type MonthIndex = number;

/** Month index of a year and month (1–12). */
export function monthIndexOf(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

/** Month index containing a day. */
export function monthOfDay(dayIndex: DayIndex): MonthIndex {
  const { year, month } = civilDateOf(dayIndex);
  return year * 12 + month - 1;
}

/** Day index of the first day of a month. */
export function firstDayOfMonth(month: MonthIndex): DayIndex {
  return dayIndexOf(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** Day index of the last day of a month. */
export function lastDayOfMonth(month: MonthIndex): DayIndex {
  return firstDayOfMonth(month + 1) - 1;
}

/** `month` shifted by `count` months (negative goes back). */
export function addMonths(month: MonthIndex, count: number): MonthIndex {
  return month + count;
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: MonthIndex, to: MonthIndex): number {
  return to - from;
}

/**
 * Reads a strict `YYYY-MM` month.
 *
 * @returns the month index, or `undefined` when the text is not such a month.
 */
export function parseMonth(text: string): MonthIndex | undefined {
  if (!/^\d{4}-\d{2}$/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  if (month < 1 || month > 12) return undefined;
  return monthIndexOf(year, month);
}

/** Formats a month index as `YYYY-MM`. */
export function formatMonth(month: MonthIndex): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}
