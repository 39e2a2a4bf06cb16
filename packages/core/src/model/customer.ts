/** A customer (metrics.md §1): the unit that is counted, churns and belongs to a cohort. */
export interface Customer {
  /** Unique id, the key subscription lines refer to. */
  readonly customerId: string;
  readonly name?: string;
  /** Creation date `YYYY-MM-DD` in the reporting time zone (converted from a timestamp when read). */
  readonly createdAt?: string;
  /**
   * Every other column (segment, industry, size, country, owner …), by column name. Empty values are
   * left out, so a missing key means "unknown". Any attribute can be used as `groupBy`.
   */
  readonly attributes: Readonly<Record<string, string>>;
}
