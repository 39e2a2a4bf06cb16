import type { Customer } from '../model/customer.js';
import { attributeValues, compareGroupKeys } from '../stats/group-by-attribute.js';

/** Customers assigned to the values of one attribute. */
export interface CustomerGroups {
  /** Group keys, sorted; `null` (customers without the attribute or without a record) last. */
  readonly keys: readonly (string | null)[];
  /** Group index of each ledger customer. */
  readonly groupOf: Int32Array;
}

/**
 * Assigns each customer of the ledger (`customerIds`) to the value of `attribute` in its customer
 * record, read by the accessor every `groupBy` shares (`customerAttribute`: `name` is the name, other
 * attributes own keys only). A customer with no record, or whose record lacks the attribute, falls in
 * group `null`.
 */
export function groupCustomers(
  customerIds: readonly string[],
  customers: readonly Customer[],
  attribute: string,
): CustomerGroups {
  const valueOf = attributeValues(customers, attribute);
  const values = customerIds.map((id) => valueOf.get(id) ?? null);
  const keys = [...new Set(values)].sort(compareGroupKeys);
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  return { keys, groupOf: Int32Array.from(values, (value) => indexOf.get(value) ?? 0) };
}
