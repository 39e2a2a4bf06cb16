import { customerMonthCtes } from './customer-months-sql.js';
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
  const ctes = [
    ...customerMonthCtes(d, resolved),
    // A customer's cohort is its first active month, over all history.
    `first_months AS (
  SELECT customer_id, MIN(m) AS cohort FROM customer_months GROUP BY customer_id
)`,
    `cohort_cells AS (
  SELECT f.cohort AS cohort, c.m - f.cohort AS age, COUNT(*) AS active_count, SUM(c.q) AS active_ticks
  FROM customer_months AS c JOIN first_months AS f ON f.customer_id = c.customer_id
  GROUP BY f.cohort, c.m - f.cohort
)`,
    `printed_cohorts AS (
  SELECT c.cohort AS cohort, c.active_count AS size, c.active_ticks AS start_ticks, b.last_printed AS last_printed
  FROM cohort_cells AS c CROSS JOIN bounds AS b
  WHERE c.age = 0 AND c.cohort >= b.first_printed AND c.cohort <= b.last_printed
)`,
    `cohort_ages AS (
  ${d.expandRange('s.cohort AS cohort, s.size AS size, s.start_ticks AS start_ticks', 'printed_cohorts', 's.cohort', 's.last_printed + 1')}
)`,
  ];
  const columns = [
    `${d.formatMonth('g.cohort')} AS cohort`,
    `${d.toCount('g.m - g.cohort')} AS age`,
    `${d.toCount('g.size')} AS customers`,
    `${moneyOfTicks(d, 'g.start_ticks', 'k.ticks_per_minor', resolved.exponent)} AS mrr`,
    `${ratio(d, 'COALESCE(c.active_count, 0)', 'g.size')} AS logo_retention`,
    `${ratio(d, 'COALESCE(c.active_ticks, 0)', 'g.start_ticks')} AS revenue_retention`,
  ];
  return `WITH\n${ctes.join(',\n')}\nSELECT\n  ${columns.join(',\n  ')}\nFROM cohort_ages AS g\nCROSS JOIN scale AS k\nLEFT JOIN cohort_cells AS c ON c.cohort = g.cohort AND c.age = g.m - g.cohort\nORDER BY g.cohort, g.m\n`;
}
