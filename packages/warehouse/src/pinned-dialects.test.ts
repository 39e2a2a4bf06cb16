import { describe, expect, it } from 'vitest';
import { cohortsQuery } from './cohorts-query.js';
import { monthsQuery } from './months-query.js';

// BigQuery and Snowflake cannot run in CI: their SQL is pinned here, text for text. Each was read
// through against the vendor's reference when pinned (BigQuery: DIV/MOD on BIGNUMERIC, FORMAT,
// GENERATE_ARRAY, ERROR(); Snowflake: upper-case quoted names, MOD-based integer division,
// ARRAY_GENERATE_RANGE + LATERAL FLATTEN, failing casts as errors; both: WITH RECURSIVE for the
// scale's least common multiple, MOD-only Euclid as neither has GCD). The shared definitions are the
// ones DuckDB, Postgres and ClickHouse run in the differential tests; a change to them shows here as a
// diff to review.
const options = {
  from: '2024-01',
  to: '2024-12',
  subscriptionsTable: 'billing.subscriptions',
  fxTable: 'billing.fx',
  currency: 'USD',
} as const;

describe('the BigQuery SQL', () => {
  it('of the months query is pinned', () => {
    expect(monthsQuery({ ...options, dialect: 'bigquery' })).toBe(BIGQUERY_MONTHS);
  });
  it('of the cohorts query is pinned', () => {
    expect(cohortsQuery({ ...options, dialect: 'bigquery' })).toBe(BIGQUERY_COHORTS);
  });
});

describe('the Snowflake SQL', () => {
  it('of the months query is pinned', () => {
    expect(monthsQuery({ ...options, dialect: 'snowflake' })).toBe(SNOWFLAKE_MONTHS);
  });
  it('of the cohorts query is pinned', () => {
    expect(cohortsQuery({ ...options, dialect: 'snowflake' })).toBe(SNOWFLAKE_COHORTS);
  });
});

// The common table expressions both queries start with, up to customer_months.
const BIGQUERY_CTES = `WITH
lines_read AS (
  SELECT \`line_id\` AS line_id, \`customer_id\` AS customer_id, \`start_date\` AS start_date,
    \`end_date\` AS end_date, COALESCE(\`currency\`, 'USD') AS currency, \`amount\` AS amount,
    \`mrr\` AS mrr, \`interval\` AS billing_interval, COALESCE(\`interval_count\`, 1) AS interval_count,
    COALESCE(\`quantity\`, 1) AS quantity, COALESCE(\`is_trial\`, FALSE) AS is_trial,
    CASE WHEN COALESCE(\`currency\`, 'USD') IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 1000 WHEN COALESCE(\`currency\`, 'USD') IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 1 WHEN COALESCE(\`currency\`, 'USD') IN ('CLF', 'UYW') THEN 10000 ELSE 100 END AS minor_per_major
  FROM \`billing\`.\`subscriptions\`
),
lines_priced AS (
  SELECT line_id, customer_id, start_date, end_date, currency, is_trial, quantity, CASE WHEN customer_id IS NULL THEN 'customer_id is missing' WHEN start_date IS NULL THEN 'start_date is missing' WHEN end_date < start_date THEN 'end_date is before start_date' WHEN amount IS NULL AND mrr IS NULL THEN 'amount (with interval) or mrr is required' WHEN amount IS NOT NULL AND mrr IS NOT NULL THEN 'give either mrr or amount with interval, not both' WHEN amount IS NULL AND billing_interval IS NOT NULL AND billing_interval <> 'month' THEN 'a line given with mrr is monthly: interval must be empty or month' WHEN amount IS NOT NULL AND (billing_interval IS NULL OR billing_interval NOT IN ('day', 'week', 'month', 'quarter', 'year')) THEN 'unknown interval' WHEN COALESCE(amount, mrr) < 0 THEN 'amount is negative' WHEN COALESCE(amount, mrr) * minor_per_major <> ROUND(COALESCE(amount, mrr) * minor_per_major) THEN 'more decimals than the currency allows' WHEN quantity < 0 THEN 'quantity must be a non-negative integer' WHEN interval_count < 1 THEN 'interval_count must be a positive integer' END AS problem,
    COALESCE(amount, mrr) AS price, minor_per_major,
    CASE WHEN amount IS NULL THEN 'month' ELSE billing_interval END AS period,
    CASE WHEN amount IS NULL THEN 1 ELSE interval_count END AS period_count
  FROM lines_read
),
lines_checked AS (
  SELECT line_id, customer_id, start_date, end_date, currency, problem,
    CASE WHEN problem IS NOT NULL OR is_trial THEN CAST(0 AS FLOAT64)
      ELSE CAST(ROUND(price * minor_per_major) AS FLOAT64) * quantity * CASE period WHEN 'day' THEN 365 WHEN 'week' THEN 13 WHEN 'month' THEN 1 WHEN 'quarter' THEN 1 WHEN 'year' THEN 1 END END AS raw,
    CAST(CASE period WHEN 'day' THEN 12 WHEN 'week' THEN 3 WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 END * period_count AS BIGNUMERIC) AS denominator
  FROM lines_priced
),
fx_checked AS (
  SELECT \`currency\` AS currency, \`date\` AS valid_from, LEAD(\`date\`, 1) OVER (PARTITION BY \`currency\` ORDER BY \`date\`) AS valid_until, \`rate\` AS rate, CASE WHEN \`date\` IS NULL OR \`currency\` IS NULL THEN 'FX rate without a date or currency'
      WHEN COUNT(*) OVER (PARTITION BY \`currency\`, \`date\`) > 1 THEN 'duplicate FX rate for ' || \`currency\` || ' on ' || CAST(\`date\` AS STRING)
      WHEN \`rate\` IS NULL OR NOT (\`rate\` > 0) THEN 'FX rate for ' || \`currency\` || ' on ' || CAST(\`date\` AS STRING) || ' must be a positive number' END AS problem
  FROM \`billing\`.\`fx\`
  WHERE \`currency\` IS NULL OR \`currency\` <> 'USD'
),
fx_rates AS (
  SELECT currency, valid_from, valid_until, rate FROM fx_checked WHERE problem IS NULL
),
scale AS (
  SELECT CASE
      WHEN p.magnitude * CAST(c.candidate AS FLOAT64) * 12 >= 9007199254740991 THEN CAST(1 AS BIGNUMERIC)
      ELSE CAST(c.candidate AS BIGNUMERIC) END AS ticks_per_minor
  FROM (
WITH RECURSIVE
denominators AS (
  SELECT denominator, ROW_NUMBER() OVER (ORDER BY denominator) AS i
  FROM (SELECT DISTINCT denominator FROM lines_checked WHERE raw > 0 AND denominator <= 2097152) AS distinct_denominators
),
lcm_fold AS (
  SELECT CAST(1 AS BIGNUMERIC) AS i, CAST(1 AS BIGNUMERIC) AS l, CAST(0 AS BIGNUMERIC) AS x, CAST(0 AS BIGNUMERIC) AS y
  UNION ALL
  SELECT
    CAST(CASE WHEN f.y = 0 AND MOD(f.l, n.denominator) = 0 THEN f.i + 1 WHEN f.y <> 0 AND MOD(f.x, NULLIF(f.y, 0)) = 0 THEN f.i + 1 ELSE f.i END AS BIGNUMERIC) AS i,
    CAST(CASE WHEN f.y <> 0 AND MOD(f.x, NULLIF(f.y, 0)) = 0 THEN DIV(f.l, f.y) * n.denominator ELSE f.l END AS BIGNUMERIC) AS l,
    CAST(CASE WHEN f.y = 0 AND MOD(f.l, n.denominator) = 0 THEN 0 WHEN f.y = 0 THEN n.denominator WHEN MOD(f.x, NULLIF(f.y, 0)) = 0 THEN 0 ELSE f.y END AS BIGNUMERIC) AS x,
    CAST(CASE WHEN f.y = 0 AND MOD(f.l, n.denominator) = 0 THEN 0 WHEN f.y = 0 THEN MOD(f.l, n.denominator) WHEN MOD(f.x, NULLIF(f.y, 0)) = 0 THEN 0 ELSE MOD(f.x, NULLIF(f.y, 0)) END AS BIGNUMERIC) AS y
  FROM lcm_fold AS f JOIN denominators AS n ON n.i = f.i
  WHERE f.l <= 2097152
)
SELECT CASE WHEN (SELECT COUNT(*) FROM lines_checked WHERE raw > 0 AND denominator > 2097152) > 0 THEN 12
  ELSE COALESCE((SELECT CASE WHEN COUNT(*) > 0 THEN MAX(l) END FROM lcm_fold WHERE i > (SELECT COUNT(*) FROM denominators) AND l <= 2097152), 12) END AS candidate
  ) AS c CROSS JOIN (
    SELECT COALESCE((SELECT SUM(raw / CAST(denominator AS FLOAT64)) FROM lines_checked WHERE raw > 0), 0) AS magnitude
  ) AS p
),
checks AS (
  SELECT CASE
    WHEN (SELECT COUNT(*) FROM lines_checked WHERE currency <> 'USD') > 0 AND (SELECT MIN(problem) FROM fx_checked) IS NOT NULL
      THEN 'FX table: ' || (SELECT MIN(problem) FROM fx_checked)
    ELSE (SELECT CASE WHEN COUNT(*) > 0 THEN 'Subscription line ' || MIN(line_id) || ': duplicate line_id' END
      FROM (SELECT line_id FROM lines_read WHERE line_id IS NOT NULL GROUP BY line_id HAVING COUNT(*) > 1) AS duplicated)
  END AS problem
),
lines AS (
  SELECT l.customer_id AS customer_id, (EXTRACT(YEAR FROM l.start_date) * 12 + EXTRACT(MONTH FROM l.start_date) - 1) AS start_month,
    CASE WHEN l.end_date IS NULL THEN NULL ELSE (EXTRACT(YEAR FROM l.end_date) * 12 + EXTRACT(MONTH FROM l.end_date) - 1) END AS end_month,
    CASE
      WHEN (SELECT problem FROM checks) IS NOT NULL THEN CAST(ERROR((SELECT problem FROM checks)) AS FLOAT64)
      WHEN l.problem IS NOT NULL THEN CAST(ERROR('Subscription line ' || COALESCE(CAST(l.line_id AS STRING), '(no line_id)') || ' (customer ' || COALESCE(CAST(l.customer_id AS STRING), '') || '): ' || l.problem) AS FLOAT64)
      WHEN l.raw = 0 THEN CAST(0 AS FLOAT64)
      WHEN l.currency = 'USD' THEN l.raw * (CAST((SELECT ticks_per_minor FROM scale) AS FLOAT64) / CAST(l.denominator AS FLOAT64))
      WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN CAST(ERROR(CASE WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN 'Subscription line ' || COALESCE(CAST(l.line_id AS STRING), '(no line_id)') || ': No FX rate for ' || l.currency || ' on or before ' || CAST(l.start_date AS STRING) || ' (needed to convert ' || l.currency || ' to USD); add one to the fx table' END) AS FLOAT64)
      ELSE l.raw * (CAST((SELECT ticks_per_minor FROM scale) AS FLOAT64) / CAST(l.denominator AS FLOAT64)) * (l.rate * CAST(CASE WHEN l.currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 0.1 WHEN l.currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 100 WHEN l.currency IN ('CLF', 'UYW') THEN 0.01 ELSE 1 END AS FLOAT64))
    END AS ticks
  FROM (
    SELECT line_id AS line_id, customer_id AS customer_id, start_date AS start_date, end_date AS end_date, currency AS currency, problem AS problem, raw AS raw, denominator AS denominator, CAST(1 AS FLOAT64) AS rate FROM lines_checked WHERE currency = 'USD'
    UNION ALL
    SELECT l.line_id AS line_id, l.customer_id AS customer_id, l.start_date AS start_date, l.end_date AS end_date, l.currency AS currency, l.problem AS problem, l.raw AS raw, l.denominator AS denominator, CAST(r.rate AS FLOAT64) AS rate FROM lines_checked AS l LEFT JOIN fx_rates AS r ON l.currency = r.currency AND r.valid_from <= l.start_date AND (r.valid_until IS NULL OR l.start_date < r.valid_until) WHERE l.currency <> 'USD'
  ) AS l
),
bounds AS (
  SELECT
    COALESCE(24288, MIN(CASE WHEN ticks > 0 AND (end_month IS NULL OR end_month > start_month) THEN start_month END),
      LEAST(MIN(start_month), COALESCE(24299, MIN(start_month)))) AS first_printed,
    COALESCE(24299, MAX(COALESCE(end_month, start_month))) AS last_printed,
    MIN(CASE WHEN ticks > 0 AND (end_month IS NULL OR end_month > start_month) THEN start_month END) AS first_active
  FROM lines
),
spine AS (
  SELECT 1 AS one, m FROM (SELECT (SELECT LEAST(first_printed, COALESCE(first_active, first_printed)) FROM bounds) AS first_m, (SELECT last_printed FROM bounds) AS last_m) AS s CROSS JOIN UNNEST(GENERATE_ARRAY(s.first_m, s.last_m + 1 - 1)) AS m
),
active_lines AS (
  SELECT l.customer_id AS customer_id, l.ticks AS ticks, l.start_month AS start_month, LEAST(COALESCE(l.end_month, (SELECT last_printed FROM bounds) + 1), (SELECT last_printed FROM bounds) + 1) AS end_month
  FROM lines AS l
  WHERE l.ticks > 0
),
customer_months AS (
  SELECT customer_id, m, SUM(ticks) AS q
  FROM (SELECT s.customer_id AS customer_id, s.ticks AS ticks, m FROM active_lines AS s CROSS JOIN UNNEST(GENERATE_ARRAY(s.start_month, s.end_month - 1)) AS m) AS expanded
  GROUP BY customer_id, m
),
`;

const BIGQUERY_MONTHS =
  BIGQUERY_CTES +
  `flows AS (
  SELECT m, q, LAG(m, 1) OVER (PARTITION BY customer_id ORDER BY m) AS previous_m, LAG(q, 1) OVER (PARTITION BY customer_id ORDER BY m) AS previous_q,
    LEAD(m, 1) OVER (PARTITION BY customer_id ORDER BY m) AS next_m,
    SUM(q) OVER (PARTITION BY customer_id ORDER BY m RANGE BETWEEN 12 PRECEDING AND 12 PRECEDING) AS q12
  FROM customer_months
),
month_sums AS (
  SELECT m, SUM(q) AS mrr_ticks, COUNT(*) AS customer_count,
    SUM(CASE WHEN previous_m IS NULL THEN q ELSE 0 END) AS new_ticks, SUM(CASE WHEN previous_m IS NULL THEN 1 ELSE 0 END) AS new_count,
    SUM(CASE WHEN previous_m = m - 1 AND q > previous_q THEN q - previous_q ELSE 0 END) AS expansion_ticks, SUM(CASE WHEN previous_m = m - 1 AND q > previous_q THEN 1 ELSE 0 END) AS expansion_count,
    SUM(CASE WHEN previous_m = m - 1 AND q < previous_q THEN previous_q - q ELSE 0 END) AS contraction_ticks, SUM(CASE WHEN previous_m = m - 1 AND q < previous_q THEN 1 ELSE 0 END) AS contraction_count,
    SUM(CASE WHEN next_m IS NULL OR next_m > m + 1 THEN q ELSE 0 END) AS leaving_ticks, SUM(CASE WHEN next_m IS NULL OR next_m > m + 1 THEN 1 ELSE 0 END) AS leaving_count,
    SUM(CASE WHEN previous_m < m - 1 THEN q ELSE 0 END) AS reactivation_ticks, SUM(CASE WHEN previous_m < m - 1 THEN 1 ELSE 0 END) AS reactivation_count,
    SUM(CASE WHEN q12 > 0 THEN q ELSE 0 END) AS kept_ticks,
    SUM(CASE WHEN q12 > 0 THEN LEAST(q, q12) ELSE 0 END) AS kept_min_ticks
  FROM flows
  GROUP BY m
),
monthly AS (
  SELECT s.m AS m,
    COALESCE(t.mrr_ticks, 0) AS mrr_ticks, COALESCE(t.customer_count, 0) AS customer_count,
    COALESCE(t.new_ticks, 0) AS new_ticks, COALESCE(t.new_count, 0) AS new_count,
    COALESCE(t.expansion_ticks, 0) AS expansion_ticks, COALESCE(t.expansion_count, 0) AS expansion_count,
    COALESCE(t.contraction_ticks, 0) AS contraction_ticks, COALESCE(t.contraction_count, 0) AS contraction_count,
    COALESCE(t.leaving_ticks, 0) AS leaving_ticks, COALESCE(t.leaving_count, 0) AS leaving_count,
    COALESCE(t.reactivation_ticks, 0) AS reactivation_ticks, COALESCE(t.reactivation_count, 0) AS reactivation_count,
    COALESCE(t.kept_ticks, 0) AS kept_ticks, COALESCE(t.kept_min_ticks, 0) AS kept_min_ticks,
    (SELECT ticks_per_minor FROM scale) AS ticks_per_minor
  FROM spine AS s
  LEFT JOIN month_sums AS t ON t.m = s.m
),
previous AS (
  SELECT *,
    COALESCE(LAG(mrr_ticks, 1) OVER (ORDER BY m), 0) AS previous_ticks,
    COALESCE(LAG(customer_count, 1) OVER (ORDER BY m), 0) AS previous_count,
    COALESCE(LAG(mrr_ticks, 12) OVER (ORDER BY m), 0) AS year_ago_ticks,
    COALESCE(LAG(leaving_ticks, 1) OVER (ORDER BY m), 0) AS churn_ticks,
    COALESCE(LAG(leaving_count, 1) OVER (ORDER BY m), 0) AS churn_count
  FROM monthly
),
churn_rates AS (
  SELECT *, CASE WHEN previous_count = 0 THEN NULL ELSE CAST(churn_count AS FLOAT64) / CAST(NULLIF(previous_count, 0) AS FLOAT64) END AS logo_churn_rate FROM previous
),
ltv_inputs AS (
  SELECT *, SUM(logo_churn_rate) OVER (ORDER BY m ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING) AS churn_sum, COUNT(logo_churn_rate) OVER (ORDER BY m ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING) AS churn_months
  FROM churn_rates
)
SELECT
  FORMAT('%04d-%02d', DIV(m, 12), MOD(m, 12) + 1) AS month,
  (CASE WHEN (CAST(mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS mrr,
  (CASE WHEN (CAST(12 * mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(12 * mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(12 * mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(12 * mrr_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS arr,
  CAST(customer_count AS INT64) AS customers,
  CASE WHEN customer_count = 0 THEN NULL ELSE (CASE WHEN (CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64)) - FLOOR((CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64)) / 2) ELSE ROUND((CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64))) END) / 100 END AS arpa,
  (CASE WHEN (CAST(new_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(new_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(new_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(new_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS new_mrr,
  CAST(new_count AS INT64) AS new_customers,
  (CASE WHEN (CAST(expansion_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(expansion_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(expansion_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(expansion_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS expansion_mrr,
  CAST(expansion_count AS INT64) AS expansion_customers,
  (CASE WHEN (CAST(contraction_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(contraction_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(contraction_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(contraction_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS contraction_mrr,
  CAST(contraction_count AS INT64) AS contraction_customers,
  (CASE WHEN (CAST(churn_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(churn_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(churn_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(churn_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS churn_mrr,
  CAST(churn_count AS INT64) AS churn_customers,
  (CASE WHEN (CAST(reactivation_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(reactivation_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(reactivation_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(reactivation_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS reactivation_mrr,
  CAST(reactivation_count AS INT64) AS reactivation_customers,
  (CASE WHEN (CAST(mrr_ticks - previous_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(mrr_ticks - previous_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks - previous_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(mrr_ticks - previous_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS net_new_mrr,
  logo_churn_rate,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST((churn_ticks + contraction_ticks) AS FLOAT64) / CAST(NULLIF(previous_ticks, 0) AS FLOAT64) END AS gross_mrr_churn_rate,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST((churn_ticks + contraction_ticks) - expansion_ticks - reactivation_ticks AS FLOAT64) / CAST(NULLIF(previous_ticks, 0) AS FLOAT64) END AS net_mrr_churn_rate,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST(previous_ticks - (churn_ticks + contraction_ticks) AS FLOAT64) / CAST(NULLIF(previous_ticks, 0) AS FLOAT64) END AS grr,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST(previous_ticks - (churn_ticks + contraction_ticks) + expansion_ticks AS FLOAT64) / CAST(NULLIF(previous_ticks, 0) AS FLOAT64) END AS nrr,
  CASE WHEN year_ago_ticks = 0 THEN NULL ELSE CAST(kept_ticks AS FLOAT64) / CAST(NULLIF(year_ago_ticks, 0) AS FLOAT64) END AS nrr12,
  CASE WHEN year_ago_ticks = 0 THEN NULL ELSE CAST(kept_min_ticks AS FLOAT64) / CAST(NULLIF(year_ago_ticks, 0) AS FLOAT64) END AS grr12,
  CASE WHEN (churn_ticks + contraction_ticks) = 0 THEN NULL ELSE CAST(new_ticks + expansion_ticks + reactivation_ticks AS FLOAT64) / CAST(NULLIF((churn_ticks + contraction_ticks), 0) AS FLOAT64) END AS quick_ratio,
  CASE WHEN customer_count = 0 OR churn_months = 0 OR churn_sum = 0 THEN NULL ELSE (CASE WHEN (CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64)) / (churn_sum / CAST(churn_months AS FLOAT64)) - FLOOR((CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64)) / (churn_sum / CAST(churn_months AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64)) / (churn_sum / CAST(churn_months AS FLOAT64)) / 2) ELSE ROUND((CAST(mrr_ticks AS FLOAT64) / CAST((ticks_per_minor * customer_count) AS FLOAT64)) / (churn_sum / CAST(churn_months AS FLOAT64))) END) / 100 END AS ltv
FROM ltv_inputs
WHERE m >= (SELECT first_printed FROM bounds)
ORDER BY m
`;

const BIGQUERY_COHORTS =
  BIGQUERY_CTES +
  `cohort_cells AS (
  SELECT cohort, m - cohort AS age, COUNT(*) AS active_count, SUM(q) AS active_ticks
  FROM (SELECT MIN(m) OVER (PARTITION BY customer_id) AS cohort, m, q FROM customer_months) AS cohort_months
  GROUP BY cohort, m - cohort
),
cohort_grid AS (
  SELECT g.cohort AS cohort, g.m - g.cohort AS age, COALESCE(c.active_count, 0) AS active_count,
    COALESCE(c.active_ticks, 0) AS active_ticks
  FROM (SELECT s.cohort AS cohort, m FROM (SELECT m AS cohort, last_m FROM (SELECT s.last_m AS last_m, m FROM (SELECT (SELECT first_printed FROM bounds) AS first_m, (SELECT last_printed FROM bounds) AS last_m) AS s CROSS JOIN UNNEST(GENERATE_ARRAY(s.first_m, s.last_m + 1 - 1)) AS m) AS months) AS s CROSS JOIN UNNEST(GENERATE_ARRAY(s.cohort, s.last_m + 1 - 1)) AS m) AS g
  LEFT JOIN cohort_cells AS c ON c.cohort = g.cohort AND c.age = g.m - g.cohort
),
cohort_rows AS (
  SELECT cohort, age, active_count, active_ticks,
    MAX(CASE WHEN age = 0 THEN active_count ELSE 0 END) OVER (PARTITION BY cohort) AS size,
    MAX(CASE WHEN age = 0 THEN active_ticks ELSE 0 END) OVER (PARTITION BY cohort) AS start_ticks,
    (SELECT ticks_per_minor FROM scale) AS ticks_per_minor
  FROM cohort_grid
)
SELECT
  FORMAT('%04d-%02d', DIV(cohort, 12), MOD(cohort, 12) + 1) AS cohort,
  CAST(age AS INT64) AS age,
  CAST(size AS INT64) AS customers,
  (CASE WHEN (CAST(start_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) - FLOOR((CAST(start_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) = 0.5 THEN 2 * ROUND((CAST(start_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64)) / 2) ELSE ROUND((CAST(start_ticks AS FLOAT64) / CAST(ticks_per_minor AS FLOAT64))) END) / 100 AS mrr,
  CASE WHEN size = 0 THEN NULL ELSE CAST(active_count AS FLOAT64) / CAST(NULLIF(size, 0) AS FLOAT64) END AS logo_retention,
  CASE WHEN start_ticks = 0 THEN NULL ELSE CAST(active_ticks AS FLOAT64) / CAST(NULLIF(start_ticks, 0) AS FLOAT64) END AS revenue_retention
FROM cohort_rows
WHERE size > 0
ORDER BY cohort, age
`;

const SNOWFLAKE_CTES = `WITH
lines_read AS (
  SELECT "LINE_ID" AS line_id, "CUSTOMER_ID" AS customer_id, "START_DATE" AS start_date,
    "END_DATE" AS end_date, COALESCE("CURRENCY", 'USD') AS currency, "AMOUNT" AS amount,
    "MRR" AS mrr, "INTERVAL" AS billing_interval, COALESCE("INTERVAL_COUNT", 1) AS interval_count,
    COALESCE("QUANTITY", 1) AS quantity, COALESCE("IS_TRIAL", FALSE) AS is_trial,
    CASE WHEN COALESCE("CURRENCY", 'USD') IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 1000 WHEN COALESCE("CURRENCY", 'USD') IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 1 WHEN COALESCE("CURRENCY", 'USD') IN ('CLF', 'UYW') THEN 10000 ELSE 100 END AS minor_per_major
  FROM "BILLING"."SUBSCRIPTIONS"
),
lines_priced AS (
  SELECT line_id, customer_id, start_date, end_date, currency, is_trial, quantity, CASE WHEN customer_id IS NULL THEN 'customer_id is missing' WHEN start_date IS NULL THEN 'start_date is missing' WHEN end_date < start_date THEN 'end_date is before start_date' WHEN amount IS NULL AND mrr IS NULL THEN 'amount (with interval) or mrr is required' WHEN amount IS NOT NULL AND mrr IS NOT NULL THEN 'give either mrr or amount with interval, not both' WHEN amount IS NULL AND billing_interval IS NOT NULL AND billing_interval <> 'month' THEN 'a line given with mrr is monthly: interval must be empty or month' WHEN amount IS NOT NULL AND (billing_interval IS NULL OR billing_interval NOT IN ('day', 'week', 'month', 'quarter', 'year')) THEN 'unknown interval' WHEN COALESCE(amount, mrr) < 0 THEN 'amount is negative' WHEN COALESCE(amount, mrr) * minor_per_major <> ROUND(COALESCE(amount, mrr) * minor_per_major) THEN 'more decimals than the currency allows' WHEN quantity < 0 THEN 'quantity must be a non-negative integer' WHEN interval_count < 1 THEN 'interval_count must be a positive integer' END AS problem,
    COALESCE(amount, mrr) AS price, minor_per_major,
    CASE WHEN amount IS NULL THEN 'month' ELSE billing_interval END AS period,
    CASE WHEN amount IS NULL THEN 1 ELSE interval_count END AS period_count
  FROM lines_read
),
lines_checked AS (
  SELECT line_id, customer_id, start_date, end_date, currency, problem,
    CASE WHEN problem IS NOT NULL OR is_trial THEN CAST(0 AS DOUBLE)
      ELSE CAST(ROUND(price * minor_per_major) AS DOUBLE) * quantity * CASE period WHEN 'day' THEN 365 WHEN 'week' THEN 13 WHEN 'month' THEN 1 WHEN 'quarter' THEN 1 WHEN 'year' THEN 1 END END AS raw,
    CAST(CASE period WHEN 'day' THEN 12 WHEN 'week' THEN 3 WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 END * period_count AS NUMBER(38, 0)) AS denominator
  FROM lines_priced
),
fx_checked AS (
  SELECT "CURRENCY" AS currency, "DATE" AS valid_from, LEAD("DATE", 1) OVER (PARTITION BY "CURRENCY" ORDER BY "DATE") AS valid_until, "RATE" AS rate, CASE WHEN "DATE" IS NULL OR "CURRENCY" IS NULL THEN 'FX rate without a date or currency'
      WHEN COUNT(*) OVER (PARTITION BY "CURRENCY", "DATE") > 1 THEN 'duplicate FX rate for ' || "CURRENCY" || ' on ' || CAST("DATE" AS VARCHAR)
      WHEN "RATE" IS NULL OR NOT ("RATE" > 0) THEN 'FX rate for ' || "CURRENCY" || ' on ' || CAST("DATE" AS VARCHAR) || ' must be a positive number' END AS problem
  FROM "BILLING"."FX"
  WHERE "CURRENCY" IS NULL OR "CURRENCY" <> 'USD'
),
fx_rates AS (
  SELECT currency, valid_from, valid_until, rate FROM fx_checked WHERE problem IS NULL
),
scale AS (
  SELECT CASE
      WHEN p.magnitude * CAST(c.candidate AS DOUBLE) * 12 >= 9007199254740991 THEN CAST(1 AS NUMBER(38, 0))
      ELSE CAST(c.candidate AS NUMBER(38, 0)) END AS ticks_per_minor
  FROM (
WITH RECURSIVE
denominators AS (
  SELECT denominator, ROW_NUMBER() OVER (ORDER BY denominator) AS i
  FROM (SELECT DISTINCT denominator FROM lines_checked WHERE raw > 0 AND denominator <= 2097152) AS distinct_denominators
),
lcm_fold AS (
  SELECT CAST(1 AS NUMBER(38, 0)) AS i, CAST(1 AS NUMBER(38, 0)) AS l, CAST(0 AS NUMBER(38, 0)) AS x, CAST(0 AS NUMBER(38, 0)) AS y
  UNION ALL
  SELECT
    CAST(CASE WHEN f.y = 0 AND MOD(f.l, n.denominator) = 0 THEN f.i + 1 WHEN f.y <> 0 AND MOD(f.x, NULLIF(f.y, 0)) = 0 THEN f.i + 1 ELSE f.i END AS NUMBER(38, 0)) AS i,
    CAST(CASE WHEN f.y <> 0 AND MOD(f.x, NULLIF(f.y, 0)) = 0 THEN ((f.l - MOD(f.l, f.y)) / f.y) * n.denominator ELSE f.l END AS NUMBER(38, 0)) AS l,
    CAST(CASE WHEN f.y = 0 AND MOD(f.l, n.denominator) = 0 THEN 0 WHEN f.y = 0 THEN n.denominator WHEN MOD(f.x, NULLIF(f.y, 0)) = 0 THEN 0 ELSE f.y END AS NUMBER(38, 0)) AS x,
    CAST(CASE WHEN f.y = 0 AND MOD(f.l, n.denominator) = 0 THEN 0 WHEN f.y = 0 THEN MOD(f.l, n.denominator) WHEN MOD(f.x, NULLIF(f.y, 0)) = 0 THEN 0 ELSE MOD(f.x, NULLIF(f.y, 0)) END AS NUMBER(38, 0)) AS y
  FROM lcm_fold AS f JOIN denominators AS n ON n.i = f.i
  WHERE f.l <= 2097152
)
SELECT CASE WHEN (SELECT COUNT(*) FROM lines_checked WHERE raw > 0 AND denominator > 2097152) > 0 THEN 12
  ELSE COALESCE((SELECT CASE WHEN COUNT(*) > 0 THEN MAX(l) END FROM lcm_fold WHERE i > (SELECT COUNT(*) FROM denominators) AND l <= 2097152), 12) END AS candidate
  ) AS c CROSS JOIN (
    SELECT COALESCE((SELECT SUM(raw / CAST(denominator AS DOUBLE)) FROM lines_checked WHERE raw > 0), 0) AS magnitude
  ) AS p
),
checks AS (
  SELECT CASE
    WHEN (SELECT COUNT(*) FROM lines_checked WHERE currency <> 'USD') > 0 AND (SELECT MIN(problem) FROM fx_checked) IS NOT NULL
      THEN 'FX table: ' || (SELECT MIN(problem) FROM fx_checked)
    ELSE (SELECT CASE WHEN COUNT(*) > 0 THEN 'Subscription line ' || MIN(line_id) || ': duplicate line_id' END
      FROM (SELECT line_id FROM lines_read WHERE line_id IS NOT NULL GROUP BY line_id HAVING COUNT(*) > 1) AS duplicated)
  END AS problem
),
lines AS (
  SELECT l.customer_id AS customer_id, (YEAR(l.start_date) * 12 + MONTH(l.start_date) - 1) AS start_month,
    CASE WHEN l.end_date IS NULL THEN NULL ELSE (YEAR(l.end_date) * 12 + MONTH(l.end_date) - 1) END AS end_month,
    CASE
      WHEN (SELECT problem FROM checks) IS NOT NULL THEN CAST(CAST((SELECT problem FROM checks) AS INTEGER) AS DOUBLE)
      WHEN l.problem IS NOT NULL THEN CAST(CAST('Subscription line ' || COALESCE(CAST(l.line_id AS VARCHAR), '(no line_id)') || ' (customer ' || COALESCE(CAST(l.customer_id AS VARCHAR), '') || '): ' || l.problem AS INTEGER) AS DOUBLE)
      WHEN l.raw = 0 THEN CAST(0 AS DOUBLE)
      WHEN l.currency = 'USD' THEN l.raw * (CAST((SELECT ticks_per_minor FROM scale) AS DOUBLE) / CAST(l.denominator AS DOUBLE))
      WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN CAST(CAST(CASE WHEN l.rate IS NULL OR NOT (l.rate > 0) THEN 'Subscription line ' || COALESCE(CAST(l.line_id AS VARCHAR), '(no line_id)') || ': No FX rate for ' || l.currency || ' on or before ' || CAST(l.start_date AS VARCHAR) || ' (needed to convert ' || l.currency || ' to USD); add one to the fx table' END AS INTEGER) AS DOUBLE)
      ELSE l.raw * (CAST((SELECT ticks_per_minor FROM scale) AS DOUBLE) / CAST(l.denominator AS DOUBLE)) * (l.rate * CAST(CASE WHEN l.currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 0.1 WHEN l.currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 100 WHEN l.currency IN ('CLF', 'UYW') THEN 0.01 ELSE 1 END AS DOUBLE))
    END AS ticks
  FROM (
    SELECT line_id AS line_id, customer_id AS customer_id, start_date AS start_date, end_date AS end_date, currency AS currency, problem AS problem, raw AS raw, denominator AS denominator, CAST(1 AS DOUBLE) AS rate FROM lines_checked WHERE currency = 'USD'
    UNION ALL
    SELECT l.line_id AS line_id, l.customer_id AS customer_id, l.start_date AS start_date, l.end_date AS end_date, l.currency AS currency, l.problem AS problem, l.raw AS raw, l.denominator AS denominator, CAST(r.rate AS DOUBLE) AS rate FROM lines_checked AS l LEFT JOIN fx_rates AS r ON l.currency = r.currency AND r.valid_from <= l.start_date AND (r.valid_until IS NULL OR l.start_date < r.valid_until) WHERE l.currency <> 'USD'
  ) AS l
),
bounds AS (
  SELECT
    COALESCE(24288, MIN(CASE WHEN ticks > 0 AND (end_month IS NULL OR end_month > start_month) THEN start_month END),
      LEAST(MIN(start_month), COALESCE(24299, MIN(start_month)))) AS first_printed,
    COALESCE(24299, MAX(COALESCE(end_month, start_month))) AS last_printed,
    MIN(CASE WHEN ticks > 0 AND (end_month IS NULL OR end_month > start_month) THEN start_month END) AS first_active
  FROM lines
),
spine AS (
  SELECT 1 AS one, CAST(r.value AS INTEGER) AS m FROM (SELECT (SELECT LEAST(first_printed, COALESCE(first_active, first_printed)) FROM bounds) AS first_m, (SELECT last_printed FROM bounds) AS last_m) AS s, LATERAL FLATTEN(ARRAY_GENERATE_RANGE(s.first_m, s.last_m + 1)) AS r
),
active_lines AS (
  SELECT l.customer_id AS customer_id, l.ticks AS ticks, l.start_month AS start_month, LEAST(COALESCE(l.end_month, (SELECT last_printed FROM bounds) + 1), (SELECT last_printed FROM bounds) + 1) AS end_month
  FROM lines AS l
  WHERE l.ticks > 0
),
customer_months AS (
  SELECT customer_id, m, SUM(ticks) AS q
  FROM (SELECT s.customer_id AS customer_id, s.ticks AS ticks, CAST(r.value AS INTEGER) AS m FROM active_lines AS s, LATERAL FLATTEN(ARRAY_GENERATE_RANGE(s.start_month, s.end_month)) AS r) AS expanded
  GROUP BY customer_id, m
),
`;

const SNOWFLAKE_MONTHS =
  SNOWFLAKE_CTES +
  `flows AS (
  SELECT m, q, LAG(m, 1) OVER (PARTITION BY customer_id ORDER BY m) AS previous_m, LAG(q, 1) OVER (PARTITION BY customer_id ORDER BY m) AS previous_q,
    LEAD(m, 1) OVER (PARTITION BY customer_id ORDER BY m) AS next_m,
    SUM(q) OVER (PARTITION BY customer_id ORDER BY m RANGE BETWEEN 12 PRECEDING AND 12 PRECEDING) AS q12
  FROM customer_months
),
month_sums AS (
  SELECT m, SUM(q) AS mrr_ticks, COUNT(*) AS customer_count,
    SUM(CASE WHEN previous_m IS NULL THEN q ELSE 0 END) AS new_ticks, SUM(CASE WHEN previous_m IS NULL THEN 1 ELSE 0 END) AS new_count,
    SUM(CASE WHEN previous_m = m - 1 AND q > previous_q THEN q - previous_q ELSE 0 END) AS expansion_ticks, SUM(CASE WHEN previous_m = m - 1 AND q > previous_q THEN 1 ELSE 0 END) AS expansion_count,
    SUM(CASE WHEN previous_m = m - 1 AND q < previous_q THEN previous_q - q ELSE 0 END) AS contraction_ticks, SUM(CASE WHEN previous_m = m - 1 AND q < previous_q THEN 1 ELSE 0 END) AS contraction_count,
    SUM(CASE WHEN next_m IS NULL OR next_m > m + 1 THEN q ELSE 0 END) AS leaving_ticks, SUM(CASE WHEN next_m IS NULL OR next_m > m + 1 THEN 1 ELSE 0 END) AS leaving_count,
    SUM(CASE WHEN previous_m < m - 1 THEN q ELSE 0 END) AS reactivation_ticks, SUM(CASE WHEN previous_m < m - 1 THEN 1 ELSE 0 END) AS reactivation_count,
    SUM(CASE WHEN q12 > 0 THEN q ELSE 0 END) AS kept_ticks,
    SUM(CASE WHEN q12 > 0 THEN LEAST(q, q12) ELSE 0 END) AS kept_min_ticks
  FROM flows
  GROUP BY m
),
monthly AS (
  SELECT s.m AS m,
    COALESCE(t.mrr_ticks, 0) AS mrr_ticks, COALESCE(t.customer_count, 0) AS customer_count,
    COALESCE(t.new_ticks, 0) AS new_ticks, COALESCE(t.new_count, 0) AS new_count,
    COALESCE(t.expansion_ticks, 0) AS expansion_ticks, COALESCE(t.expansion_count, 0) AS expansion_count,
    COALESCE(t.contraction_ticks, 0) AS contraction_ticks, COALESCE(t.contraction_count, 0) AS contraction_count,
    COALESCE(t.leaving_ticks, 0) AS leaving_ticks, COALESCE(t.leaving_count, 0) AS leaving_count,
    COALESCE(t.reactivation_ticks, 0) AS reactivation_ticks, COALESCE(t.reactivation_count, 0) AS reactivation_count,
    COALESCE(t.kept_ticks, 0) AS kept_ticks, COALESCE(t.kept_min_ticks, 0) AS kept_min_ticks,
    (SELECT ticks_per_minor FROM scale) AS ticks_per_minor
  FROM spine AS s
  LEFT JOIN month_sums AS t ON t.m = s.m
),
previous AS (
  SELECT *,
    COALESCE(LAG(mrr_ticks, 1) OVER (ORDER BY m), 0) AS previous_ticks,
    COALESCE(LAG(customer_count, 1) OVER (ORDER BY m), 0) AS previous_count,
    COALESCE(LAG(mrr_ticks, 12) OVER (ORDER BY m), 0) AS year_ago_ticks,
    COALESCE(LAG(leaving_ticks, 1) OVER (ORDER BY m), 0) AS churn_ticks,
    COALESCE(LAG(leaving_count, 1) OVER (ORDER BY m), 0) AS churn_count
  FROM monthly
),
churn_rates AS (
  SELECT *, CASE WHEN previous_count = 0 THEN NULL ELSE CAST(churn_count AS DOUBLE) / CAST(NULLIF(previous_count, 0) AS DOUBLE) END AS logo_churn_rate FROM previous
),
ltv_inputs AS (
  SELECT *, SUM(logo_churn_rate) OVER (ORDER BY m ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING) AS churn_sum, COUNT(logo_churn_rate) OVER (ORDER BY m ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING) AS churn_months
  FROM churn_rates
)
SELECT
  (LPAD(TRUNC(m / 12), 4, '0') || '-' || LPAD(MOD(m, 12) + 1, 2, '0')) AS month,
  (CASE WHEN (CAST(mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS mrr,
  (CASE WHEN (CAST(12 * mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(12 * mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(12 * mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(12 * mrr_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS arr,
  CAST(customer_count AS INTEGER) AS customers,
  CASE WHEN customer_count = 0 THEN NULL ELSE (CASE WHEN (CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE)) - FLOOR((CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE)) / 2) ELSE ROUND((CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE))) END) / 100 END AS arpa,
  (CASE WHEN (CAST(new_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(new_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(new_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(new_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS new_mrr,
  CAST(new_count AS INTEGER) AS new_customers,
  (CASE WHEN (CAST(expansion_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(expansion_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(expansion_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(expansion_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS expansion_mrr,
  CAST(expansion_count AS INTEGER) AS expansion_customers,
  (CASE WHEN (CAST(contraction_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(contraction_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(contraction_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(contraction_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS contraction_mrr,
  CAST(contraction_count AS INTEGER) AS contraction_customers,
  (CASE WHEN (CAST(churn_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(churn_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(churn_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(churn_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS churn_mrr,
  CAST(churn_count AS INTEGER) AS churn_customers,
  (CASE WHEN (CAST(reactivation_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(reactivation_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(reactivation_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(reactivation_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS reactivation_mrr,
  CAST(reactivation_count AS INTEGER) AS reactivation_customers,
  (CASE WHEN (CAST(mrr_ticks - previous_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(mrr_ticks - previous_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks - previous_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(mrr_ticks - previous_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS net_new_mrr,
  logo_churn_rate,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST((churn_ticks + contraction_ticks) AS DOUBLE) / CAST(NULLIF(previous_ticks, 0) AS DOUBLE) END AS gross_mrr_churn_rate,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST((churn_ticks + contraction_ticks) - expansion_ticks - reactivation_ticks AS DOUBLE) / CAST(NULLIF(previous_ticks, 0) AS DOUBLE) END AS net_mrr_churn_rate,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST(previous_ticks - (churn_ticks + contraction_ticks) AS DOUBLE) / CAST(NULLIF(previous_ticks, 0) AS DOUBLE) END AS grr,
  CASE WHEN previous_ticks = 0 THEN NULL ELSE CAST(previous_ticks - (churn_ticks + contraction_ticks) + expansion_ticks AS DOUBLE) / CAST(NULLIF(previous_ticks, 0) AS DOUBLE) END AS nrr,
  CASE WHEN year_ago_ticks = 0 THEN NULL ELSE CAST(kept_ticks AS DOUBLE) / CAST(NULLIF(year_ago_ticks, 0) AS DOUBLE) END AS nrr12,
  CASE WHEN year_ago_ticks = 0 THEN NULL ELSE CAST(kept_min_ticks AS DOUBLE) / CAST(NULLIF(year_ago_ticks, 0) AS DOUBLE) END AS grr12,
  CASE WHEN (churn_ticks + contraction_ticks) = 0 THEN NULL ELSE CAST(new_ticks + expansion_ticks + reactivation_ticks AS DOUBLE) / CAST(NULLIF((churn_ticks + contraction_ticks), 0) AS DOUBLE) END AS quick_ratio,
  CASE WHEN customer_count = 0 OR churn_months = 0 OR churn_sum = 0 THEN NULL ELSE (CASE WHEN (CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE)) / (churn_sum / CAST(churn_months AS DOUBLE)) - FLOOR((CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE)) / (churn_sum / CAST(churn_months AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE)) / (churn_sum / CAST(churn_months AS DOUBLE)) / 2) ELSE ROUND((CAST(mrr_ticks AS DOUBLE) / CAST((ticks_per_minor * customer_count) AS DOUBLE)) / (churn_sum / CAST(churn_months AS DOUBLE))) END) / 100 END AS ltv
FROM ltv_inputs
WHERE m >= (SELECT first_printed FROM bounds)
ORDER BY m
`;

const SNOWFLAKE_COHORTS =
  SNOWFLAKE_CTES +
  `cohort_cells AS (
  SELECT cohort, m - cohort AS age, COUNT(*) AS active_count, SUM(q) AS active_ticks
  FROM (SELECT MIN(m) OVER (PARTITION BY customer_id) AS cohort, m, q FROM customer_months) AS cohort_months
  GROUP BY cohort, m - cohort
),
cohort_grid AS (
  SELECT g.cohort AS cohort, g.m - g.cohort AS age, COALESCE(c.active_count, 0) AS active_count,
    COALESCE(c.active_ticks, 0) AS active_ticks
  FROM (SELECT s.cohort AS cohort, CAST(r.value AS INTEGER) AS m FROM (SELECT m AS cohort, last_m FROM (SELECT s.last_m AS last_m, CAST(r.value AS INTEGER) AS m FROM (SELECT (SELECT first_printed FROM bounds) AS first_m, (SELECT last_printed FROM bounds) AS last_m) AS s, LATERAL FLATTEN(ARRAY_GENERATE_RANGE(s.first_m, s.last_m + 1)) AS r) AS months) AS s, LATERAL FLATTEN(ARRAY_GENERATE_RANGE(s.cohort, s.last_m + 1)) AS r) AS g
  LEFT JOIN cohort_cells AS c ON c.cohort = g.cohort AND c.age = g.m - g.cohort
),
cohort_rows AS (
  SELECT cohort, age, active_count, active_ticks,
    MAX(CASE WHEN age = 0 THEN active_count ELSE 0 END) OVER (PARTITION BY cohort) AS size,
    MAX(CASE WHEN age = 0 THEN active_ticks ELSE 0 END) OVER (PARTITION BY cohort) AS start_ticks,
    (SELECT ticks_per_minor FROM scale) AS ticks_per_minor
  FROM cohort_grid
)
SELECT
  (LPAD(TRUNC(cohort / 12), 4, '0') || '-' || LPAD(MOD(cohort, 12) + 1, 2, '0')) AS cohort,
  CAST(age AS INTEGER) AS age,
  CAST(size AS INTEGER) AS customers,
  (CASE WHEN (CAST(start_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) - FLOOR((CAST(start_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) = 0.5 THEN 2 * ROUND((CAST(start_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE)) / 2) ELSE ROUND((CAST(start_ticks AS DOUBLE) / CAST(ticks_per_minor AS DOUBLE))) END) / 100 AS mrr,
  CASE WHEN size = 0 THEN NULL ELSE CAST(active_count AS DOUBLE) / CAST(NULLIF(size, 0) AS DOUBLE) END AS logo_retention,
  CASE WHEN start_ticks = 0 THEN NULL ELSE CAST(active_ticks AS DOUBLE) / CAST(NULLIF(start_ticks, 0) AS DOUBLE) END AS revenue_retention
FROM cohort_rows
WHERE size > 0
ORDER BY cohort, age
`;
