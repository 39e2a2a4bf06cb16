/**
 * Per-month sums in ticks and counts, for `slots` series side by side (slot 0 = every customer,
 * slot g + 1 = group g): value of slot s in month offset m at `[s × width + m]`.
 */
export interface SeriesSums {
  readonly slots: number;
  readonly width: number;
  readonly mrr: Float64Array;
  readonly customers: Float64Array;
  /** Indexed by movement code − 1 (see `MOVEMENT_CODES`). */
  readonly movementMrr: readonly Float64Array[];
  readonly movementCustomers: readonly Float64Array[];
  /** Σ MRR_c(M) and Σ min(MRR_c(M), MRR_c(M−12)) over customers active in M−12. */
  readonly nrr12: Float64Array;
  readonly grr12: Float64Array;
  readonly upsellMrr: Float64Array;
  readonly upsellCustomers: Float64Array;
  readonly crossSellMrr: Float64Array;
  readonly crossSellCustomers: Float64Array;
  readonly renewalsDue: Float64Array;
  readonly renewed: Float64Array;
  readonly trialsStarted: Float64Array;
  readonly trialsConverted: Float64Array;
  /** Customers per cohort month, `[s × width + K]`. */
  readonly cohortCustomers: Float64Array;
  /** Active customers and MRR of cohort K at age k: `[(s × width + K) × width + k]`. */
  readonly cohortActive: Float64Array;
  readonly cohortMrr: Float64Array;
}

/** Zeroed sums for `slots` series of `width` months. */
export function createSeriesSums(slots: number, width: number): SeriesSums {
  const series = (): Float64Array => new Float64Array(slots * width);
  const cohortCells = slots * width * width;
  return {
    slots,
    width,
    mrr: series(),
    customers: series(),
    movementMrr: [series(), series(), series(), series(), series()],
    movementCustomers: [series(), series(), series(), series(), series()],
    nrr12: series(),
    grr12: series(),
    upsellMrr: series(),
    upsellCustomers: series(),
    crossSellMrr: series(),
    crossSellCustomers: series(),
    renewalsDue: series(),
    renewed: series(),
    trialsStarted: series(),
    trialsConverted: series(),
    cohortCustomers: series(),
    cohortActive: new Float64Array(cohortCells),
    cohortMrr: new Float64Array(cohortCells),
  };
}

/**
 * Adds `value` to month offset m of `series` for all customers (slot 0) and, when grouping, for
 * customer c's group.
 */
export function addForCustomer(
  series: Float64Array,
  width: number,
  m: number,
  value: number,
  c: number,
  groupOf: Int32Array | undefined,
): void {
  series[m] = (series[m] as number) + value;
  if (groupOf === undefined) return;
  const at = ((groupOf[c] as number) + 1) * width + m;
  series[at] = (series[at] as number) + value;
}
