import type { Customer } from '../model/customer.js';

/** Customers assigned to the values of one attribute. */
export interface CustomerGroups {
  /** Group keys, sorted; `null` (customers without the attribute or without a record) last. */
  readonly keys: readonly (string | null)[];
  /** Group index of each ledger customer. */
  readonly groupOf: Int32Array;
}

/**
 * Assigns each customer of the ledger (`customerIds`) to the value of `attribute` in its customer
 * record. A customer with no record, or whose record lacks the attribute, falls in group `null`.
 */
export function groupCustomers(
  customerIds: readonly string[],
  customers: readonly Customer[],
  attribute: string,
): CustomerGroups {
  const valueOf = new Map<string, string>();
  for (const customer of customers) {
    const value = customer.attributes[attribute];
    if (value !== undefined) valueOf.set(customer.customerId, value);
  }
  const values = customerIds.map((id) => valueOf.get(id) ?? null);
  const distinct = [...new Set(values.filter((value): value is string => value !== null))].sort();
  const keys: (string | null)[] = values.includes(null) ? [...distinct, null] : distinct;
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  return { keys, groupOf: Int32Array.from(values, (value) => indexOf.get(value) ?? 0) };
}
