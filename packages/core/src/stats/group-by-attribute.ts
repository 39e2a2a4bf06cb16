import type { Customer } from '../model/customer.js';

/**
 * The value of a customer attribute, the one accessor every `groupBy` of the SDK uses (metrics.md §7,
 * §11): `'name'` is the customer's name; any other name is looked up among the customer's own
 * attributes only, so `constructor`, `toString` or `__proto__` are ordinary column names, never
 * members of `Object.prototype`. `null` when there is no customer record or it lacks the attribute.
 */
export function customerAttribute(customer: Customer | undefined, attribute: string): string | null {
  if (customer === undefined) return null;
  if (attribute === 'name') return customer.name ?? null;
  const attributes = customer.attributes;
  if (!Object.hasOwn(attributes, attribute)) return null;
  const value: unknown = attributes[attribute];
  return typeof value === 'string' ? value : null;
}

/**
 * Customer id → attribute value ({@link customerAttribute}) of the customers that have one. Of two
 * records with one id (readers reject that; hand-built data may not), the first counts.
 */
export function attributeValues(customers: Iterable<Customer>, attribute: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const customer of customers) {
    if (values.has(customer.customerId)) continue;
    const value = customerAttribute(customer, attribute);
    if (value !== null) values.set(customer.customerId, value);
  }
  return values;
}

/** Group keys sorted in code-point order, `null` last. */
export function compareGroupKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Records of one value of a customer attribute; `value` is `null` for records it cannot place. */
export interface AttributeGroup<T> {
  readonly value: string | null;
  readonly records: T[];
}

/**
 * Splits records by an attribute of their customer (metrics.md §7 `groupBy`): `'segment'`,
 * `'industry'`, any other column of the customers file, or `'name'` ({@link customerAttribute}).
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
  const valueOf = attributeValues(customers, attribute);
  const groups = new Map<string | null, T[]>();
  for (const record of records) {
    const value = record.customerId === undefined ? null : (valueOf.get(record.customerId) ?? null);
    let group = groups.get(value);
    if (group === undefined) groups.set(value, (group = []));
    group.push(record);
  }
  return [...groups.entries()]
    .map(([value, grouped]) => ({ value, records: grouped }))
    .sort((a, b) => compareGroupKeys(a.value, b.value));
}
