import { quoteValue } from '../validation/quote-value.js';
import type { UsageEvent } from '../model/usage-event.js';
import { ratio } from '../stats/mean.js';
import { dayRangeOf, type DateRange } from '../stats/period.js';
import { parseDate } from '../time/calendar-date.js';

/** Options of {@link featureAdoption}. */
export interface FeatureAdoptionOptions {
  /** Days whose events count, both ends included. */
  period: DateRange;
  /**
   * Ids of the customers active in the period (the denominator, metrics.md §5), from the revenue
   * engine or any other definition the caller uses. Events of other customers are not counted, so
   * adoption never exceeds 1.
   */
  activeCustomers: Iterable<string>;
  /** Event names to report even when no active customer used them (adoption 0). */
  features?: Iterable<string>;
}

/** Adoption of one feature (one event name). */
export interface FeatureAdoption {
  name: string;
  /** Active customers with at least one event of this name in the period. */
  customers: number;
  /** `customers ÷ active customers`; `null` when no customer is active. */
  adoption: number | null;
  /** Events of this name by active customers in the period. */
  events: number;
  /** Σ `value` of those events. */
  value: number;
}

/**
 * Feature adoption (metrics.md §5): per event name, the active customers with at least one such
 * event in the period ÷ active customers. Sorted by name (code-point order).
 *
 * Example: active customers A, B, C, D; in the period A and B export reports, A twice, and E (not
 * active) too → `report_exported`: 2 customers, adoption 2 ÷ 4 = 0.5, 3 events.
 *
 * @throws RangeError for a malformed period or event date.
 */
export function featureAdoption(events: readonly UsageEvent[], options: FeatureAdoptionOptions): FeatureAdoption[] {
  const [from, to] = dayRangeOf(options.period);
  const active = new Set(options.activeCustomers);
  const byName = new Map<string, { customers: Set<string>; events: number; value: number }>();
  for (const name of options.features ?? []) byName.set(name, { customers: new Set(), events: 0, value: 0 });
  for (const event of events) {
    if (!active.has(event.customerId)) continue;
    const day = parseDate(event.date);
    if (day === undefined)
      throw new RangeError(
        `Usage event${event.row === undefined ? '' : ` in row ${event.row}`}: date ${quoteValue(event.date)} is not YYYY-MM-DD`,
      );
    if (day < from || day > to) continue;
    let feature = byName.get(event.name);
    if (feature === undefined) byName.set(event.name, (feature = { customers: new Set(), events: 0, value: 0 }));
    feature.customers.add(event.customerId);
    feature.events++;
    feature.value += event.value;
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, feature]) => ({
      name,
      customers: feature.customers.size,
      adoption: ratio(feature.customers.size, active.size),
      events: feature.events,
      value: feature.value,
    }));
}
