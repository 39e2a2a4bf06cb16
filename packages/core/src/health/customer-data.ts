import { quoteValue } from '../validation/quote-value.js';
import { createFxTable, type FxTable } from '../fx/fx-table.js';
import type { Customer } from '../model/customer.js';
import type { FxRate } from '../model/fx-rate.js';
import type { NpsResponse } from '../model/nps-response.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import type { Ticket } from '../model/ticket.js';
import type { UsageEvent } from '../model/usage-event.js';
import { currencyExponent } from '../money/currencies.js';
import { analyseRevenue, type RevenueAnalysis } from '../revenue/analyse-revenue.js';
import { normalisedMrrMinor } from '../revenue/normalised-mrr.js';
import { rateForLine } from '../revenue/revenue-ledger.js';
import { parseDate, type DayIndex } from '../time/calendar-date.js';
import { monthOfDay, type MonthIndex } from '../time/month.js';
import { endOfDayInstant, slaStatus, slaTargetOf } from '../support/sla-breach.js';
import { assertTimeZone } from '../time/time-zone.js';

/** Everything a health score or a segment can be computed from (metrics.md §1). */
export interface HealthDataset {
  readonly subscriptions: readonly SubscriptionLine[];
  /** Names and attributes; customers without lines are never active, so never scored. */
  readonly customers?: readonly Customer[] | undefined;
  /** Rates into the reporting currency, needed when lines are in several currencies. */
  readonly fx?: readonly FxRate[] | undefined;
  readonly nps?: readonly NpsResponse[] | undefined;
  readonly tickets?: readonly Ticket[] | undefined;
  readonly usage?: readonly UsageEvent[] | undefined;
}

/** Options of {@link prepareCustomerData}. */
export interface CustomerDataOptions {
  /** Reporting currency (default: as the revenue engine decides it). */
  currency?: string | undefined;
  /**
   * IANA zone of the dates (default `UTC`): a day ends at midnight in this zone, which decides whether
   * a ticket had its first response by the end of `asOf`.
   */
  timeZone?: string | undefined;
  /**
   * Products whose lines are seats (default: every line). Seats are the `quantity` of the non-trial
   * lines active on the day (metrics.md §5); list your seat products when add-ons carry a quantity too.
   */
  seatProducts?: readonly string[] | undefined;
}

/** Which optional sources the dataset has: without one, factors built on it are missing, not zero. */
export interface HealthSources {
  readonly nps: boolean;
  readonly tickets: boolean;
  readonly usage: boolean;
}

/** SLA counts of a customer's tickets, as known at the end of a day. */
export interface SubjectSlaCounts {
  /** Tickets whose priority has a target. */
  readonly withTarget: number;
  /** Of those, tickets whose first response came (or, unanswered, is still) more than the target after creation. */
  readonly breached: number;
}

/**
 * One customer as a health factor sees it: accessors over its data, each answering for a day or a
 * range of days (both ends included) and looking at nothing dated later, so a score on an earlier day
 * is what it was on that day. Money is in minor units of the reporting currency, unrounded.
 */
export interface HealthSubject {
  readonly customerId: string;
  /** The customer record (name, attributes), when the dataset has one. */
  readonly customer: Customer | undefined;
  readonly sources: HealthSources;
  /** MRR on `day`: Σ normalised MRR of the lines active that day (`start ≤ day < end`). */
  mrrOn(day: DayIndex): number;
  /** Seats on `day`: Σ `quantity` of the non-trial seat lines active that day. */
  seatsOn(day: DayIndex): number;
  /** First day the customer had MRR, or `undefined` if it never had any. */
  readonly firstActiveDay: DayIndex | undefined;
  /** The customer's latest NPS answer on or before `day` (of two on one date, the later row). */
  latestNps(day: DayIndex): { readonly day: DayIndex; readonly score: number } | undefined;
  /** Tickets created from `from` to `to` (by `createdDate`). */
  ticketCount(from: DayIndex, to: DayIndex): number;
  /**
   * First-response SLA of the tickets created from `from` to `to`, as known at the end of `to`: a
   * response given later counts as not given yet, and an unanswered ticket is breached once the end
   * of `to` is more than its target after creation (`slaStatus`, the rule of `supportForPeriod`).
   */
  slaCounts(from: DayIndex, to: DayIndex, targets: Readonly<Record<string, number>>): SubjectSlaCounts;
  /** Distinct `user_id`s with a usage event from `from` to `to`. */
  activeUsers(from: DayIndex, to: DayIndex): number;
  /** Usage events (all, or those named `name`) from `from` to `to`: how many, and Σ `value`. */
  usage(from: DayIndex, to: DayIndex, name?: string): { readonly events: number; readonly value: number };
  /** Day of the latest usage event on or before `day`. */
  lastUsageDay(day: DayIndex): DayIndex | undefined;
}

/**
 * A dataset read once into per-customer columns: the revenue analysis, and for every customer with a
 * subscription line a {@link HealthSubject}. Build it once and score or segment as many days as needed.
 */
export interface CustomerData {
  readonly analysis: RevenueAnalysis;
  readonly currency: string;
  readonly timeZone: string;
  readonly sources: HealthSources;
  /** One per customer with a subscription line, sorted by id (code-point order). */
  readonly subjects: readonly HealthSubject[];
  subject(customerId: string): HealthSubject | undefined;
  /** The latest month of any date in the dataset (lines, customers, answers, tickets, usage). */
  readonly latestMonth: MonthIndex | undefined;
}

/** Records of one source sorted by customer and day, with per-customer offsets (CSR layout). */
interface DayColumns {
  /** Positions of customer k are `offsets[k] … offsets[k + 1]`. */
  readonly offsets: Int32Array;
  /** Record index at each position. */
  readonly order: Int32Array;
  /** Day at each position, ascending within a customer. */
  readonly days: Int32Array;
}

/** First position in [lo, hi) whose day is ≥ `day` (hi when none). */
function lowerBound(days: Int32Array, lo: number, hi: number, day: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts the records of a source by customer (counting sort) and, within a customer, by day and then
 * `sequence` (stable: equal keys keep input order).
 */
function dayColumns(
  count: number,
  customers: number,
  customerOf: Int32Array,
  dayOf: Int32Array,
  sequence: Float64Array | undefined,
): DayColumns {
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < count; i++) {
    const k = customerOf[i] as number;
    if (k >= 0) offsets[k + 1] = (offsets[k + 1] as number) + 1;
  }
  for (let k = 0; k < customers; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const cursor = offsets.slice(0, customers);
  const order = new Int32Array(offsets[customers] as number);
  for (let i = 0; i < count; i++) {
    const k = customerOf[i] as number;
    if (k < 0) continue;
    order[cursor[k] as number] = i;
    cursor[k] = (cursor[k] as number) + 1;
  }
  for (let k = 0; k < customers; k++) {
    const from = offsets[k] as number;
    const to = offsets[k + 1] as number;
    if (to - from < 2) continue;
    order.subarray(from, to).sort((a, b) => {
      const byDay = (dayOf[a] as number) - (dayOf[b] as number);
      if (byDay !== 0) return byDay;
      const bySequence = sequence === undefined ? 0 : (sequence[a] as number) - (sequence[b] as number);
      return bySequence !== 0 ? bySequence : a - b;
    });
  }
  const days = Int32Array.from(order, (i) => dayOf[i] as number);
  return { offsets, order, days };
}

function dateError(kind: string, row: number | undefined, index: number, field: string, value: string): RangeError {
  return new RangeError(
    `${kind} ${row === undefined ? index : `in row ${row}`}: ${field} ${quoteValue(value)} is not a date YYYY-MM-DD`,
  );
}

/**
 * Reads a dataset once into per-customer columns for health scores and segments: the revenue analysis
 * (for movements), each customer's lines, and its NPS answers, tickets and usage events sorted by day,
 * so each factor is a binary search and a short scan.
 *
 * MRR on a day is the sum of the normalised MRR (metrics.md §1) of the lines active that day, converted
 * at the rate on or before each line's start date, like the revenue engine: on the last day of a month
 * it is that month's snapshot MRR.
 *
 * @throws RangeError for an invalid option, a malformed date or NPS score; errors of `analyseRevenue`
 * (currency, FX) as it throws them.
 */
export function prepareCustomerData(dataset: HealthDataset, options: CustomerDataOptions = {}): CustomerData {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const analysis = analyseRevenue(
    { subscriptions: dataset.subscriptions, customers: dataset.customers ?? [], fx: dataset.fx ?? [] },
    { currency: options.currency, timeZone },
  );
  const currency = analysis.currency;
  const exponent = currencyExponent(currency);
  const ledgerIds = analysis.internals.ledger.customerIds;

  // Subjects are sorted by id so every result built from them is in a stable order.
  const ids = [...ledgerIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map<string, number>(ids.map((id, k) => [id, k]));
  const n = ids.length;
  const records = new Map<string, Customer>();
  for (const customer of dataset.customers ?? [])
    if (!records.has(customer.customerId)) records.set(customer.customerId, customer);

  // Lines: MRR in minor units of the reporting currency, days, seats.
  const lines = dataset.subscriptions;
  let fxTable: FxTable | undefined;
  const lineCustomer = new Int32Array(lines.length);
  const lineStart = new Int32Array(lines.length);
  const lineEnd = new Int32Array(lines.length);
  const lineMrr = new Float64Array(lines.length);
  const lineSeats = new Float64Array(lines.length);
  const seatProducts = options.seatProducts === undefined ? undefined : new Set(options.seatProducts);
  let latestDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SubscriptionLine;
    lineCustomer[i] = indexOf.get(line.customerId) ?? -1;
    // analyseRevenue has checked every date and amount already.
    const start = parseDate(line.startDate) as number;
    const end = line.endDate === undefined ? 0x7fffffff : (parseDate(line.endDate) as number);
    lineStart[i] = start;
    lineEnd[i] = end;
    latestDay = Math.max(latestDay, start, line.endDate === undefined ? start : end);
    let mrr = normalisedMrrMinor(line);
    if (mrr > 0 && line.currency !== currency) {
      fxTable ??= createFxTable(dataset.fx ?? [], currency);
      mrr *= rateForLine(fxTable, line) * 10 ** (exponent - currencyExponent(line.currency));
    }
    lineMrr[i] = mrr;
    if (!line.isTrial && (seatProducts === undefined || seatProducts.has(line.product ?? '')))
      lineSeats[i] = line.quantity;
  }
  const lineColumns = dayColumns(lines.length, n, lineCustomer, lineStart, undefined);

  // NPS answers: only those naming a customer can be attributed to one.
  const nps = dataset.nps ?? [];
  const npsCustomer = new Int32Array(nps.length);
  const npsDay = new Int32Array(nps.length);
  const npsSequence = new Float64Array(nps.length);
  for (let i = 0; i < nps.length; i++) {
    const response = nps[i] as NpsResponse;
    const day = parseDate(response.date);
    if (day === undefined) throw dateError('NPS response', response.row, i, 'date', response.date);
    if (!Number.isInteger(response.score) || response.score < 0 || response.score > 10) {
      throw new RangeError(
        `NPS response ${response.row === undefined ? i : `in row ${response.row}`}: score ${response.score} is not an integer from 0 to 10`,
      );
    }
    npsDay[i] = day;
    npsSequence[i] = response.row ?? i;
    npsCustomer[i] = response.customerId === undefined ? -1 : (indexOf.get(response.customerId) ?? -1);
    latestDay = Math.max(latestDay, day);
  }
  const npsColumns = dayColumns(nps.length, n, npsCustomer, npsDay, npsSequence);

  const tickets = dataset.tickets ?? [];
  const ticketCustomer = new Int32Array(tickets.length);
  const ticketDay = new Int32Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i] as Ticket;
    const day = parseDate(ticket.createdDate);
    if (day === undefined) throw dateError('Ticket', ticket.row, i, 'createdDate', ticket.createdDate);
    ticketDay[i] = day;
    ticketCustomer[i] = ticket.customerId === undefined ? -1 : (indexOf.get(ticket.customerId) ?? -1);
    latestDay = Math.max(latestDay, day);
  }
  const ticketColumns = dayColumns(tickets.length, n, ticketCustomer, ticketDay, undefined);

  const usage = dataset.usage ?? [];
  const usageCustomer = new Int32Array(usage.length);
  const usageDay = new Int32Array(usage.length);
  // Users dictionary-encoded, so distinct users are counted as integers; −1 for "no user".
  const usageUser = new Int32Array(usage.length);
  const userCodes = new Map<string, number>();
  for (let i = 0; i < usage.length; i++) {
    const event = usage[i] as UsageEvent;
    const day = parseDate(event.date);
    if (day === undefined) throw dateError('Usage event', event.row, i, 'date', event.date);
    usageDay[i] = day;
    usageCustomer[i] = indexOf.get(event.customerId) ?? -1;
    let code = -1;
    if (event.userId !== undefined) {
      code = userCodes.get(event.userId) ?? userCodes.size;
      if (code === userCodes.size) userCodes.set(event.userId, code);
    }
    usageUser[i] = code;
    latestDay = Math.max(latestDay, day);
  }
  const usageColumns = dayColumns(usage.length, n, usageCustomer, usageDay, undefined);

  for (const customer of dataset.customers ?? []) {
    const created = customer.createdAt === undefined ? undefined : parseDate(customer.createdAt);
    if (created !== undefined) latestDay = Math.max(latestDay, created);
  }

  // The instant a day ends (midnight of the next day in the zone), memoised: scoring asks for few days.
  const dayEnds = new Map<number, number>();
  const endOfDay = (day: DayIndex): number => {
    let end = dayEnds.get(day);
    if (end === undefined) {
      end = endOfDayInstant(day, timeZone);
      dayEnds.set(day, end);
    }
    return end;
  };

  const sources: HealthSources = {
    nps: dataset.nps !== undefined,
    tickets: dataset.tickets !== undefined,
    usage: dataset.usage !== undefined,
  };

  const subjects = ids.map((customerId, k): HealthSubject => {
    const lineFrom = lineColumns.offsets[k] as number;
    const lineTo = lineColumns.offsets[k + 1] as number;
    let firstActiveDay: number | undefined;
    for (let p = lineFrom; p < lineTo; p++) {
      const i = lineColumns.order[p] as number;
      // A line ending on its start date never bills; positions are by start day, so the first that
      // bills is the first active day.
      if ((lineMrr[i] as number) > 0 && (lineEnd[i] as number) > (lineStart[i] as number)) {
        firstActiveDay = lineStart[i] as number;
        break;
      }
    }
    const sumActive = (day: DayIndex, column: Float64Array): number => {
      let sum = 0;
      // Lines are sorted by start: stop at the first that starts after the day.
      for (let p = lineFrom; p < lineTo && (lineColumns.days[p] as number) <= day; p++) {
        const i = lineColumns.order[p] as number;
        if ((lineEnd[i] as number) > day) sum += column[i] as number;
      }
      return sum;
    };
    const range = (columns: DayColumns, from: DayIndex, to: DayIndex): [number, number] => {
      const lo = columns.offsets[k] as number;
      const hi = columns.offsets[k + 1] as number;
      return [lowerBound(columns.days, lo, hi, from), lowerBound(columns.days, lo, hi, to + 1)];
    };
    return {
      customerId,
      customer: records.get(customerId),
      sources,
      firstActiveDay,
      mrrOn: (day) => sumActive(day, lineMrr),
      seatsOn: (day) => sumActive(day, lineSeats),
      latestNps(day) {
        const lo = npsColumns.offsets[k] as number;
        const at = lowerBound(npsColumns.days, lo, npsColumns.offsets[k + 1] as number, day + 1) - 1;
        if (at < lo) return undefined;
        return {
          day: npsColumns.days[at] as number,
          score: (nps[npsColumns.order[at] as number] as NpsResponse).score,
        };
      },
      ticketCount(from, to) {
        const [lo, hi] = range(ticketColumns, from, to);
        return Math.max(0, hi - lo);
      },
      slaCounts(from, to, targets) {
        const [lo, hi] = range(ticketColumns, from, to);
        // The rule of supportForPeriod over the same days: as known at the end of `to`.
        const end = endOfDay(to);
        let withTarget = 0;
        let breached = 0;
        for (let p = lo; p < hi; p++) {
          const ticket = tickets[ticketColumns.order[p] as number] as Ticket;
          const target = slaTargetOf(ticket, targets);
          if (target === undefined) continue;
          withTarget++;
          if (slaStatus(ticket, target, end) === 'breached') breached++;
        }
        return { withTarget, breached };
      },
      activeUsers(from, to) {
        const [lo, hi] = range(usageColumns, from, to);
        const users = new Set<number>();
        for (let p = lo; p < hi; p++) {
          const user = usageUser[usageColumns.order[p] as number] as number;
          if (user >= 0) users.add(user);
        }
        return users.size;
      },
      usage(from, to, name) {
        const [lo, hi] = range(usageColumns, from, to);
        let events = 0;
        let value = 0;
        for (let p = lo; p < hi; p++) {
          const event = usage[usageColumns.order[p] as number] as UsageEvent;
          if (name !== undefined && event.name !== name) continue;
          events++;
          value += event.value;
        }
        return { events, value };
      },
      lastUsageDay(day) {
        const lo = usageColumns.offsets[k] as number;
        const at = lowerBound(usageColumns.days, lo, usageColumns.offsets[k + 1] as number, day + 1) - 1;
        return at < lo ? undefined : (usageColumns.days[at] as number);
      },
    };
  });

  return {
    analysis,
    currency,
    timeZone,
    sources,
    subjects,
    subject: (customerId) => {
      const k = indexOf.get(customerId);
      return k === undefined ? undefined : subjects[k];
    },
    latestMonth: latestDay === Number.NEGATIVE_INFINITY ? undefined : monthOfDay(latestDay),
  };
}
