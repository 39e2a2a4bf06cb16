import { customerMonthCtes, FIRST_PRINTED, LAST_PRINTED, TICKS_PER_MINOR } from './customer-months-sql.js';
import { dialectNamed } from './dialects/index.js';
import { moneyOfTicks, ratio } from './money-sql.js';
import { resolveQueryOptions, type RevenueQueryOptions } from './query-options.js';

/** The columns of the `cohorts` query, in order (docs/warehouse.md). */
export const COHORT_COLUMNS = ['cohort', 'age', 'customers', 'mrr', 'logo_retention', 'revenue_retention'] as const;

/**
 * One row of the `cohorts` query: cohort K at age k. `customers` and `mrr` are the cohort's (its
 * customers and their MRR in month K, repeated on every age), as in the report JSON.
 */
export type CohortRow = Record<(typeof COHORT_COLUMNS)[number], string | number | null>;

/**
 * The `cohorts` query: one row per cohort whose first month is printed and per age from 0 up to the
 * last printed month, ordered by cohort and age (metrics.md §2 cohorts; report.md `cohorts`).
 *
 * @throws RangeError for invalid options (see {@link resolveQueryOptions}).
 */
export function cohortsQuery(options: RevenueQueryOptions): string {
  const d = dialectNamed(options.dialect);
  const resolved = resolveQueryOptions(options);
  const printedMonths = d.expandRange(
    's.last_m AS last_m',
    `(SELECT ${FIRST_PRINTED} AS first_m, ${LAST_PRINTED} AS last_m)`,
    's.first_m',
    's.last_m + 1',
  );
  const ctes = [
    ...customerMonthCtes(d, resolved),
    // A customer's cohort is its first active month, over all history: a window over customer_months,
    // which is built once and read once.
    `cohort_cells AS (
  SELECT cohort, m - cohort AS age, COUNT(*) AS active_count, SUM(q) AS active_ticks
  FROM (SELECT MIN(m) OVER (PARTITION BY customer_id) AS cohort, m, q FROM customer_months) AS cohort_months
  GROUP BY cohort, m - cohort
)`,
    // Every printed month K and age k up to the last printed month, whether anyone is active then or not
    // (a few thousand rows, from the bounds alone), with the cohort's cells where it has them.
    `cohort_grid AS (
  SELECT g.cohort AS cohort, g.m - g.cohort AS age, COALESCE(c.active_count, 0) AS active_count,
    COALESCE(c.active_ticks, 0) AS active_ticks
  FROM (${d.expandRange('s.cohort AS cohort', `(SELECT m AS cohort, last_m FROM (${printedMonths}) AS months)`, 's.cohort', 's.last_m + 1')}) AS g
  LEFT JOIN cohort_cells AS c ON c.cohort = g.cohort AND c.age = g.m - g.cohort
)`,
    // A month is a cohort when customers start in it; its size and MRR are those of age 0.
    `cohort_rows AS (
  SELECT cohort, age, active_count, active_ticks,
    MAX(CASE WHEN age = 0 THEN active_count ELSE 0 END) OVER (PARTITION BY cohort) AS size,
    MAX(CASE WHEN age = 0 THEN active_ticks ELSE 0 END) OVER (PARTITION BY cohort) AS start_ticks,
    ${TICKS_PER_MINOR} AS ticks_per_minor
  FROM cohort_grid
)`,
  ];
  const columns = [
    `${d.formatMonth('cohort')} AS cohort`,
    `${d.toCount('age')} AS age`,
    `${d.toCount('size')} AS customers`,
    `${moneyOfTicks(d, 'start_ticks', 'ticks_per_minor', resolved.exponent)} AS mrr`,
    `${ratio(d, 'active_count', 'size')} AS logo_retention`,
    `${ratio(d, 'active_ticks', 'start_ticks')} AS revenue_retention`,
  ];
  return `WITH\n${ctes.join(',\n')}\nSELECT\n  ${columns.join(',\n  ')}\nFROM cohort_rows\nWHERE size > 0\nORDER BY cohort, age\n`;
}
