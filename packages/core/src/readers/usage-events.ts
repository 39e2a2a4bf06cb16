import type { UsageEvent } from '../model/usage-event.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readRecords } from './record-reader.js';
import { readDateField } from './survey-responses.js';

const NON_NEGATIVE_DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * Reads product usage events (metrics.md §1): `customer_id`, `date` (`YYYY-MM-DD`), `name` (all
 * required), `value` (a non-negative decimal, default 1), `user_id`.
 *
 * A negative `value` is an error: usage is counted (calls, minutes, exports), and a negative count is
 * a sign of a wrong column rather than something to subtract.
 *
 * @throws CskitValidationError with `onError: 'throw'` when any record is bad, and in both modes once
 * `limit` issues are found.
 */
export function readUsageEvents(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<UsageEvent> {
  return readRecords(records, options, (context) => {
    const customerId = context.field('customer_id');
    context.identify(customerId);
    if (customerId === undefined) context.report('customer_id', undefined, 'customer_id is required');
    const date = readDateField(context, 'date');
    const name = context.field('name');
    if (name === undefined) context.report('name', undefined, 'name is required');
    const valueText = context.field('value');
    let value = 1;
    if (valueText !== undefined) {
      value = NON_NEGATIVE_DECIMAL.test(valueText) ? Number(valueText) : Number.NaN;
      if (!Number.isFinite(value)) context.report('value', valueText, 'value must be a non-negative number');
    }
    if (customerId === undefined || date === undefined || name === undefined) return undefined;
    const userId = context.field('user_id');
    return { customerId, date, name, value, ...(userId === undefined ? {} : { userId }), row: context.row };
  });
}
