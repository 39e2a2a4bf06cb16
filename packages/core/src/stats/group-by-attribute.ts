import type { Customer } from '../model/customer.js';

/** Records of one value of a customer attribute; `value` is `null` for records it cannot place. */
export interface AttributeGroup<T> {
  readonly value: string | null;
  readonly records: T[];
}

/**
 * Splits records by an attribute of their customer (metrics.md §7 `groupBy`): `'segment'`,
 * `'industry'`, any other column of the customers file, or `'name'`.
 *
 * A record lands in the `null` group when it names no customer, its customer is not in `customers`,
 * or the customer has no value for the attribute: it is kept, not dropped, so group totals add up to
 * the whole. Groups come sorted by value (code-point order), the `null` group last; records keep
 * their order.
 */
export function groupByCustomerAttribute<T extends { readonly customerId?: string }>(
  records: Iterable<T>,
  customers: Iterable<Customer>,
  attribute: string,
): AttributeGroup<T>[] {
  const valueOf = new Map<string, string>();
  for (const customer of customers) {
    // `hasOwn`, because attributes is a plain object: `attributes['constructor']` is not a value.
    const value =
      attribute === 'name'
        ? customer.name
        : Object.hasOwn(customer.attributes, attribute)
          ? customer.attributes[attribute]
          : undefined;
    if (value !== undefined) valueOf.set(customer.customerId, value);
  }
  const groups = new Map<string | null, T[]>();
  for (const record of records) {
    const value = record.customerId === undefined ? null : (valueOf.get(record.customerId) ?? null);
    let group = groups.get(value);
    if (group === undefined) groups.set(value, (group = []));
    group.push(record);
  }
  return [...groups.entries()]
    .map(([value, grouped]) => ({ value, records: grouped }))
    .sort((a, b) =>
      a.value === b.value ? 0 : a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : 1,
    );
}
