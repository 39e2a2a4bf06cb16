/**
 * A value per customer id, as a `Map` or a plain object (`{ cus_1: 12 }`).
 *
 * A plain object is read through its own keys only, so an id like `constructor` is never mistaken for
 * an inherited property.
 */
export type PerCustomer<V> = ReadonlyMap<string, V> | Readonly<Record<string, V>>;

/**
 * The entries of a {@link PerCustomer}, sorted by customer id (code-point order), so results do not
 * depend on the order the caller built the input in.
 *
 * @internal
 */
export function customerEntries<V>(values: PerCustomer<V>): [string, V][] {
  const entries: [string, V][] =
    values instanceof Map ? [...(values as ReadonlyMap<string, V>)] : Object.entries(values);
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
