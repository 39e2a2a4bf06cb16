import type { NpsResponse } from '../model/nps-response.js';
import type { CsatResponse } from '../model/survey-response.js';
import type { Ticket } from '../model/ticket.js';
import type { ColumnarRevenueInput } from '../revenue/analyse-revenue.js';
import type { RevenueOptions } from '../revenue/revenue-options.js';
import type { TicketStatistic, TicketsSummary } from '../support/ticket-statistics.js';
import type { NpsSummary } from '../voice/nps-trend.js';
import type { CsatResult } from '../voice/survey-scores.js';

/**
 * The data a report is computed from. `subscriptions` may be line objects or, for large inputs held in
 * Arrow, DuckDB or Parquet, `SubscriptionColumns`: the report is the same.
 */
export interface ReportInput extends ColumnarRevenueInput {
  /** NPS answers; without them every month's `nps` is `null`. */
  readonly nps?: readonly NpsResponse[];
  /** Support tickets; without them every month's `tickets` is `null`. */
  readonly tickets?: readonly Ticket[];
  /** CSAT answers (`csat.csv`, e.g. from Zendesk's ratings); without them every month's `csat` is `null`. */
  readonly csat?: readonly CsatResponse[];
}

/** Options of {@link buildReport}: every revenue option, and the months printed. */
export interface ReportOptions extends RevenueOptions {
  /** First month printed, `YYYY-MM` (default: the first month with any active line). */
  from?: string;
  /** Last month printed, `YYYY-MM` (default: the month of the latest date in the input). */
  to?: string;
}

/** Money and customers of one movement in one month. */
export interface ReportMovement {
  /** Major units, rounded half-to-even to the minor unit. */
  mrr: number;
  customers: number;
}

/** NPS of one month (metrics.md §3). */
export type ReportNps = NpsSummary;

/**
 * CSAT of one month (metrics.md §3): `score` = answers scoring 4 or 5 ÷ answers (a fraction, unrounded),
 * over the answers dated in the month; every answer counts (no respondent deduplication).
 */
export type ReportCsat = CsatResult;

/** Median and 90th percentile of a ticket statistic; `null` when no ticket has the timestamps. */
export type ReportTicketStatistic = TicketStatistic;

/** Support tickets of one month (metrics.md §4). */
export type ReportTickets = TicketsSummary;

/** One month of the report. Money in major units rounded half-to-even; ratios unrounded or `null`. */
export interface ReportMonth {
  month: string;
  mrr: number;
  arr: number;
  customers: number;
  arpa: number | null;
  movements: {
    new: ReportMovement;
    expansion: ReportMovement;
    contraction: ReportMovement;
    churn: ReportMovement;
    reactivation: ReportMovement;
  };
  netNewMrr: number;
  logoChurnRate: number | null;
  grossMrrChurnRate: number | null;
  netMrrChurnRate: number | null;
  grr: number | null;
  nrr: number | null;
  nrr12: number | null;
  grr12: number | null;
  quickRatio: number | null;
  ltv: number | null;
  nps: ReportNps | null;
  tickets: ReportTickets | null;
  /** `null` in a month without CSAT answers, or when no CSAT answers were given. Added in 0.x: additive. */
  csat: ReportCsat | null;
}

/** One cohort: customers whose first active month is `cohort`, followed up to the last month. */
export interface ReportCohort {
  cohort: string;
  customers: number;
  /** Σ MRR of the cohort's customers in the cohort month, major units. */
  mrr: number;
  /** Index k = age in months; element 0 is 1. */
  logoRetention: number[];
  revenueRetention: number[];
}

/** The JSON of `cskit report` (shared/spec/report.md), version 1. */
export interface Report {
  version: 1;
  currency: string;
  timeZone: string;
  months: ReportMonth[];
  cohorts: ReportCohort[];
}
