import type { PerCustomer } from '../adoption/customer-values.js';
import type { Customer } from '../model/customer.js';

/**
 * Customers with their segment as an attribute, so that every `groupBy` of the SDK works on segments
 * unchanged: `analyseRevenue(input, { groupBy: 'segment' })`, `npsByGroup(responses, customers, {
 * groupBy: 'segment' })`, `churnComposition(analysis, { customers, groupBy: 'segment' })`.
 *
 * - A customer in `segments` gets `attributes[attribute] = segment` (replacing a value it had).
 * - A customer not in `segments`, or with segment `null`, loses the attribute, so it falls into the
 *   `null` group rather than keep a value of another definition (a CRM's own `segment` column).
 * - An id in `segments` without a customer record gets a record `{ customerId, attributes }`, so
 *   customers known only from their lines are grouped too.
 *
 * Segments are assigned on one day: a revenue series grouped by them shows history per *current*
 * segment.
 */
export function withSegments(
  customers: readonly Customer[],
  segments: PerCustomer<string | null>,
  attribute = 'segment',
): Customer[] {
  const map: ReadonlyMap<string, string | null> =
    segments instanceof Map ? (segments as ReadonlyMap<string, string | null>) : new Map(Object.entries(segments));
  const seen = new Set<string>();
  const result = customers.map((customer): Customer => {
    seen.add(customer.customerId);
    const segment = map.get(customer.customerId) ?? null;
    // fromEntries defines own properties, so even an attribute called `__proto__` is written as one.
    const attributes = Object.fromEntries([
      ...Object.entries(customer.attributes).filter(([key]) => key !== attribute),
      ...(segment === null ? [] : [[attribute, segment]]),
    ]);
    return { ...customer, attributes };
  });
  for (const [customerId, segment] of map) {
    if (!seen.has(customerId) && segment !== null)
      result.push({ customerId, attributes: Object.fromEntries([[attribute, segment]]) });
  }
  return result;
}
