import { toMajorUnits } from '../money/decimal.js';
import { analyseRevenueForReport } from '../revenue/analyse-revenue.js';
import type { MovementTotal, RevenueMonth } from '../revenue/monthly-metrics.js';
import { ticketsByMonth } from '../support/ticket-statistics.js';
import { npsByMonth } from '../voice/nps-trend.js';
import { csatByMonth, type CsatMonth } from '../voice/survey-scores.js';
import type {
  Report,
  ReportCohort,
  ReportCsat,
  ReportInput,
  ReportMonth,
  ReportMovement,
  ReportOptions,
} from './report.js';

/**
 * Builds the JSON of `cskit report` (shared/spec/report.md): every month from `from` to `to` and the
 * cohorts starting in that range, with each month's NPS, tickets and CSAT when their inputs are given. All
 * history is used for the computation; `from` and `to` only
 * select what is printed. Money is in major units, rounded half-to-even once from unrounded sums.
 *
 * @throws RangeError for invalid options or lines; Error when several currencies are present and no
 * reporting currency can be decided; MissingFxRateError (naming currency and date) when a rate is
 * missing.
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): Report {
  const otherDates = [
    ...(input.nps ?? []).map((answer) => answer.date),
    ...(input.tickets ?? []).map((ticket) => ticket.createdDate),
    ...(input.csat ?? []).map((answer) => answer.date),
  ];
  const analysis = analyseRevenueForReport(input, options, otherDates);
  const { exponent, months } = analysis;
  const money = (minor: number): number => toMajorUnits(minor, exponent);
  const moneyOrNull = (minor: number | null): number | null => (minor === null ? null : money(minor));
  const movement = (total: MovementTotal): ReportMovement => ({ mrr: money(total.mrr), customers: total.customers });

  const from = options.from ?? analysis.firstActiveMonth ?? months[0];
  const to = options.to ?? analysis.lastDataMonth;
  const first = from === undefined ? months.length : months.indexOf(from);
  const last = months.indexOf(to);
  const selected = analysis.total.months.slice(first, last + 1);

  // NPS, tickets and CSAT per printed month, index for index; `null` throughout without their input.
  const range = { from: selected[0]?.month ?? '', to: selected.at(-1)?.month ?? '' };
  const nps = input.nps === undefined || selected.length === 0 ? undefined : npsByMonth(input.nps, range);
  const tickets =
    input.tickets === undefined || selected.length === 0
      ? undefined
      : ticketsByMonth(input.tickets, { ...range, timeZone: analysis.timeZone });
  const csat = input.csat === undefined || selected.length === 0 ? undefined : csatByMonth(input.csat, range);

  const reportMonth = (m: RevenueMonth, i: number): ReportMonth => ({
    month: m.month,
    mrr: money(m.mrr),
    arr: money(m.arr),
    customers: m.customers,
    arpa: moneyOrNull(m.arpa),
    movements: {
      new: movement(m.movements.new),
      expansion: movement(m.movements.expansion),
      contraction: movement(m.movements.contraction),
      churn: movement(m.movements.churn),
      reactivation: movement(m.movements.reactivation),
    },
    netNewMrr: money(m.netNewMrr),
    logoChurnRate: m.logoChurnRate,
    grossMrrChurnRate: m.grossMrrChurnRate,
    netMrrChurnRate: m.netMrrChurnRate,
    grr: m.grr,
    nrr: m.nrr,
    nrr12: m.nrr12,
    grr12: m.grr12,
    quickRatio: m.quickRatio,
    ltv: moneyOrNull(m.ltv),
    nps: nps?.[i] ?? null,
    tickets: tickets?.[i] ?? null,
    // Like NPS: a month without answers is `null`, not a score of `null`.
    csat: csatMonth(csat?.[i]),
  });

  const cohorts: ReportCohort[] = [];
  for (const cohort of analysis.total.cohorts) {
    if (from === undefined || cohort.cohort < from || cohort.cohort > to) continue;
    // Ages run up to `to`: the cohort month itself is age 0.
    const ages = last - months.indexOf(cohort.cohort) + 1;
    cohorts.push({
      cohort: cohort.cohort,
      customers: cohort.customers,
      mrr: money(cohort.mrr),
      logoRetention: cohort.logoRetention.slice(0, ages),
      revenueRetention: cohort.revenueRetention.slice(0, ages),
    });
  }
  return {
    version: 1,
    currency: analysis.currency,
    timeZone: analysis.timeZone,
    months: selected.map(reportMonth),
    cohorts,
  };
}

function csatMonth(month: CsatMonth | undefined): ReportCsat | null {
  if (month === undefined || month.responses === 0) return null;
  return { score: month.score, responses: month.responses, satisfied: month.satisfied };
}
