import type { Report, ReportCohort, ReportMonth } from '@cskit/core';
import { decimal, moneyFormat, percent, renderTable, rightColumn as right, type Column } from './text-table.js';

/** Most cohort ages shown side by side; a terminal is not wide enough for three years of them. */
const MAX_COHORT_AGES = 12;

/**
 * The report as plain-text tables for a terminal: revenue and movements, then rates, then NPS and support
 * when their files were given, then cohort logo retention (first {@link MAX_COHORT_AGES} months of age).
 * Money has the currency's decimals and thousands separators, ratios are percentages, `null` is `-`.
 */
export function formatReportTable(report: Report): string {
  const money = moneyFormat(report.currency);
  const months = report.months;
  const first = months[0]?.month;
  const last = months[months.length - 1]?.month;
  const blocks = [
    `cskit report: ${report.currency}, ${report.timeZone}, ${first === undefined ? 'no months' : `${first} to ${last}`}`,
  ];
  if (months.length === 0) return `${blocks[0]}\n`;

  const month: Column<ReportMonth> = { heading: 'Month', align: 'left', cell: (r) => r.month };
  const column = (heading: string, cell: (row: ReportMonth) => string) => right(heading, cell);

  blocks.push(
    renderTable('Revenue', months, [
      month,
      column('MRR', (r) => money(r.mrr)),
      column('ARR', (r) => money(r.arr)),
      column('Customers', (r) => decimal(r.customers, 0)),
      column('ARPA', (r) => money(r.arpa)),
      column('New', (r) => money(r.movements.new.mrr)),
      column('Expansion', (r) => money(r.movements.expansion.mrr)),
      column('Contraction', (r) => money(r.movements.contraction.mrr)),
      column('Churn', (r) => money(r.movements.churn.mrr)),
      column('Reactivation', (r) => money(r.movements.reactivation.mrr)),
      column('Net new', (r) => money(r.netNewMrr)),
    ]),
    renderTable('Rates', months, [
      month,
      column('Logo churn', (r) => percent(r.logoChurnRate)),
      column('Gross MRR churn', (r) => percent(r.grossMrrChurnRate)),
      column('Net MRR churn', (r) => percent(r.netMrrChurnRate)),
      column('GRR', (r) => percent(r.grr)),
      column('NRR', (r) => percent(r.nrr)),
      column('GRR 12m', (r) => percent(r.grr12)),
      column('NRR 12m', (r) => percent(r.nrr12)),
      column('Quick ratio', (r) => decimal(r.quickRatio, 2)),
      column('LTV', (r) => money(r.ltv)),
    ]),
  );
  const hasNps = months.some((r) => r.nps !== null);
  const hasTickets = months.some((r) => r.tickets !== null);
  const hasCsat = months.some((r) => r.csat !== null);
  if (hasNps || hasTickets || hasCsat) {
    blocks.push(
      renderTable('Voice of the customer and support', months, [
        month,
        ...(hasNps
          ? [column('NPS', (r) => decimal(r.nps?.score, 1)), column('Responses', (r) => decimal(r.nps?.responses, 0))]
          : []),
        ...(hasTickets
          ? [
              column('Tickets', (r) => decimal(r.tickets?.created, 0)),
              column('First response min (median)', (r) => decimal(r.tickets?.firstResponseMinutes.median, 1)),
              column('(p90)', (r) => decimal(r.tickets?.firstResponseMinutes.p90, 1)),
              column('Resolution h (median)', (r) => decimal(r.tickets?.resolutionHours.median, 1)),
              column('(p90)', (r) => decimal(r.tickets?.resolutionHours.p90, 1)),
            ]
          : []),
        ...(hasCsat
          ? [
              column('CSAT', (r) => percent(r.csat?.score ?? null)),
              column('CSAT answers', (r) => decimal(r.csat?.responses, 0)),
            ]
          : []),
      ]),
    );
  }
  if (report.cohorts.length > 0) {
    const ages = Math.min(MAX_COHORT_AGES + 1, Math.max(...report.cohorts.map((c) => c.logoRetention.length)));
    const more = report.cohorts.some((c) => c.logoRetention.length > ages) ? ' (JSON has every age)' : '';
    blocks.push(
      renderTable<ReportCohort>(`Cohorts: share of customers still active, by month of age${more}`, report.cohorts, [
        { heading: 'Cohort', align: 'left', cell: (c) => c.cohort },
        right('Customers', (c) => decimal(c.customers, 0)),
        right('MRR', (c) => money(c.mrr)),
        ...Array.from({ length: ages }, (_, age) =>
          right<ReportCohort>(`M${age}`, (c) =>
            age < c.logoRetention.length ? percent(c.logoRetention[age] ?? null, 0) : '',
          ),
        ),
      ]),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
