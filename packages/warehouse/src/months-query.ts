import { customerMonthCtes } from './customer-months-sql.js';
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

// Movement codes as in @cskit/core: 1 new, 2 expansion, 3 contraction, 4 churn, 5 reactivation.
const MOVEMENTS = [
  ['new', 1],
  ['expansion', 2],
  ['contraction', 3],
  ['churn', 4],
  ['reactivation', 5],
] as const;

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
    // that row is M−1; a customer leaving after M churns in M+1.
    `flows AS (
  SELECT customer_id, m, q, ${d.lag('m', 1, customer)} AS previous_m, ${d.lag('q', 1, customer)} AS previous_q,
    ${d.lead('m', customer)} AS next_m
  FROM customer_months
)`,
    // Movements netted per customer and month (metrics.md §2): code and amount. The churn rows' month is
    // not aliased `m`: ClickHouse lets an alias shadow the column in WHERE, which would test m + 2.
    `movement_rows AS (
  SELECT m,
    CASE WHEN previous_m IS NULL THEN 1 WHEN previous_m < m - 1 THEN 5 WHEN q > previous_q THEN 2 WHEN q < previous_q THEN 3 ELSE 0 END AS code,
    CASE WHEN previous_m IS NULL OR previous_m < m - 1 THEN q WHEN q > previous_q THEN q - previous_q ELSE previous_q - q END AS amount
  FROM flows
  UNION ALL
  SELECT m + 1 AS month_after, 4 AS code, q AS amount FROM flows WHERE next_m IS NULL OR next_m > m + 1
)`,
    `movement_sums AS (
  SELECT m, ${MOVEMENTS.map(
    ([name, code]) =>
      `SUM(CASE WHEN code = ${code} THEN amount ELSE 0 END) AS ${name}_ticks, SUM(CASE WHEN code = ${code} THEN 1 ELSE 0 END) AS ${name}_count`,
  ).join(',\n    ')}
  FROM movement_rows
  GROUP BY m
)`,
    `totals AS (
  SELECT m, SUM(q) AS mrr_ticks, COUNT(*) AS customer_count FROM customer_months GROUP BY m
)`,
    // nrr12 / grr12 over the customers active in M−12 (metrics.md §2).
    `year_on AS (
  SELECT a.m + 12 AS m, SUM(COALESCE(b.q, 0)) AS kept_ticks, SUM(LEAST(COALESCE(b.q, 0), a.q)) AS kept_min_ticks
  FROM customer_months AS a LEFT JOIN customer_months AS b ON b.customer_id = a.customer_id AND b.m = a.m + 12
  GROUP BY a.m + 12
)`,
    `monthly AS (
  SELECT s.m AS m,
    COALESCE(t.mrr_ticks, 0) AS mrr_ticks, COALESCE(t.customer_count, 0) AS customer_count,
    ${MOVEMENTS.map(([name]) => `COALESCE(v.${name}_ticks, 0) AS ${name}_ticks, COALESCE(v.${name}_count, 0) AS ${name}_count`).join(',\n    ')},
    COALESCE(y.kept_ticks, 0) AS kept_ticks, COALESCE(y.kept_min_ticks, 0) AS kept_min_ticks
  FROM spine AS s
  LEFT JOIN totals AS t ON t.m = s.m
  LEFT JOIN movement_sums AS v ON v.m = s.m
  LEFT JOIN year_on AS y ON y.m = s.m
)`,
    `previous AS (
  SELECT *,
    COALESCE(${d.lag('mrr_ticks', 1, spine)}, 0) AS previous_ticks,
    COALESCE(${d.lag('customer_count', 1, spine)}, 0) AS previous_count,
    COALESCE(${d.lag('mrr_ticks', 12, spine)}, 0) AS year_ago_ticks
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
  const scale = 'k.ticks_per_minor';
  const arpaMinor = `${d.toDouble('mrr_ticks')} / ${d.toDouble(`(${scale} * customer_count)`)}`;
  const meanChurn = `(churn_sum / ${d.toDouble('churn_months')})`;
  const columns = [
    `${d.formatMonth('m')} AS month`,
    `${moneyOfTicks(d, 'mrr_ticks', scale, e)} AS mrr`,
    `${moneyOfTicks(d, '12 * mrr_ticks', scale, e)} AS arr`,
    `${d.toCount('customer_count')} AS customers`,
    `${moneyPerCount(d, 'mrr_ticks', scale, 'customer_count', e)} AS arpa`,
    ...MOVEMENTS.flatMap(([name]) => [
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
  return `WITH\n${ctes.join(',\n')}\nSELECT\n  ${columns.join(',\n  ')}\nFROM ltv_inputs CROSS JOIN scale AS k\nWHERE m >= (SELECT first_printed FROM bounds)\nORDER BY m\n`;
}
