import type { NpsResponse } from '../model/nps-response.js';
import { parseDate } from '../time/calendar-date.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readRecords } from './record-reader.js';

/**
 * Reads NPS responses (metrics.md §1): `date` (`YYYY-MM-DD`) and `score` (integer 0–10) required;
 * `customer_id`, `respondent_id`, `comment` optional.
 *
 * @throws CskitValidationError as {@link readCustomers} does.
 */
export function readNpsResponses(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<NpsResponse> {
  return readRecords(records, options, (context) => {
    const respondentId = context.field('respondent_id');
    const customerId = context.field('customer_id');
    context.identify(respondentId ?? customerId);
    const date = context.field('date');
    if (date === undefined) context.report('date', undefined, 'date is required');
    else if (parseDate(date) === undefined) context.report('date', date, 'date is not a calendar date YYYY-MM-DD');
    const scoreText = context.field('score');
    const score = scoreText !== undefined && /^\d{1,2}$/.test(scoreText) ? Number(scoreText) : Number.NaN;
    if (!(score >= 0 && score <= 10)) context.report('score', scoreText, 'score must be an integer from 0 to 10');
    if (date === undefined) return undefined;
    const comment = context.field('comment');
    return {
      date,
      score,
      ...(customerId === undefined ? {} : { customerId }),
      ...(respondentId === undefined ? {} : { respondentId }),
      ...(comment === undefined ? {} : { comment }),
      row: context.row,
    };
  });
}
