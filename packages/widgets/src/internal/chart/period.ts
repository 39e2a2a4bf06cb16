/**
 * Periods are the x keys of every trend chart: `YYYY-MM` (a month) or `YYYY-MM-DD` (a day), as in the
 * report JSON. Labels go through `Intl.DateTimeFormat` in UTC, so the host's time zone never moves a
 * month (metrics.md §0).
 */
import { intlLocale } from '../intl-locale.js';
import type { TableLabel } from './data-table.js';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

/** Whether `value` is a `YYYY-MM` or `YYYY-MM-DD` string. */
export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD.test(value);
}

/** How much room a label has: `axis` is the shortest form, `long` the one for tooltips and tables. */
export type PeriodStyle = 'axis' | 'long';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, day: boolean, style: PeriodStyle): Intl.DateTimeFormat {
  const key = `${locale}|${day ? 'd' : 'm'}|${style}`;
  let result = formatters.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: 'UTC',
      year: style === 'axis' ? '2-digit' : 'numeric',
      month: style === 'axis' || day ? 'short' : 'long',
      ...(day ? { day: 'numeric' } : {}),
    });
    formatters.set(key, result);
  }
  return result;
}

/** A period as a table's row header: its long label shown, the period itself (`2024-03`) exported. */
export function periodCell(period: string, locale: string): TableLabel {
  return { label: periodLabel(period, locale, 'long'), raw: period };
}

/** A period as a localised label ("Jan 24", "January 2024", "3 Jan 2024"). Unknown shapes pass through. */
export function periodLabel(period: string, locale: string, style: PeriodStyle): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const [, year, month, day] = match;
  const date = Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1);
  return formatter(locale, day !== undefined, style).format(date);
}

const spans = new Map<string, Intl.NumberFormat>();

/** "12 months" / "12 miesięcy" / "365 days": how long a series of periods spans, with Intl's plurals. */
export function spanLabel(periods: readonly string[], locale: string): string {
  const day = (periods[0]?.length ?? 0) > 7;
  const key = `${locale}|${day ? 'd' : 'm'}`;
  let result = spans.get(key);
  if (!result) {
    result = new Intl.NumberFormat(intlLocale(locale), {
      style: 'unit',
      unit: day ? 'day' : 'month',
      unitDisplay: 'long',
    });
    spans.set(key, result);
  }
  return result.format(periods.length);
}
