import type { Customer } from '../model/customer.js';
import type { NpsResponse } from '../model/nps-response.js';
import { groupByCustomerAttribute } from '../stats/group-by-attribute.js';
import { npsForPeriod, type NpsOptions, type NpsResult } from './nps.js';

/** NPS of the answers whose customer has one value of the grouping attribute. */
export interface NpsGroup extends NpsResult {
  /** The attribute's value; `null` for answers without a customer, an unknown one, or no value. */
  value: string | null;
}

/** Options of {@link npsByGroup}. */
export interface NpsGroupOptions extends NpsOptions {
  /** A customer attribute (`segment`, `industry` …, or `name`). */
  groupBy: string;
}

/**
 * NPS for a period per value of a customer attribute (metrics.md §3, §7).
 *
 * Answers are split by their customer first, then deduplicated within each group, so each group's
 * NPS is exactly what {@link npsForPeriod} gives on its answers. (A respondent who answered for two
 * customers of different groups counts once in each.) Groups come sorted by value, `null` last.
 *
 * @throws RangeError as {@link npsForPeriod} does.
 */
export function npsByGroup(
  responses: readonly NpsResponse[],
  customers: Iterable<Customer>,
  options: NpsGroupOptions,
): NpsGroup[] {
  return groupByCustomerAttribute(responses, customers, options.groupBy).map(({ value, records }) => ({
    value,
    ...npsForPeriod(records, options),
  }));
}
