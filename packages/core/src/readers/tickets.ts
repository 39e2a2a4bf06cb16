import type { Ticket } from '../model/ticket.js';
import { assertTimeZone, parseTimestamp, type ParsedTimestamp } from '../time/time-zone.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import type { RecordContext } from './record-reader.js';
import { readRecords } from './record-reader.js';

function readTimestamp(context: RecordContext, field: string, timeZone: string): ParsedTimestamp | undefined {
  const text = context.field(field);
  if (text === undefined) return undefined;
  const parsed = parseTimestamp(text, timeZone);
  if (parsed === undefined) context.report(field, text, `${field} is not an ISO 8601 timestamp`);
  return parsed;
}

/**
 * Reads support tickets (metrics.md §1, §4): `ticket_id` (unique) and `created_at` required;
 * `customer_id`, `first_response_at`, `resolved_at` (not before `created_at`), `priority`,
 * `satisfaction` (integer 1–5), `handle_minutes` (non-negative) optional. Timestamps without an
 * offset are read in `timeZone`.
 *
 * @throws CskitValidationError as {@link readCustomers} does.
 */
export function readTickets(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<Ticket> {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const firstRowOf = new Map<string, number>();
  return readRecords(records, options, (context) => {
    const ticketId = context.field('ticket_id');
    context.identify(ticketId);
    if (ticketId === undefined) context.report('ticket_id', undefined, 'ticket_id is required');
    else {
      const first = firstRowOf.get(ticketId);
      if (first !== undefined) context.report('ticket_id', ticketId, `duplicate ticket_id (first in row ${first})`);
      else firstRowOf.set(ticketId, context.row);
    }
    const created = readTimestamp(context, 'created_at', timeZone);
    if (context.field('created_at') === undefined) context.report('created_at', undefined, 'created_at is required');
    const firstResponse = readTimestamp(context, 'first_response_at', timeZone);
    const resolved = readTimestamp(context, 'resolved_at', timeZone);
    for (const [field, value] of [
      ['first_response_at', firstResponse],
      ['resolved_at', resolved],
    ] as const) {
      if (value !== undefined && created !== undefined && value.epochMs < created.epochMs) {
        context.report(field, context.field(field), `${field} is before created_at`);
      }
    }
    const satisfactionText = context.field('satisfaction');
    const satisfaction =
      satisfactionText === undefined
        ? undefined
        : /^\d$/.test(satisfactionText)
          ? Number(satisfactionText)
          : Number.NaN;
    if (satisfaction !== undefined && !(satisfaction >= 1 && satisfaction <= 5))
      context.report('satisfaction', satisfactionText, 'satisfaction must be an integer from 1 to 5');
    const handleText = context.field('handle_minutes');
    const handleMinutes =
      handleText === undefined ? undefined : /^\d+(\.\d+)?$/.test(handleText) ? Number(handleText) : Number.NaN;
    if (handleMinutes !== undefined && !(handleMinutes >= 0))
      context.report('handle_minutes', handleText, 'handle_minutes must be a non-negative number');
    if (ticketId === undefined || created === undefined) return undefined;
    const customerId = context.field('customer_id');
    const priority = context.field('priority');
    return {
      ticketId,
      createdAt: created.epochMs,
      createdDate: created.date,
      ...(customerId === undefined ? {} : { customerId }),
      ...(firstResponse === undefined ? {} : { firstResponseAt: firstResponse.epochMs }),
      ...(resolved === undefined ? {} : { resolvedAt: resolved.epochMs }),
      ...(priority === undefined ? {} : { priority }),
      ...(satisfaction === undefined ? {} : { satisfaction }),
      ...(handleMinutes === undefined ? {} : { handleMinutes }),
      row: context.row,
    };
  });
}
