import { quoteValue } from '../validation/quote-value.js';
import type { Ticket } from '../model/ticket.js';
import { mean, ratio } from '../stats/mean.js';
import { median, percentile } from '../stats/percentile.js';
import { dayRangeOf, monthRangeOf, type DateRange, type MonthRange } from '../stats/period.js';
import { parseDate, type DayIndex } from '../time/calendar-date.js';
import { formatMonth, lastDayOfMonth, monthOfDay } from '../time/month.js';
import { dayInTimeZone } from '../time/time-zone.js';
import { endOfDayInstant, slaStatus, slaTargetOf } from './sla-breach.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** Median and 90th percentile of a ticket duration; `null` when no ticket has the timestamps. */
export interface TicketStatistic {
  median: number | null;
  p90: number | null;
}

/** A {@link TicketStatistic} with the number of tickets it was measured on. */
export interface MeasuredStatistic extends TicketStatistic {
  /** Tickets that have the timestamp (the others are left out and counted as open or unanswered). */
  measured: number;
}

/** The `tickets` object of a report month (shared/spec/report.md). */
export interface TicketsSummary {
  created: number;
  firstResponseMinutes: TicketStatistic;
  resolutionHours: TicketStatistic;
}

/** First-response SLA counts of a set of tickets (metrics.md §4). */
export interface SlaCounts {
  /** Tickets whose priority has a target in `slaTargets`: the denominator of `slaBreachRate`. */
  withTarget: number;
  /**
   * Tickets with a target whose first response came more than the target after creation, or that had
   * no response and were past their target at `asOf` (metrics.md §11).
   */
  breached: number;
  /**
   * Tickets with a target and no first response (known at `asOf`) that have not breached (yet). They
   * stay in the denominator (§4 divides by every ticket with a target) and are counted here so a
   * reader can see how many may still breach.
   */
  pending: number;
}

/** Everything §4 measures about a set of tickets. */
export interface SupportResult {
  /** Tickets created. */
  created: number;
  /** `first_response_at − created_at` in minutes. */
  firstResponseMinutes: MeasuredStatistic;
  /** `resolved_at − created_at` in hours. */
  resolutionHours: MeasuredStatistic;
  /** Tickets without `resolved_at`. */
  open: number;
  /** Tickets without `first_response_at`. */
  unanswered: number;
  /** Average handle time: mean `handle_minutes` of the tickets that have it; `null` when none has. */
  averageHandleMinutes: number | null;
  /** Tickets with `handle_minutes`. */
  handled: number;
  /** Tickets whose first response exceeded their priority's target ÷ tickets with a target; `null` without targets. */
  slaBreachRate: number | null;
  sla: SlaCounts;
  /** Share of rated tickets with `satisfaction` 4 or 5 (CSAT of the ticket ratings); `null` when none is rated. */
  satisfaction: number | null;
  /** Tickets with a `satisfaction` rating. */
  rated: number;
}

/** One month of {@link supportByMonth}. */
export interface SupportMonth extends SupportResult {
  /** Month of `created_at` in the reporting time zone, `YYYY-MM`. */
  month: string;
}

/** How tickets are measured. */
export interface SupportOptions {
  /**
   * Minutes to first response allowed per priority (`{ urgent: 60, high: 240 }`). A ticket whose
   * priority has no target (or that has no priority) is outside the SLA rate. Priorities match
   * exactly, case included. Default: no targets, so `slaBreachRate` is `null`.
   */
  slaTargets?: Readonly<Record<string, number>>;
  /**
   * The instant the SLA is judged at, in milliseconds since the epoch (the export time, say). A ticket
   * with a target and no first response by `asOf` is breached once `asOf` is more than its target
   * after creation; a response after `asOf` was not known yet (metrics.md §11, `slaStatus`).
   * `summariseTickets` without `asOf` counts every response and leaves unanswered tickets `pending`;
   * `supportForPeriod` and `supportByMonth` default to the end of their period.
   */
  asOf?: number;
}

/** Options of {@link supportByMonth} and {@link ticketsByMonth}. */
export interface SupportByMonthOptions extends SupportOptions, MonthRange {
  /**
   * IANA zone whose calendar decides a ticket's month. Default: each ticket's `createdDate`, which
   * `readTickets` computed in its own `timeZone` (pass the same zone to both, or leave this out).
   */
  timeZone?: string;
}

/** Options of {@link supportForPeriod}. */
export interface SupportPeriodOptions extends SupportOptions {
  /** Days of `created_at` (in the zone of `createdDate`) whose tickets count, both ends included. */
  period: DateRange;
  /**
   * IANA zone of the period's days (default `UTC`; use the zone `readTickets` used): the default `asOf`
   * is the end of the period's last day in this zone.
   */
  timeZone?: string;
}

function checkTargets(targets: Readonly<Record<string, number>>): void {
  for (const [priority, minutes] of Object.entries(targets)) {
    if (!(Number.isFinite(minutes) && minutes >= 0)) {
      throw new RangeError(
        `SLA target of priority ${quoteValue(priority)} must be a non-negative number of minutes, got ${minutes}`,
      );
    }
  }
}

function where(ticket: Ticket): string {
  return ticket.row === undefined ? `ticket ${ticket.ticketId}` : `ticket ${ticket.ticketId} (row ${ticket.row})`;
}

function createdDay(ticket: Ticket, timeZone: string | undefined): DayIndex {
  if (timeZone !== undefined) return dayInTimeZone(ticket.createdAt, timeZone);
  const day = parseDate(ticket.createdDate);
  if (day === undefined)
    throw new RangeError(`${where(ticket)}: createdDate ${quoteValue(ticket.createdDate)} is not YYYY-MM-DD`);
  return day;
}

/**
 * Measures a set of tickets (metrics.md §4): volume, first-response and resolution medians and 90th
 * percentiles (type 7), open and unanswered tickets, AHT, SLA breaches and ticket CSAT.
 *
 * Durations are calendar time (nights and weekends count), as §4 defines them; a ticket lacking a
 * timestamp is left out of that statistic only.
 *
 * @throws RangeError for a negative `slaTargets` value, or a ticket whose response or resolution is
 * before its creation (readers reject those; a hand-built one must not give a negative duration).
 */
export function summariseTickets(tickets: readonly Ticket[], options: SupportOptions = {}): SupportResult {
  const targets = options.slaTargets ?? {};
  checkTargets(targets);
  const asOf = options.asOf;
  const response: number[] = [];
  const resolution: number[] = [];
  const handle: number[] = [];
  let withTarget = 0,
    breached = 0,
    pending = 0,
    rated = 0,
    satisfied = 0;
  for (const ticket of tickets) {
    const { createdAt, firstResponseAt, resolvedAt } = ticket;
    if (firstResponseAt !== undefined) {
      if (firstResponseAt < createdAt) throw new RangeError(`${where(ticket)}: first response is before creation`);
      response.push((firstResponseAt - createdAt) / MS_PER_MINUTE);
    }
    if (resolvedAt !== undefined) {
      if (resolvedAt < createdAt) throw new RangeError(`${where(ticket)}: resolution is before creation`);
      resolution.push((resolvedAt - createdAt) / MS_PER_HOUR);
    }
    if (ticket.handleMinutes !== undefined) handle.push(ticket.handleMinutes);
    if (ticket.satisfaction !== undefined) {
      rated++;
      if (ticket.satisfaction >= 4) satisfied++;
    }
    const target = slaTargetOf(ticket, targets);
    if (target !== undefined) {
      withTarget++;
      const status = slaStatus(ticket, target, asOf);
      if (status === 'breached') breached++;
      else if (status === 'pending') pending++;
    }
  }
  return {
    created: tickets.length,
    firstResponseMinutes: measure(response),
    resolutionHours: measure(resolution),
    open: tickets.length - resolution.length,
    unanswered: tickets.length - response.length,
    averageHandleMinutes: mean(handle),
    handled: handle.length,
    slaBreachRate: ratio(breached, withTarget),
    sla: { withTarget, breached, pending },
    satisfaction: ratio(satisfied, rated),
    rated,
  };
}

function measure(values: number[]): MeasuredStatistic {
  const sorted = Float64Array.from(values).sort();
  return { median: median(sorted), p90: percentile(sorted, 90), measured: sorted.length };
}

/**
 * {@link summariseTickets} of the tickets created in a period (by `createdDate`), the SLA judged as
 * known at the end of the period's last day (or at `asOf`): the same rule and the same rate as the
 * health model's `slaBreachRate` over the same days (metrics.md §11).
 *
 * @throws RangeError for a malformed period or time zone, and as {@link summariseTickets} does.
 */
export function supportForPeriod(tickets: readonly Ticket[], options: SupportPeriodOptions): SupportResult {
  const [from, to] = dayRangeOf(options.period);
  const asOf = options.asOf ?? endOfDayInstant(to, options.timeZone ?? 'UTC');
  return summariseTickets(
    tickets.filter((ticket) => {
      const day = createdDay(ticket, undefined);
      return day >= from && day <= to;
    }),
    { ...options, asOf },
  );
}

/**
 * {@link summariseTickets} per month of `created_at` in the reporting time zone, for every month from
 * `from` to `to` (a month without tickets has `created: 0` and `null` statistics). Each month's SLA is
 * judged at `asOf`, by default at the end of the month, so a month gives what {@link supportForPeriod}
 * gives over its days. A ticket created at
 * 23:30 on 31 January in Auckland belongs to January even though it is 10:30 UTC that day, and one
 * created at 00:30 on 1 February Auckland time (11:30 UTC on 31 January) belongs to February.
 *
 * @throws RangeError for a malformed month range or time zone, and as {@link summariseTickets} does.
 */
export function supportByMonth(tickets: readonly Ticket[], options: SupportByMonthOptions): SupportMonth[] {
  const [first, last] = monthRangeOf(options);
  const buckets: Ticket[][] = Array.from({ length: last - first + 1 }, () => []);
  for (const ticket of tickets) {
    const at = monthOfDay(createdDay(ticket, options.timeZone)) - first;
    if (at >= 0 && at < buckets.length) (buckets[at] as Ticket[]).push(ticket);
  }
  const zone = options.timeZone ?? 'UTC';
  return buckets.map((bucket, at) => ({
    month: formatMonth(first + at),
    ...summariseTickets(bucket, {
      ...options,
      asOf: options.asOf ?? endOfDayInstant(lastDayOfMonth(first + at), zone),
    }),
  }));
}

/**
 * The report's `tickets` value of each month from `from` to `to` (shared/spec/report.md), in order:
 * `{ created, firstResponseMinutes: { median, p90 }, resolutionHours: { median, p90 } }`.
 * Element `i` belongs to month `from + i`; a month without tickets gives `created: 0` with `null`
 * statistics. (The report's `tickets` is `null` only when no tickets file was given: that is the
 * caller's decision, not this function's.)
 *
 * @throws RangeError as {@link supportByMonth} does.
 */
export function ticketsByMonth(tickets: readonly Ticket[], options: SupportByMonthOptions): TicketsSummary[] {
  return supportByMonth(tickets, options).map(({ created, firstResponseMinutes, resolutionHours }) => ({
    created,
    firstResponseMinutes: { median: firstResponseMinutes.median, p90: firstResponseMinutes.p90 },
    resolutionHours: { median: resolutionHours.median, p90: resolutionHours.p90 },
  }));
}
