import type { Report, ReportCohort, ReportMonth } from '@cskit/core';
import type { MonthRow } from './months-query.js';

/** A value read back from a driver: drivers differ in how they return numbers (bigint, text, number). */
export type SqlValue = string | number | bigint | boolean | null | undefined;

function numberOf(value: SqlValue, column: string): number {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new TypeError(`Column ${column}: expected a number, got ${String(value)}`);
  return number;
}

function numberOrNull(value: SqlValue, column: string): number | null {
  return value === null || value === undefined ? null : numberOf(value, column);
}

function movement(row: Readonly<Record<string, SqlValue>>, name: string): { mrr: number; customers: number } {
  return {
    mrr: numberOf(row[`${name}_mrr`], `${name}_mrr`),
    customers: numberOf(row[`${name}_customers`], `${name}_customers`),
  };
}

/** One row of the `months` query as a month of the report JSON (without NPS, CSAT and tickets: `null`). */
export function reportMonthOfRow(row: Readonly<Record<string, SqlValue>>): ReportMonth {
  const ratio = (column: keyof MonthRow): number | null => numberOrNull(row[column], column);
  return {
    month: String(row.month),
    mrr: numberOf(row.mrr, 'mrr'),
    arr: numberOf(row.arr, 'arr'),
    customers: numberOf(row.customers, 'customers'),
    arpa: ratio('arpa'),
    movements: {
      new: movement(row, 'new'),
      expansion: movement(row, 'expansion'),
      contraction: movement(row, 'contraction'),
      churn: movement(row, 'churn'),
      reactivation: movement(row, 'reactivation'),
    },
    netNewMrr: numberOf(row.net_new_mrr, 'net_new_mrr'),
    logoChurnRate: ratio('logo_churn_rate'),
    grossMrrChurnRate: ratio('gross_mrr_churn_rate'),
    netMrrChurnRate: ratio('net_mrr_churn_rate'),
    grr: ratio('grr'),
    nrr: ratio('nrr'),
    nrr12: ratio('nrr12'),
    grr12: ratio('grr12'),
    quickRatio: ratio('quick_ratio'),
    ltv: ratio('ltv'),
    nps: null,
    tickets: null,
    csat: null,
  };
}

/** The rows of the `cohorts` query (ordered by cohort and age) as the report's cohorts. */
export function reportCohortsOfRows(rows: readonly Readonly<Record<string, SqlValue>>[]): ReportCohort[] {
  const cohorts: ReportCohort[] = [];
  for (const row of rows) {
    const age = numberOf(row.age, 'age');
    if (age === 0) {
      cohorts.push({
        cohort: String(row.cohort),
        customers: numberOf(row.customers, 'customers'),
        mrr: numberOf(row.mrr, 'mrr'),
        logoRetention: [],
        revenueRetention: [],
      });
    }
    const cohort = cohorts.at(-1);
    if (cohort === undefined || cohort.cohort !== String(row.cohort) || cohort.logoRetention.length !== age)
      throw new RangeError(`Cohort rows out of order at cohort ${String(row.cohort)}, age ${age}`);
    cohort.logoRetention.push(numberOf(row.logo_retention, 'logo_retention'));
    cohort.revenueRetention.push(numberOf(row.revenue_retention, 'revenue_retention'));
  }
  return cohorts;
}

/**
 * The report JSON of shared/spec/report.md from the rows of the `months` and `cohorts` queries: what
 * `cskit report --engine` prints. NPS and tickets are not computed in SQL and are `null`.
 */
export function reportOfRows(
  currency: string,
  months: readonly Readonly<Record<string, SqlValue>>[],
  cohorts: readonly Readonly<Record<string, SqlValue>>[],
): Report {
  return {
    version: 1,
    currency,
    timeZone: 'UTC',
    months: months.map(reportMonthOfRow),
    cohorts: reportCohortsOfRows(cohorts),
  };
}
