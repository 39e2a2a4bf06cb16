import type { ChurnReason } from '../model/churn-reason.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { parseBoolean, readRecords } from './record-reader.js';
import { readDateField } from './survey-responses.js';

/**
 * Reads churn reasons (metrics.md §1): `customer_id`, `date` (`YYYY-MM-DD`), `reason` (all required),
 * `voluntary` (`true/false/1/0/yes/no`, any case; empty = unknown), `comment`.
 *
 * @throws CskitValidationError with `onError: 'throw'` when any record is bad, and in both modes once
 * `limit` issues are found.
 */
export function readChurnReasons(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<ChurnReason> {
  return readRecords(records, options, (context) => {
    const customerId = context.field('customer_id');
    context.identify(customerId);
    if (customerId === undefined) context.report('customer_id', undefined, 'customer_id is required');
    const date = readDateField(context, 'date');
    const reason = context.field('reason');
    if (reason === undefined) context.report('reason', undefined, 'reason is required');
    const voluntaryText = context.field('voluntary');
    const voluntary = voluntaryText === undefined ? undefined : parseBoolean(voluntaryText);
    if (voluntaryText !== undefined && voluntary === undefined) {
      context.report('voluntary', voluntaryText, 'voluntary must be true/false, 1/0 or yes/no');
    }
    if (customerId === undefined || date === undefined || reason === undefined) return undefined;
    const comment = context.field('comment');
    return {
      customerId,
      date,
      reason,
      ...(voluntary === undefined ? {} : { voluntary }),
      ...(comment === undefined ? {} : { comment }),
      row: context.row,
    };
  });
}
