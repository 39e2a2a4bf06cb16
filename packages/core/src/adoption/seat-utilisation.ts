import { quoteValue } from '../validation/quote-value.js';
import type { UsageEvent } from '../model/usage-event.js';
import { ratio } from '../stats/mean.js';
import { parseDate } from '../time/calendar-date.js';
import { customerEntries, type PerCustomer } from './customer-values.js';

/** Options of {@link seatUtilisation}. */
export interface SeatUtilisationOptions {
  /** Last day of the window, `YYYY-MM-DD` in the reporting time zone. */
  asOf: string;
  /**
   * Purchased seats per customer: the `quantity` of its active lines on `asOf` (metrics.md §5). Given
   * by the caller, who knows which lines are active; only these customers are reported.
   */
  seats: PerCustomer<number>;
  /** Days in the window, ending with `asOf` included (default 30: "the last 30 days"). */
  windowDays?: number;
}

/** Seat utilisation of one customer. */
export interface CustomerSeatUtilisation {
  customerId: string;
  /** Distinct `user_id`s with an event in the window. */
  activeUsers: number;
  seats: number;
  /** `activeUsers ÷ seats`; above 1 when more people use the product than pay for it; `null` with 0 seats. */
  utilisation: number | null;
}

/** Seat utilisation of every customer, and of all together. */
export interface SeatUtilisationResult {
  /** One entry per customer of `seats`, sorted by id. */
  customers: CustomerSeatUtilisation[];
  /** Σ active users. */
  activeUsers: number;
  /** Σ seats. */
  seats: number;
  /** Σ active users ÷ Σ seats (weighted by seats, not a mean of ratios); `null` with no seats. */
  utilisation: number | null;
}

/**
 * Seat utilisation (metrics.md §5): distinct active users in the last `windowDays` days (the window
 * ends with `asOf`, included) ÷ purchased seats.
 *
 * Example: `asOf` 2024-03-31, 30-day window 2024-03-02 … 2024-03-31, users u1, u2, u1 active in it and
 * u3 only on 2024-03-01 → 2 active users; with 4 seats, utilisation 2 ÷ 4 = 0.5.
 *
 * Events without `user_id` name no person and are not counted. User ids are counted per customer, so
 * the same id at two customers is two users.
 *
 * @throws RangeError for a malformed `asOf`, a `windowDays` that is not a positive integer, or a seat
 * count that is not a non-negative integer.
 */
export function seatUtilisation(events: readonly UsageEvent[], options: SeatUtilisationOptions): SeatUtilisationResult {
  const asOf = parseDate(options.asOf);
  if (asOf === undefined) throw new RangeError(`asOf ${quoteValue(options.asOf)} is not a date YYYY-MM-DD`);
  const windowDays = options.windowDays ?? 30;
  if (!Number.isSafeInteger(windowDays) || windowDays < 1)
    throw new RangeError(`windowDays must be a positive integer, got ${windowDays}`);
  const firstDay = asOf - windowDays + 1;
  const seats = customerEntries(options.seats);
  const users = new Map<string, Set<string>>();
  for (const [customerId, count] of seats) {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`Seats of customer ${customerId} must be a non-negative integer, got ${count}`);
    users.set(customerId, new Set());
  }
  for (const event of events) {
    if (event.userId === undefined) continue;
    const active = users.get(event.customerId);
    if (active === undefined) continue;
    const day = parseDate(event.date);
    if (day === undefined)
      throw new RangeError(
        `Usage event${event.row === undefined ? '' : ` in row ${event.row}`}: date ${quoteValue(event.date)} is not YYYY-MM-DD`,
      );
    if (day >= firstDay && day <= asOf) active.add(event.userId);
  }
  let totalUsers = 0,
    totalSeats = 0;
  const customers = seats.map(([customerId, count]): CustomerSeatUtilisation => {
    const activeUsers = users.get(customerId)?.size ?? 0;
    totalUsers += activeUsers;
    totalSeats += count;
    return { customerId, activeUsers, seats: count, utilisation: ratio(activeUsers, count) };
  });
  return { customers, activeUsers: totalUsers, seats: totalSeats, utilisation: ratio(totalUsers, totalSeats) };
}
