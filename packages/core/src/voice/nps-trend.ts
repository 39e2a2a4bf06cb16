import type { NpsResponse } from '../model/nps-response.js';
import { monthRangeOf, type MonthRange } from '../stats/period.js';
import { formatMonth, monthOfDay } from '../time/month.js';
import { prepareNps, tallyNps, type NpsDedupe, type NpsResult } from './nps.js';

/** Options of {@link npsTrend} and {@link npsByMonth}: the months reported and how each is counted. */
export interface NpsTrendOptions extends MonthRange {
  /**
   * Months in each point's window, ending with the point's month (default 1: the month alone).
   * With 3, the point of March counts the answers of January to March. The window is the period of
   * §3, so deduplication applies across the whole window: a respondent who answered in January and
   * March counts once, with the March answer. Answers before `from` fill the first windows.
   */
  windowMonths?: number;
  /** Default `'latest'`. */
  dedupe?: NpsDedupe;
}

/** One point of an NPS trend. */
export interface NpsMonth extends NpsResult {
  /** The month reported, `YYYY-MM`. */
  month: string;
  /** First month of its window, `YYYY-MM` (equal to `month` with `windowMonths: 1`). */
  windowStart: string;
}

/** The `nps` object of a report month (shared/spec/report.md): an NPS with at least one answer. */
export interface NpsSummary {
  score: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * NPS per month from `from` to `to` (metrics.md §3), each over its window of `windowMonths` months.
 * Every month of the range has a point, with `score: null` when its window has no answers.
 *
 * @throws RangeError for a malformed month range, a `windowMonths` that is not a positive integer, or
 * a malformed answer.
 */
export function npsTrend(responses: readonly NpsResponse[], options: NpsTrendOptions): NpsMonth[] {
  const [first, last] = monthRangeOf(options);
  const window = options.windowMonths ?? 1;
  if (!Number.isSafeInteger(window) || window < 1)
    throw new RangeError(`windowMonths must be a positive integer, got ${window}`);
  const data = prepareNps(responses);
  // Bucket answers by month once; each point then gathers its window's buckets.
  const start = first - window + 1;
  const buckets: number[][] = Array.from({ length: last - start + 1 }, () => []);
  for (let i = 0; i < data.length; i++) {
    const month = monthOfDay(data.day[i] as number);
    if (month >= start && month <= last) (buckets[month - start] as number[]).push(i);
  }
  const points: NpsMonth[] = [];
  for (let month = first; month <= last; month++) {
    const from = month - window + 1;
    const indices: number[] = [];
    for (let m = from; m <= month; m++) for (const i of buckets[m - start] as number[]) indices.push(i);
    points.push({
      month: formatMonth(month),
      windowStart: formatMonth(from),
      ...tallyNps(data, indices, options.dedupe),
    });
  }
  return points;
}

/**
 * The report's `nps` value of each month from `from` to `to` (shared/spec/report.md), in order:
 * `{ score, responses, promoters, passives, detractors }`, or `null` for a month without answers.
 * Element `i` belongs to month `from + i`.
 *
 * Example: `npsByMonth(responses, { from: '2024-01', to: '2024-12' })` gives twelve values.
 *
 * @throws RangeError as {@link npsTrend} does.
 */
export function npsByMonth(responses: readonly NpsResponse[], options: NpsTrendOptions): (NpsSummary | null)[] {
  return npsTrend(responses, options).map(({ score, responses: count, promoters, passives, detractors }) =>
    score === null ? null : { score, responses: count, promoters, passives, detractors },
  );
}
