import { quoteValue } from '../validation/quote-value.js';
import { dayIndexOf, formatDate, parseDate, type DayIndex } from './calendar-date.js';

// Building an Intl.DateTimeFormat costs far more than formatting with it, and a report converts
// thousands of timestamps in the same zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(
        `Unknown time zone ${quoteValue(timeZone)}: use an IANA name such as "UTC" or "Europe/Berlin"`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Checks that `timeZone` is an IANA time zone this runtime knows.
 *
 * @throws RangeError naming the zone when it is unknown.
 */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        clock.year = Number(part.value);
        break;
      case 'month':
        clock.month = Number(part.value);
        break;
      case 'day':
        clock.day = Number(part.value);
        break;
      case 'hour':
        clock.hour = Number(part.value);
        break;
      case 'minute':
        clock.minute = Number(part.value);
        break;
      case 'second':
        clock.second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return clock;
}

/** Calendar day (day index) of an instant in an IANA time zone. */
export function dayInTimeZone(epochMs: number, timeZone: string): DayIndex {
  const { year, month, day } = wallClockAt(epochMs, timeZone);
  return dayIndexOf(year, month, day);
}

/** Calendar date `YYYY-MM-DD` of an instant in an IANA time zone. */
export function dateInTimeZone(epochMs: number, timeZone: string): string {
  return formatDate(dayInTimeZone(epochMs, timeZone));
}

function offsetMsAt(epochMs: number, timeZone: string): number {
  const c = wallClockAt(epochMs, timeZone);
  const wallAsUtc = dayIndexOf(c.year, c.month, c.day) * 86_400_000 + ((c.hour * 60 + c.minute) * 60 + c.second) * 1000;
  return wallAsUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** A timestamp read by {@link parseTimestamp}. */
export interface ParsedTimestamp {
  /** The instant, in milliseconds since the Unix epoch. */
  readonly epochMs: number;
  /** The calendar date of the instant in the reporting time zone. */
  readonly date: string;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads an ISO 8601 timestamp (or a bare `YYYY-MM-DD` date, read as its midnight) and converts it to
 * a calendar date in `timeZone`.
 *
 * A timestamp without an offset is a wall-clock time in `timeZone`; one with `Z` or `±hh:mm` is an
 * instant. Around daylight-saving changes a wall time is read as `Temporal`'s `compatible`
 * disambiguation does: a repeated time is the earlier instant, a skipped time uses the offset before
 * the change (02:30 on a spring-forward night is 03:30 of the new offset).
 *
 * @returns `undefined` when the text is not such a timestamp.
 */
export function parseTimestamp(text: string, timeZone: string): ParsedTimestamp | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', offset] = match;
  const day = parseDate(`${y}-${mo}-${d}`);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const wallMs =
    day * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
  if (offset === undefined) {
    // A wall time in the zone already names its calendar date; the instant needs the zone's offset.
    // Real zones change offset at most once around a given wall time, so the offsets a day before and
    // a day after are the only candidates.
    const before = wallMs - offsetMsAt(wallMs - 86_400_000, timeZone);
    const after = wallMs - offsetMsAt(wallMs + 86_400_000, timeZone);
    const fits = (epochMs: number): boolean => epochMs + offsetMsAt(epochMs, timeZone) === wallMs;
    // Repeated hour: the earlier instant; skipped hour: the offset in force before the change.
    // Both are Temporal's "compatible" disambiguation.
    const epochMs = fits(before) || !fits(after) ? before : after;
    return { epochMs, date: formatDate(day) };
  }
  let offsetMs = 0;
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    const oh = Number(digits.slice(1, 3)),
      om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) return undefined;
    offsetMs = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const epochMs = wallMs - offsetMs;
  return { epochMs, date: dateInTimeZone(epochMs, timeZone) };
}
