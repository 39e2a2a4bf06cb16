import { quoteValue } from '../validation/quote-value.js';
import type { NpsResponse } from '../model/nps-response.js';
import { dayRangeOf, type DateRange } from '../stats/period.js';
import { parseDate, type DayIndex } from '../time/calendar-date.js';

/**
 * How repeated answers of one respondent within a period count (metrics.md §3):
 * `'latest'` (default) keeps only the latest answer, and of two on one date the later row;
 * `'none'` counts every answer.
 */
export type NpsDedupe = 'latest' | 'none';

/** The three NPS categories: promoters score 9–10, passives 7–8, detractors 0–6. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** NPS of a set of answers; `score` is `null` when there are none. */
export interface NpsResult {
  /** `100 × (promoters − detractors) ÷ responses`, in [−100, 100], unrounded. */
  score: number | null;
  /** Answers counted (after deduplication); passives are part of it. */
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Options of {@link npsForPeriod}. */
export interface NpsOptions {
  /** Days whose answers count, both ends included (default: every answer). */
  period?: DateRange;
  /** Default `'latest'`. */
  dedupe?: NpsDedupe;
}

/** Category of an NPS score (an integer 0–10). */
export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS answers in columns, read once: day indices, scores, an integer per respondent and the order of
 * rows, so periods and windows are tallied without strings or `Date` objects.
 *
 * @internal
 */
export interface PreparedNps {
  readonly length: number;
  readonly day: Int32Array;
  readonly score: Uint8Array;
  /** Respondent number: equal for answers of one respondent; unique for an anonymous answer. */
  readonly respondent: Int32Array;
  /** Later answers of one respondent on one date win: the row, else the position in the input. */
  readonly sequence: Float64Array;
}

/**
 * Checks and columnises NPS answers.
 *
 * The respondent is `respondentId`, else `customerId`, else the answer alone (§3). Answers that
 * share neither are never merged, which is why an anonymous answer gets a number of its own.
 *
 * @throws RangeError naming the answer when a date is not `YYYY-MM-DD` or a score is not an integer
 * 0–10: readers reject such records, so this only fires for hand-built input, which must not turn into
 * a silent wrong number.
 * @internal
 */
export function prepareNps(responses: readonly NpsResponse[]): PreparedNps {
  const length = responses.length;
  const day = new Int32Array(length);
  const score = new Uint8Array(length);
  const respondent = new Int32Array(length);
  const sequence = new Float64Array(length);
  const numberOf = new Map<string, number>();
  let next = 0;
  for (let i = 0; i < length; i++) {
    const response = responses[i] as NpsResponse;
    const where = response.row === undefined ? `NPS response ${i}` : `NPS response in row ${response.row}`;
    const parsed = parseDate(response.date);
    if (parsed === undefined) throw new RangeError(`${where}: date ${quoteValue(response.date)} is not YYYY-MM-DD`);
    if (!Number.isInteger(response.score) || response.score < 0 || response.score > 10) {
      throw new RangeError(`${where}: score ${response.score} is not an integer from 0 to 10`);
    }
    day[i] = parsed;
    score[i] = response.score;
    const key = response.respondentId ?? response.customerId;
    let number = key === undefined ? undefined : numberOf.get(key);
    if (number === undefined) {
      number = next++;
      if (key !== undefined) numberOf.set(key, number);
    }
    respondent[i] = number;
    sequence[i] = response.row ?? i;
  }
  return { length, day, score, respondent, sequence };
}

/** Whether answer `a` replaces answer `b` of the same respondent under `'latest'`. */
function isLater(data: PreparedNps, a: number, b: number): boolean {
  const dayA = data.day[a] as number,
    dayB = data.day[b] as number;
  if (dayA !== dayB) return dayA > dayB;
  const seqA = data.sequence[a] as number,
    seqB = data.sequence[b] as number;
  // Equal rows only happen when sources are merged: the later position in the input then wins.
  return seqA !== seqB ? seqA > seqB : a > b;
}

/**
 * Tallies the answers at `indices` (already restricted to the period).
 *
 * @internal
 */
export function tallyNps(data: PreparedNps, indices: Iterable<number>, dedupe: NpsDedupe = 'latest'): NpsResult {
  let kept: Iterable<number> = indices;
  if (dedupe === 'latest') {
    const latest = new Map<number, number>();
    for (const i of indices) {
      const who = data.respondent[i] as number;
      const current = latest.get(who);
      if (current === undefined || isLater(data, i, current)) latest.set(who, i);
    }
    kept = latest.values();
  } else if (dedupe !== 'none') {
    throw new RangeError(`Unknown dedupe ${quoteValue(String(dedupe))} (expected 'latest' or 'none')`);
  }
  let promoters = 0,
    passives = 0,
    detractors = 0;
  for (const i of kept) {
    const score = data.score[i] as number;
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const responses = promoters + passives + detractors;
  // 100 × (P − D) is an exact integer, so the one division rounds once.
  const score = responses === 0 ? null : (100 * (promoters - detractors)) / responses;
  return { score, responses, promoters, passives, detractors };
}

/**
 * NPS of the answers dated in a period (metrics.md §3): promoters (9–10) minus detractors (0–6), as a
 * share of all answers counted, × 100. With `dedupe: 'latest'` (default) a respondent who answered
 * several times in the period counts once, with the latest answer (of two on one date, the later
 * row). Passives count in the denominator.
 *
 * Example: scores 10, 9, 8, 3 from four respondents → (2 − 1) ÷ 4 × 100 = 25.
 *
 * @throws RangeError for a malformed `period` or answer (see {@link prepareNps}).
 */
export function npsForPeriod(responses: readonly NpsResponse[], options: NpsOptions = {}): NpsResult {
  const data = prepareNps(responses);
  const [from, to]: readonly [DayIndex, DayIndex] =
    options.period === undefined ? [-Infinity, Infinity] : dayRangeOf(options.period);
  const indices: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const day = data.day[i] as number;
    if (day >= from && day <= to) indices.push(i);
  }
  return tallyNps(data, indices, options.dedupe);
}
