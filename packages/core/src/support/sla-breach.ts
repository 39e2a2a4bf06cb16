import type { Ticket } from '../model/ticket.js';
import { formatDate, type DayIndex } from '../time/calendar-date.js';
import { parseTimestamp } from '../time/time-zone.js';

const MS_PER_MINUTE = 60_000;

/** Where a ticket stands against its first-response target at an instant. */
export type SlaStatus = 'met' | 'breached' | 'pending';

/**
 * The first-response target of a ticket's priority, in minutes; `undefined` when its priority has
 * none (or it has no priority). Priorities are own keys of `targets`, matched exactly: a priority
 * called `constructor` is not a member of `Object.prototype`.
 */
export function slaTargetOf(ticket: Ticket, targets: Readonly<Record<string, number>>): number | undefined {
  const priority = ticket.priority;
  if (priority === undefined || !Object.hasOwn(targets, priority)) return undefined;
  return targets[priority];
}

/**
 * The one SLA rule of the SDK (metrics.md §4, §11), used by `summariseTickets`, `supportForPeriod`,
 * `supportByMonth` and the health model's `slaBreachRate`: at the instant `asOf`, a ticket with a
 * target of `targetMinutes`
 *
 * - is `breached` when its first response came more than the target after creation, or when it has
 *   had no response and more than the target has passed by `asOf`;
 * - is `met` when its first response came within the target (exactly at it included);
 * - is `pending` otherwise: no response yet and still within the target.
 *
 * A response after `asOf` was not known at `asOf`: the ticket counts as unanswered then, so a score
 * for an earlier day is what it was on that day. Without `asOf` every response in the data counts and
 * an unanswered ticket is `pending` (nothing has been exceeded that anyone could see).
 */
export function slaStatus(ticket: Ticket, targetMinutes: number, asOf: number | undefined): SlaStatus {
  const response = ticket.firstResponseAt;
  const known = response !== undefined && (asOf === undefined || response <= asOf);
  const waited = known ? response : asOf;
  // "Later than the target" is strict: a response exactly at the target meets it.
  if (waited !== undefined && waited - ticket.createdAt > targetMinutes * MS_PER_MINUTE) return 'breached';
  return known ? 'met' : 'pending';
}

/**
 * The instant a day ends in a time zone (midnight of the next day there): the `asOf` of an SLA
 * "as known at the end of" that day.
 */
export function endOfDayInstant(day: DayIndex, timeZone: string): number {
  return (parseTimestamp(formatDate(day + 1), timeZone) as { epochMs: number }).epochMs;
}
