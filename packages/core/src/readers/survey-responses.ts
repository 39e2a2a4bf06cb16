import type { CesResponse, CsatResponse, SurveyResponse } from '../model/survey-response.js';
import { parseDate } from '../time/calendar-date.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readRecords, type RecordContext } from './record-reader.js';

const INTEGER = /^\d+$/;

/**
 * Reads the required `date` field as a strict `YYYY-MM-DD` date and reports it when missing or in
 * another format (§10: dates in another format are errors, not guesses).
 *
 * @returns the text when it is a date, else `undefined`.
 * @internal shared by the survey, NPS, usage and churn-reason readers.
 */
export function readDateField(context: RecordContext, field: string): string | undefined {
  const text = context.field(field);
  if (text === undefined) context.report(field, undefined, `${field} is required`);
  else if (parseDate(text) === undefined) context.report(field, text, `${field} is not a calendar date YYYY-MM-DD`);
  else return text;
  return undefined;
}

/**
 * Reads a required integer score within [min, max] (§1: non-integer or out-of-range scores are errors).
 * `"9.0"` and `"+9"` are rejected too: a survey tool writes integers, and anything else hints at a
 * column mix-up.
 *
 * @internal shared by the survey and NPS readers.
 */
export function readScoreField(context: RecordContext, field: string, min: number, max: number): number | undefined {
  const text = context.field(field);
  if (text === undefined) {
    context.report(field, undefined, `${field} is required`);
    return undefined;
  }
  const value = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value)) context.report(field, text, `${field} must be an integer from ${min} to ${max}`);
  else if (value < min || value > max) context.report(field, text, `${field} must be from ${min} to ${max}`);
  else return value;
  return undefined;
}

function readSurvey(records: Iterable<CanonicalRecord>, options: ReadOptions, max: number): ReadResult<SurveyResponse> {
  return readRecords(records, options, (context) => {
    const date = readDateField(context, 'date');
    const score = readScoreField(context, 'score', 1, max);
    if (date === undefined || score === undefined) return undefined;
    const customerId = context.field('customer_id');
    const ticketId = context.field('ticket_id');
    return {
      date,
      score,
      ...(customerId === undefined ? {} : { customerId }),
      ...(ticketId === undefined ? {} : { ticketId }),
      row: context.row,
    };
  });
}

/**
 * Reads CSAT answers (metrics.md §1): `date` (`YYYY-MM-DD`, required), `score` (integer 1–5,
 * required), `customer_id`, `ticket_id`.
 *
 * @throws CskitValidationError with `onError: 'throw'` when any record is bad, and in both modes once
 * `limit` issues are found.
 */
export function readCsatResponses(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<CsatResponse> {
  return readSurvey(records, options, 5);
}

/**
 * Reads CES answers (metrics.md §1): as {@link readCsatResponses}, with `score` an integer 1–7.
 *
 * @throws CskitValidationError as {@link readCsatResponses} does.
 */
export function readCesResponses(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<CesResponse> {
  return readSurvey(records, options, 7);
}
