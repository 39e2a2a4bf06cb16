/**
 * The `cohorts` part of the `cskit report` JSON (shared/spec/report.md, metrics.md section 2) as
 * `<cs-cohort-heatmap>` reads it, checked at run time: a wrong shape becomes `{ problem }`.
 */

import { currencyProblem } from '../internal/report-data.js';

/** Which retention the heatmap shows. */
export type CohortMetric = 'logo' | 'revenue';

/** One cohort: customers whose first active month is `cohort`, and their retention by age in months. */
export interface CohortRow {
  readonly cohort: string;
  readonly customers: number;
  readonly mrr: number;
  /** Share of the cohort's customers active at age k (k = 0, 1, …); `null` where undefined. */
  readonly logoRetention: readonly (number | null)[];
  /** The cohort's MRR at age k ÷ its MRR at age 0; may exceed 1. */
  readonly revenueRetention: readonly (number | null)[];
}

/** What `<cs-cohort-heatmap>` accepts: the report JSON, or any object with its `cohorts`. */
export interface CohortInput {
  readonly version?: number;
  readonly currency?: string;
  readonly cohorts: readonly CohortRow[];
}

/** The checked table: rows, the number of age columns, and the range of the values shown. */
export interface CohortTable {
  readonly rows: readonly CohortRow[];
  readonly currency: string | null;
  readonly ages: number;
  /** Smallest and largest value of `metric` over all cells, `null` without any value. */
  readonly range: readonly [number, number] | null;
}

function isRatioList(value: unknown): value is (number | null)[] {
  return (
    Array.isArray(value) && value.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0))
  );
}

/** The value of `metric` for `row` at `age`; `undefined` when the cohort has not reached that age. */
export function cellValue(row: CohortRow, metric: CohortMetric, age: number): number | null | undefined {
  return (metric === 'logo' ? row.logoRetention : row.revenueRetention)[age];
}

/** Checks the input and lays it out for `metric`. */
export function toCohortTable(input: unknown, metric: CohortMetric): CohortTable | { problem: string } {
  if (typeof input !== 'object' || input === null) return { problem: 'data is not an object' };
  const report = input as Partial<Record<keyof CohortInput, unknown>>;
  if (report.version !== undefined && report.version !== 1) {
    return { problem: `unsupported report version ${JSON.stringify(report.version)}` };
  }
  const currency = report.currency === undefined ? null : currencyProblem(report.currency, 'currency');
  if (currency) return { problem: currency };
  if (!Array.isArray(report.cohorts)) return { problem: 'report.cohorts is missing or not an array' };
  if (metric !== 'logo' && metric !== 'revenue')
    return { problem: `metric must be "logo" or "revenue", not "${String(metric)}"` };
  let ages = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const [i, row] of (report.cohorts as unknown[]).entries()) {
    const where = `cohorts[${i}]`;
    if (typeof row !== 'object' || row === null) return { problem: `${where} is not an object` };
    const r = row as Record<string, unknown>;
    if (typeof r.cohort !== 'string' || r.cohort === '')
      return { problem: `${where}.cohort is not a non-empty string` };
    if (!Number.isInteger(r.customers) || (r.customers as number) < 0)
      return { problem: `${where}.customers is not a count` };
    if (typeof r.mrr !== 'number' || !Number.isFinite(r.mrr)) return { problem: `${where}.mrr is not a number` };
    for (const field of ['logoRetention', 'revenueRetention'] as const) {
      if (!isRatioList(r[field])) {
        return { problem: `${where}.${field} must be a list of non-negative numbers or null` };
      }
    }
    const values = (metric === 'logo' ? r.logoRetention : r.revenueRetention) as (number | null)[];
    ages = Math.max(ages, values.length);
    for (const v of values) {
      if (v === null) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return {
    rows: report.cohorts as CohortRow[],
    currency: typeof report.currency === 'string' ? report.currency : null,
    ages,
    range: min <= max ? [min, max] : null,
  };
}

/**
 * The age the text summary describes: the largest of 12, 6, 3, 1 that at least half of the cohorts
 * (and at least two) have a value for; else the largest age any cohort has a value for past 0.
 */
export function summaryAge(table: CohortTable, metric: CohortMetric): number | null {
  const reached = (age: number) => table.rows.filter((row) => typeof cellValue(row, metric, age) === 'number').length;
  const needed = Math.max(2, Math.ceil(table.rows.length / 2));
  for (const age of [12, 6, 3, 1]) if (reached(age) >= needed) return age;
  for (let age = table.ages - 1; age >= 1; age--) if (reached(age) > 0) return age;
  return null;
}
