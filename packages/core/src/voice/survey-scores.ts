import { quoteValue } from '../validation/quote-value.js';
import type { SurveyResponse } from '../model/survey-response.js';
import { dayRangeOf, monthRangeOf, type DateRange, type MonthRange } from '../stats/period.js';
import { parseDate } from '../time/calendar-date.js';
import { formatMonth, monthOfDay } from '../time/month.js';

/** CSAT of a set of answers (metrics.md §3). */
export interface CsatResult {
  /** Answers scoring 4 or 5 ÷ answers, a fraction; `null` without answers. */
  score: number | null;
  responses: number;
  /** Answers scoring 4 or 5. */
  satisfied: number;
}

/** CES of a set of answers (metrics.md §3). */
export interface CesResult {
  /** Mean score (1–7); `null` without answers. */
  score: number | null;
  responses: number;
}

/** CSAT of one month. */
export interface CsatMonth extends CsatResult {
  /** `YYYY-MM`. */
  month: string;
}

/** CES of one month. */
export interface CesMonth extends CesResult {
  /** `YYYY-MM`. */
  month: string;
}

/** Options of {@link csat} and {@link ces}. */
export interface SurveyScoreOptions {
  /** Days whose answers count, both ends included (default: every answer). */
  period?: DateRange;
}

/**
 * Calls `visit` with the day and score of each answer, after checking both.
 *
 * CSAT and CES are per interaction (usually per ticket), so, unlike NPS, repeated answers of a
 * customer all count: there is no respondent to deduplicate.
 */
function eachAnswer(
  kind: string,
  max: number,
  responses: readonly SurveyResponse[],
  visit: (day: number, score: number) => void,
): void {
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i] as SurveyResponse;
    const where = response.row === undefined ? `${kind} response ${i}` : `${kind} response in row ${response.row}`;
    const day = parseDate(response.date);
    if (day === undefined) throw new RangeError(`${where}: date ${quoteValue(response.date)} is not YYYY-MM-DD`);
    if (!Number.isInteger(response.score) || response.score < 1 || response.score > max) {
      throw new RangeError(`${where}: score ${response.score} is not an integer from 1 to ${max}`);
    }
    visit(day, response.score);
  }
}

function inPeriod(period: DateRange | undefined): (day: number) => boolean {
  if (period === undefined) return () => true;
  const [from, to] = dayRangeOf(period);
  return (day) => day >= from && day <= to;
}

/**
 * CSAT (metrics.md §3): answers scoring 4 or 5 ÷ answers, over the answers dated in `period`.
 * Example: scores 5, 4, 3, 1 → 2 ÷ 4 = 0.5.
 *
 * @throws RangeError for a malformed period, date, or a score that is not an integer 1–5.
 */
export function csat(responses: readonly SurveyResponse[], options: SurveyScoreOptions = {}): CsatResult {
  const counts = inPeriod(options.period);
  let total = 0,
    satisfied = 0;
  eachAnswer('CSAT', 5, responses, (day, score) => {
    if (!counts(day)) return;
    total++;
    if (score >= 4) satisfied++;
  });
  return { score: total === 0 ? null : satisfied / total, responses: total, satisfied };
}

/**
 * CES (metrics.md §3): the mean score over the answers dated in `period`.
 * Example: scores 7, 5, 3 → 15 ÷ 3 = 5.
 *
 * @throws RangeError for a malformed period, date, or a score that is not an integer 1–7.
 */
export function ces(responses: readonly SurveyResponse[], options: SurveyScoreOptions = {}): CesResult {
  const counts = inPeriod(options.period);
  let total = 0,
    sum = 0;
  eachAnswer('CES', 7, responses, (day, score) => {
    if (!counts(day)) return;
    total++;
    sum += score;
  });
  return { score: total === 0 ? null : sum / total, responses: total };
}

/**
 * CSAT per month from `from` to `to`; a month without answers has `score: null`.
 *
 * @throws RangeError as {@link csat} does, or for a malformed month range.
 */
export function csatByMonth(responses: readonly SurveyResponse[], months: MonthRange): CsatMonth[] {
  const [first, last] = monthRangeOf(months);
  const total = new Float64Array(last - first + 1);
  const satisfied = new Float64Array(last - first + 1);
  eachAnswer('CSAT', 5, responses, (day, score) => {
    const at = monthOfDay(day) - first;
    if (at < 0 || at >= total.length) return;
    total[at] = (total[at] as number) + 1;
    if (score >= 4) satisfied[at] = (satisfied[at] as number) + 1;
  });
  return Array.from(total, (count, at) => {
    const good = satisfied[at] as number;
    return {
      month: formatMonth(first + at),
      score: count === 0 ? null : good / count,
      responses: count,
      satisfied: good,
    };
  });
}

/**
 * CES per month from `from` to `to`; a month without answers has `score: null`.
 *
 * @throws RangeError as {@link ces} does, or for a malformed month range.
 */
export function cesByMonth(responses: readonly SurveyResponse[], months: MonthRange): CesMonth[] {
  const [first, last] = monthRangeOf(months);
  const total = new Float64Array(last - first + 1);
  const sum = new Float64Array(last - first + 1);
  eachAnswer('CES', 7, responses, (day, score) => {
    const at = monthOfDay(day) - first;
    if (at < 0 || at >= total.length) return;
    total[at] = (total[at] as number) + 1;
    sum[at] = (sum[at] as number) + score;
  });
  return Array.from(total, (count, at) => ({
    month: formatMonth(first + at),
    score: count === 0 ? null : (sum[at] as number) / count,
    responses: count,
  }));
}
