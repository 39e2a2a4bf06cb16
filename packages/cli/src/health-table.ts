import {
  healthBandOf,
  type HealthBand,
  type HealthBands,
  type HealthReport,
  type HealthReportCustomer,
} from '@cskit/core';
import type { HealthColumns } from './health-csv.js';
import { decimal, leftColumn, renderTable, rightColumn, type Column } from './text-table.js';

/**
 * A score with one decimal that never reads as the band above its own: 69.96 (yellow) shows as
 * "69.9", not "70.0" next to "yellow"; other scores are rounded as usual (91.67 → "91.7").
 */
function scoreText(score: number | null, band: HealthBand | null, bands: HealthBands): string {
  const shown = decimal(score, 1);
  if (score === null || band === null || healthBandOf(Number(shown.replaceAll(',', '')), bands) === band) return shown;
  return decimal(Math.floor(score * 10) / 10, 1);
}

/**
 * `cskit health --format table`: one row per customer with its score, band, trend, each factor's
 * contribution in points (`-` when missing) and the missing factors, then the segment roll-ups.
 */
export function formatHealthTable(report: HealthReport, factors: HealthColumns): string {
  const signed = (value: number | null): string =>
    value === null ? '-' : `${value > 0 ? '+' : ''}${decimal(value, 1)}`;
  const columns: Column<HealthReportCustomer>[] = [
    leftColumn('customer', (c) => c.customerId),
    leftColumn('name', (c) => c.name ?? '-'),
    leftColumn('segment', (c) => c.segment ?? '-'),
    rightColumn('score', (c) => scoreText(c.score, c.band, report.bands)),
    leftColumn('band', (c) => c.band ?? '-'),
    rightColumn('trend', (c) => signed(c.trend)),
    ...factors.map(({ key, label }) =>
      rightColumn<HealthReportCustomer>(label, (c) => decimal(c.factors.find((f) => f.key === key)?.contribution, 1)),
    ),
    leftColumn('missing', (c) => (c.missing.length === 0 ? '-' : c.missing.join(', '))),
  ];
  const customers = renderTable(
    `Health on ${report.asOf} (bands: red < ${report.bands.yellow} ≤ yellow < ${report.bands.green} ≤ green; factors in points of the score)`,
    report.customers,
    columns,
  );
  const segments = renderTable('Segments', report.segments, [
    leftColumn('segment', (s) => s.segment),
    rightColumn('customers', (s) => String(s.customers)),
    rightColumn('score', (s) => scoreText(s.score, s.band, report.bands)),
    leftColumn('band', (s) => s.band ?? '-'),
  ]);
  return `${customers}\n\n${segments}\n`;
}
