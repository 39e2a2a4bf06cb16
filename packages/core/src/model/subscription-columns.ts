/**
 * `endDay` of a line that has no end (an ongoing subscription). The smallest Int32: no calendar day a
 * report can hold.
 */
export const NO_END_DAY = -0x80000000;

/**
 * Subscription lines held column by column, as Apache Arrow, DuckDB or Parquet hold them: one typed
 * array per field, every array `length` long, line `i` being index `i` of each. Strings are
 * dictionary-encoded (a code per line into a list of distinct values), dates are day numbers. A report
 * built from these is identical to one built from the same lines as {@link SubscriptionLine} objects,
 * and skips building an object per line.
 *
 * The values must already be valid, as the readers guarantee for objects (metrics.md §1): a bad value is
 * a `RangeError` naming the line's index (`line #i`), not a validation issue naming a file's row.
 *
 * - `customer[i]` indexes `customerIds`; `product[i]` indexes `products` (`''` = no product), and
 *   without `product` no line has one; `currency[i]` indexes `currencies` (ISO 4217, upper case).
 * - `startDay[i]`, `endDay[i]`: days since 1970-01-01 (Arrow's `Date32`); the end is exclusive, and
 *   {@link NO_END_DAY} for an ongoing line.
 * - `amountMinor[i]`: the price per interval for one unit in integer minor units of its currency.
 * - `interval[i]` indexes {@link BILLING_INTERVALS} (0 = day … 4 = year); `intervalCount[i]` ≥ 1 and
 *   `quantity[i]` ≥ 0 are integers; `isTrial[i]` is 1 for a trial line, else 0.
 *
 * Dictionaries may hold values no line uses, in any order: they count nowhere.
 */
export interface SubscriptionColumns {
  /** Number of lines. */
  readonly length: number;
  readonly customerIds: readonly string[];
  readonly customer: ArrayLike<number>;
  readonly startDay: ArrayLike<number>;
  readonly endDay: ArrayLike<number>;
  readonly amountMinor: ArrayLike<number>;
  readonly currencies: readonly string[];
  readonly currency: ArrayLike<number>;
  readonly interval: ArrayLike<number>;
  readonly intervalCount: ArrayLike<number>;
  readonly quantity: ArrayLike<number>;
  readonly isTrial: ArrayLike<number>;
  readonly products?: readonly string[];
  readonly product?: ArrayLike<number>;
  /** Row of the source file of each line, named by errors instead of the index when given. */
  readonly row?: ArrayLike<number>;
  /**
   * `line_id` of each line (`undefined` for a line without one), named by errors as the object path
   * names them: a missing FX rate is found only once every line is read, and its message names the line.
   */
  readonly lineIds?: readonly (string | undefined)[];
}

/** Whether subscriptions are given as columns rather than as line objects. */
export function isSubscriptionColumns(
  subscriptions: SubscriptionColumns | readonly unknown[],
): subscriptions is SubscriptionColumns {
  return !Array.isArray(subscriptions);
}
