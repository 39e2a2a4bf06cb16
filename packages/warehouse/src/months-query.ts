import { customerMonthCtes, FIRST_PRINTED, TICKS_PER_MINOR } from './customer-months-sql.js';
import { dialectNamed } from './dialects/index.js';
import { moneyOfDouble, moneyOfTicks, moneyPerCount, ratio } from './money-sql.js';
import { resolveQueryOptions, type RevenueQueryOptions } from './query-options.js';

/** The columns of the `months` query, in order (docs/warehouse.md). */
export const MONTH_COLUMNS = [
  'month',
  'mrr',
  'arr',
  'customers',
  'arpa',
  'new_mrr',
  'new_customers',
  'expansion_mrr',
  'expansion_customers',
  'contraction_mrr',
  'contraction_customers',
  'churn_mrr',
  'churn_customers',
  'reactivation_mrr',
  'reactivation_customers',
  'net_new_mrr',
  'logo_churn_rate',
  'gross_mrr_churn_rate',
  'net_mrr_churn_rate',
  'grr',
  'nrr',
  'nrr12',
  'grr12',
  'quick_ratio',
  'ltv',
] as const;

/** One row of the `months` query. Money in major units, ratios unrounded, NULL where the spec says. */
export type MonthRow = Record<(typeof MONTH_COLUMNS)[number], string | number | null>;

/**
 * The movements summed from a customer-month of `flows` (metrics.md §2): name, condition, amount.
 * `leaving` is churn one month early: the last active month before a gap or the end.
 */
const MOVEMENTS = [
  ['new', 'previous_m IS NULL', 'q'],
  ['expansion', 'previous_m = m - 1 AND q > previous_q', 'q - previous_q'],
  ['contraction', 'previous_m = m - 1 AND q < previous_q', 'previous_q - q'],
  ['leaving', 'next_m IS NULL OR next_m > m + 1', 'q'],
  ['reactivation', 'previous_m < m - 1', 'q'],
] as const;

/** The movements the report prints, in its order (`churn` is `leaving` of the month before). */
const PRINTED_MOVEMENTS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

/**
 * The `months` query: one row per month from `from` to `to`, in order, with the revenue report's
 * monthly numbers (metrics.md §2; report.md `months`). Every metric is defined once here; the dialect
 * supplies the month spine, month arithmetic, windows, quoting and integer division.
 *
 * @throws RangeError for invalid options (see {@link resolveQueryOptions}).
 */
export function monthsQuery(options: RevenueQueryOptions): string {
  const d = dialectNamed(options.dialect);
  const resolved = resolveQueryOptions(options);
  const e = resolved.exponent;
  const customer = { partitionBy: 'customer_id', orderBy: 'm' };
  const spine = { orderBy: 'm' };
  const lastSix = 'ORDER BY m ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING';
  const ctes = [
    ...customerMonthCtes(d, resolved),
    // Each customer-month with the months around it: p = MRR_c(M−1) is q of the previous row only when
    // that row is M−1; a customer leaving after M churns in M+1; q12 = MRR_c(M−12) from a frame of
    // exactly the row 12 months before (empty, so NULL or 0, when the customer was not active then).
    // All windows share one sort of customer_months, which is built once and read once.
    `flows AS (
  SELECT m, q, ${d.lag('m', 1, customer)} AS previous_m, ${d.lag('q', 1, customer)} AS previous_q,
    ${d.lead('m', customer)} AS next_m,
    SUM(q) OVER (PARTITION BY customer_id ORDER BY m RANGE BETWEEN 12 PRECEDING AND 12 PRECEDING) AS q12
  FROM customer_months
)`,
    // Every monthly sum in one pass (metrics.md §2, movements netted per customer and month); churn is
    // summed in the month a customer is last active and moved to the next month below.
    `month_sums AS (
  SELECT m, SUM(q) AS mrr_ticks, COUNT(*) AS customer_count,
    ${MOVEMENTS.map(
      ([name, condition, amount]) =>
        `SUM(CASE WHEN ${condition} THEN ${amount} ELSE 0 END) AS ${name}_ticks, SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${name}_count`,
    ).join(',\n    ')},
    SUM(CASE WHEN q12 > 0 THEN q ELSE 0 END) AS kept_ticks,
    SUM(CASE WHEN q12 > 0 THEN LEAST(q, q12) ELSE 0 END) AS kept_min_ticks
  FROM flows
  GROUP BY m
)`,
    `monthly AS (
  SELECT s.m AS m,
    COALESCE(t.mrr_ticks, 0) AS mrr_ticks, COALESCE(t.customer_count, 0) AS customer_count,
    ${MOVEMENTS.map(([name]) => `COALESCE(t.${name}_ticks, 0) AS ${name}_ticks, COALESCE(t.${name}_count, 0) AS ${name}_count`).join(',\n    ')},
    COALESCE(t.kept_ticks, 0) AS kept_ticks, COALESCE(t.kept_min_ticks, 0) AS kept_min_ticks,
    ${TICKS_PER_MINOR} AS ticks_per_minor
  FROM spine AS s
  LEFT JOIN month_sums AS t ON t.m = s.m
)`,
    `previous AS (
  SELECT *,
    COALESCE(${d.lag('mrr_ticks', 1, spine)}, 0) AS previous_ticks,
    COALESCE(${d.lag('customer_count', 1, spine)}, 0) AS previous_count,
    COALESCE(${d.lag('mrr_ticks', 12, spine)}, 0) AS year_ago_ticks,
    COALESCE(${d.lag('leaving_ticks', 1, spine)}, 0) AS churn_ticks,
    COALESCE(${d.lag('leaving_count', 1, spine)}, 0) AS churn_count
  FROM monthly
)`,
    `churn_rates AS (
  SELECT *, ${ratio(d, 'churn_count', 'previous_count')} AS logo_churn_rate FROM previous
)`,
    // LTV divides by the mean logo churn rate of M−6 … M−1, skipping months without a rate.
    `ltv_inputs AS (
  SELECT *, SUM(logo_churn_rate) OVER (${lastSix}) AS churn_sum, COUNT(logo_churn_rate) OVER (${lastSix}) AS churn_months
  FROM churn_rates
)`,
  ];
  const lose = '(churn_ticks + contraction_ticks)';
  // Read once into a column: ClickHouse may evaluate each textual copy of a scalar subquery.
  const scale = 'ticks_per_minor';
  const arpaMinor = `${d.toDouble('mrr_ticks')} / ${d.toDouble(`(${scale} * customer_count)`)}`;
  const meanChurn = `(churn_sum / ${d.toDouble('churn_months')})`;
  const columns = [
    `${d.formatMonth('m')} AS month`,
    `${moneyOfTicks(d, 'mrr_ticks', scale, e)} AS mrr`,
    `${moneyOfTicks(d, '12 * mrr_ticks', scale, e)} AS arr`,
    `${d.toCount('customer_count')} AS customers`,
    `${moneyPerCount(d, 'mrr_ticks', scale, 'customer_count', e)} AS arpa`,
    ...PRINTED_MOVEMENTS.flatMap((name) => [
      `${moneyOfTicks(d, `${name}_ticks`, scale, e)} AS ${name}_mrr`,
      `${d.toCount(`${name}_count`)} AS ${name}_customers`,
    ]),
    `${moneyOfTicks(d, 'mrr_ticks - previous_ticks', scale, e)} AS net_new_mrr`,
    'logo_churn_rate',
    `${ratio(d, lose, 'previous_ticks')} AS gross_mrr_churn_rate`,
    `${ratio(d, `${lose} - expansion_ticks - reactivation_ticks`, 'previous_ticks')} AS net_mrr_churn_rate`,
    `${ratio(d, `previous_ticks - ${lose}`, 'previous_ticks')} AS grr`,
    `${ratio(d, `previous_ticks - ${lose} + expansion_ticks`, 'previous_ticks')} AS nrr`,
    `${ratio(d, 'kept_ticks', 'year_ago_ticks')} AS nrr12`,
    `${ratio(d, 'kept_min_ticks', 'year_ago_ticks')} AS grr12`,
    `${ratio(d, 'new_ticks + expansion_ticks + reactivation_ticks', lose)} AS quick_ratio`,
    `CASE WHEN customer_count = 0 OR churn_months = 0 OR churn_sum = 0 THEN NULL ELSE ${moneyOfDouble(d, `(${arpaMinor}) / ${meanChurn}`, e)} END AS ltv`,
  ];
  return `WITH\n${ctes.join(',\n')}\nSELECT\n  ${columns.join(',\n  ')}\nFROM ltv_inputs\nWHERE m >= ${FIRST_PRINTED}\nORDER BY m\n`;
}
