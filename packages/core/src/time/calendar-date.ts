/**
 * Calendar dates as integer day indices (days since 1970-01-01 in the proleptic Gregorian calendar).
 *
 * Dates in cskit are wall-calendar dates in the reporting time zone, never instants, so they are handled
 * with integer arithmetic only: no `Date` object can leak the host's local time into a result.
 */

/** Days since 1970-01-01 of a calendar date. */
export type DayIndex = number;

/** A calendar date split into its parts (month 1–12). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Whether `year` is a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day index of a calendar date.
 *
 * Uses Howard Hinnant's `days_from_civil`, exact for every Gregorian date, so no `Date` is needed.
 */
export function dayIndexOf(year: number, month: number, day: number): DayIndex {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day index (inverse of {@link dayIndexOf}). */
export function civilDateOf(dayIndex: DayIndex): CivilDate {
  const z = dayIndex + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * Reads a strict `YYYY-MM-DD` date (four-digit year, zero-padded month and day, a real calendar day).
 *
 * @returns the day index, or `undefined` when the text is not such a date (`2024-02-30`, `2024-1-5`,
 * `2024-01-05T00:00` are all rejected: dates in another format are errors, not guesses).
 */
export function parseDate(text: string): DayIndex | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y0 = digit(text, 0),
    y1 = digit(text, 1),
    y2 = digit(text, 2),
    y3 = digit(text, 3);
  const m0 = digit(text, 5),
    m1 = digit(text, 6),
    d0 = digit(text, 8),
    d1 = digit(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  return calendarDay(year, m0 * 10 + m1, d0 * 10 + d1);
}

/**
 * Day index of a date given by its parts, or `undefined` when it is no calendar day (month 13, 30
 * February): {@link parseDate} once the text is split, for readers that split it themselves.
 */
export function calendarDay(year: number, month: number, day: number): DayIndex | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const slot = year * 12 + month - 1 - TABLE_FIRST_MONTH;
  if (slot >= 0 && slot < TABLE_MONTHS) {
    // Reading a million lines parses two million dates: a table lookup beats the calendar arithmetic.
    const first = MONTH_STARTS[slot] as number;
    return day <= (MONTH_STARTS[slot + 1] as number) - first ? first + day - 1 : undefined;
  }
  if (day > daysInMonth(year, month)) return undefined;
  return dayIndexOf(year, month, day);
}

const TABLE_FIRST_MONTH = 1900 * 12;
const TABLE_MONTHS = 300 * 12;
/** Day index of the first day of each month from 1900-01 to 2200-01. */
const MONTH_STARTS = Int32Array.from({ length: TABLE_MONTHS + 1 }, (_, slot) => {
  const month = TABLE_FIRST_MONTH + slot;
  return dayIndexOf(Math.floor(month / 12), (month % 12) + 1, 1);
});

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats a day index as `YYYY-MM-DD`. */
export function formatDate(dayIndex: DayIndex): string {
  const { year, month, day } = civilDateOf(dayIndex);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Year × 12 + month − 1 of a date text already checked by {@link parseDate}, read straight from the
 * characters: the hot path of reading lines needs the month without building a date.
 */
export function monthIndexOfDateText(text: string): number {
  const year =
    (text.charCodeAt(0) - 48) * 1000 +
    (text.charCodeAt(1) - 48) * 100 +
    (text.charCodeAt(2) - 48) * 10 +
    (text.charCodeAt(3) - 48);
  return year * 12 + (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48) - 1;
}

/** Day of the month (1–31) of a date text already checked by {@link parseDate}. */
export function dayOfMonthOfDateText(text: string): number {
  return (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
}
