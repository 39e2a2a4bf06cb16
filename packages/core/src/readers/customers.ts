import type { Customer } from '../model/customer.js';
import { assertTimeZone, parseTimestamp } from '../time/time-zone.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readRecords } from './record-reader.js';

const KNOWN = new Set(['customer_id', 'name', 'created_at']);

/**
 * Reads customers (metrics.md §1): `customer_id` (required, unique), `name`, `created_at` (ISO 8601
 * timestamp or date, converted to a date in `timeZone`); every other non-empty column becomes an
 * attribute.
 *
 * @throws CskitValidationError with `onError: 'throw'` when any record is bad, and in both modes once
 * `limit` issues are found.
 */
export function readCustomers(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<Customer> {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const firstRowOf = new Map<string, number>();
  return readRecords(records, options, (context, record) => {
    const customerId = context.field('customer_id');
    context.identify(customerId);
    if (customerId === undefined) {
      context.report('customer_id', undefined, 'customer_id is required');
    } else {
      const first = firstRowOf.get(customerId);
      if (first !== undefined)
        context.report('customer_id', customerId, `duplicate customer_id (first in row ${first})`);
      else firstRowOf.set(customerId, context.row);
    }
    const createdText = context.field('created_at');
    let createdAt: string | undefined;
    if (createdText !== undefined) {
      createdAt = parseTimestamp(createdText, timeZone)?.date;
      if (createdAt === undefined)
        context.report('created_at', createdText, 'created_at is not an ISO 8601 date or timestamp');
    }
    // fromEntries defines own properties: a column called `__proto__` is an attribute like any other
    // (an assignment would set the object's prototype instead).
    const attributes: Record<string, string> = Object.fromEntries(
      Object.keys(record).flatMap((key) => {
        const value = KNOWN.has(key) ? undefined : context.field(key);
        return value === undefined ? [] : [[key, value]];
      }),
    );
    if (customerId === undefined) return undefined;
    const name = context.field('name');
    return {
      customerId,
      ...(name === undefined ? {} : { name }),
      ...(createdAt === undefined ? {} : { createdAt }),
      attributes,
    };
  });
}
