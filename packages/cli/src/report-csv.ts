import type { Report, ReportMonth } from '@cskit/core';
import { toCsv } from '@cskit/core/sample';

type Cell = number | null | undefined;

/**
 * The columns of `cskit report --format csv`: one row per month, the JSON's nested fields flattened to
 * snake_case names. Cohorts are not included (they have no month rows); use JSON for them.
 */
export const REPORT_CSV_COLUMNS: readonly (readonly [name: string, value: (month: ReportMonth) => Cell])[] = [
  ['mrr', (m) => m.mrr],
  ['arr', (m) => m.arr],
  ['customers', (m) => m.customers],
  ['arpa', (m) => m.arpa],
  ['new_mrr', (m) => m.movements.new.mrr],
  ['new_customers', (m) => m.movements.new.customers],
  ['expansion_mrr', (m) => m.movements.expansion.mrr],
  ['expansion_customers', (m) => m.movements.expansion.customers],
  ['contraction_mrr', (m) => m.movements.contraction.mrr],
  ['contraction_customers', (m) => m.movements.contraction.customers],
  ['churn_mrr', (m) => m.movements.churn.mrr],
  ['churn_customers', (m) => m.movements.churn.customers],
  ['reactivation_mrr', (m) => m.movements.reactivation.mrr],
  ['reactivation_customers', (m) => m.movements.reactivation.customers],
  ['net_new_mrr', (m) => m.netNewMrr],
  ['logo_churn_rate', (m) => m.logoChurnRate],
  ['gross_mrr_churn_rate', (m) => m.grossMrrChurnRate],
  ['net_mrr_churn_rate', (m) => m.netMrrChurnRate],
  ['grr', (m) => m.grr],
  ['nrr', (m) => m.nrr],
  ['nrr12', (m) => m.nrr12],
  ['grr12', (m) => m.grr12],
  ['quick_ratio', (m) => m.quickRatio],
  ['ltv', (m) => m.ltv],
  ['nps', (m) => m.nps?.score],
  ['nps_responses', (m) => m.nps?.responses],
  ['nps_promoters', (m) => m.nps?.promoters],
  ['nps_passives', (m) => m.nps?.passives],
  ['nps_detractors', (m) => m.nps?.detractors],
  ['tickets_created', (m) => m.tickets?.created],
  ['first_response_minutes_median', (m) => m.tickets?.firstResponseMinutes.median],
  ['first_response_minutes_p90', (m) => m.tickets?.firstResponseMinutes.p90],
  ['resolution_hours_median', (m) => m.tickets?.resolutionHours.median],
  ['resolution_hours_p90', (m) => m.tickets?.resolutionHours.p90],
  // Added after the first release: at the end, so that columns read by position keep their place.
  ['csat', (m) => m.csat?.score],
  ['csat_responses', (m) => m.csat?.responses],
  ['csat_satisfied', (m) => m.csat?.satisfied],
];

/**
 * The report as CSV: a header, then one row per month with `month`, `currency` and the
 * {@link REPORT_CSV_COLUMNS}. Numbers are written as in the JSON; `null` is an empty cell.
 */
export function formatReportCsv(report: Report): string {
  const rows = report.months.map((month) => {
    const row: Record<string, string> = { month: month.month, currency: report.currency };
    for (const [name, value] of REPORT_CSV_COLUMNS) row[name] = String(value(month) ?? '');
    return row;
  });
  return toCsv(rows, { columns: ['month', 'currency', ...REPORT_CSV_COLUMNS.map(([name]) => name)] });
}
