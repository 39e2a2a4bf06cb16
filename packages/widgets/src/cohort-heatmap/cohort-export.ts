import { exportNumber, type TableSpec } from '../internal/chart/data-table.js';
import { pickMessages } from '../internal/messages.js';
import { cellValue, type CohortMetric, type CohortTable } from './cohort-heatmap-data.js';
import { cohortHeatmapMessages } from './cohort-heatmap.messages.js';

/**
 * The heatmap's grid as a table spec for export (`<cs-cohort-heatmap>` imports this module on first
 * export): cohort (`YYYY-MM`), customers, starting MRR when the grid shows it, then each age's
 * retention as a fraction (empty where there is no value or the cohort has not reached the age).
 */
export function cohortExport(table: CohortTable, metric: CohortMetric, label: string, locale: string): TableSpec {
  const m = pickMessages(cohortHeatmapMessages, locale);
  const mrr = metric === 'revenue' && table.currency !== null;
  const ages = Array.from({ length: table.ages }, (_, age) => age);
  return {
    caption: label,
    columns: [m.cohort, m.customers, ...(mrr ? [m.startMrr] : []), ...ages.map(m.age)],
    rows: table.rows.map((row) => [
      row.cohort,
      exportNumber(row.customers),
      ...(mrr ? [exportNumber(row.mrr)] : []),
      ...ages.map((age) => exportNumber(cellValue(row, metric, age) ?? null)),
    ]),
  };
}
