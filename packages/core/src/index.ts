// The public API of @cskit/core, listed explicitly so nothing internal leaks by accident.

export type { Customer } from './model/customer.js';
export type { BillingInterval, SubscriptionLine } from './model/subscription-line.js';
export { BILLING_INTERVALS } from './model/subscription-line.js';
export { NO_END_DAY, type SubscriptionColumns } from './model/subscription-columns.js';
export type { FxRate } from './model/fx-rate.js';
export type { NpsResponse } from './model/nps-response.js';
export type { Ticket } from './model/ticket.js';

export type { ValidationIssue } from './validation/validation-error.js';
export { CskitValidationError, formatIssue } from './validation/validation-error.js';

export type { CanonicalRecord, ReadOptions, ReadResult } from './readers/read-options.js';
export { readCustomers } from './readers/customers.js';
export { readSubscriptionLines } from './readers/subscription-lines.js';
export {
  createSubscriptionColumnsReader,
  readSubscriptionColumns,
  type SubscriptionColumnsReadOptions,
  type SubscriptionColumnsResult,
} from './readers/subscription-columns-reader.js';
// The pieces of the subscription reader for readers of another format (the byte-level CSV reader of
// @cskit/connectors): the same checks and messages, with the state that spans rows kept by the caller.
export {
  duplicateLineIdReason,
  resolvePendingAmounts,
  subscriptionLineReader,
  type PendingAmount,
  type SubscriptionLineDraft,
  type SubscriptionLineLedger,
  type SubscriptionLineSink,
} from './readers/subscription-lines.js';
export {
  createRecordReader,
  IDENTIFIER_FIELDS,
  MAX_IDENTIFIER_LENGTH,
  type RecordContext,
  type RecordReaderSink,
} from './readers/record-reader.js';
export { readFxRates } from './readers/fx-rates.js';
export { readNpsResponses } from './readers/nps-responses.js';
export { readTickets } from './readers/tickets.js';

export type { CivilDate, DayIndex } from './time/calendar-date.js';
export {
  calendarDay,
  civilDateOf,
  dayIndexOf,
  daysInMonth,
  formatDate,
  isLeapYear,
  parseDate,
} from './time/calendar-date.js';
export type { MonthIndex } from './time/month.js';
export {
  addMonths,
  firstDayOfMonth,
  formatMonth,
  lastDayOfMonth,
  monthIndexOf,
  monthOfDay,
  monthsBetween,
  parseMonth,
} from './time/month.js';
export type { ParsedTimestamp } from './time/time-zone.js';
export { assertTimeZone, dateInTimeZone, dayInTimeZone, parseTimestamp } from './time/time-zone.js';

export { CURRENCY_CODES, currencyExponent, isCurrencyCode } from './money/currencies.js';
export type { DecimalProblem, MinorUnitsResult } from './money/decimal.js';
export { formatMinorUnits, parseMinorUnits, roundHalfEven, toMajorUnits } from './money/decimal.js';
export type { FxRecordLocation, FxTable } from './fx/fx-table.js';
export { createFxTable, MissingFxRateError } from './fx/fx-table.js';
export { resolveReportingCurrency } from './fx/reporting-currency.js';

export type { MonthlyFactor } from './revenue/normalised-mrr.js';
export { monthlyFactor, normalisedMrrMinor } from './revenue/normalised-mrr.js';
export type { RevenueOptions } from './revenue/revenue-options.js';
export type { MovementKind } from './revenue/movements.js';
export { MOVEMENT_KINDS } from './revenue/movements.js';
export type { Conversion, MovementTotal, RevenueMonth } from './revenue/monthly-metrics.js';
export type { RevenueCohort } from './revenue/cohorts.js';
export type {
  RevenueAnalysis,
  RevenueGroup,
  ColumnarRevenueInput,
  RevenueInput,
  RevenueInternals,
  RevenueSeries,
} from './revenue/analyse-revenue.js';
export { analyseRevenue } from './revenue/analyse-revenue.js';
export type { RevenueLedger } from './revenue/revenue-ledger.js';
export type { CustomerRetention } from './revenue/customer-retention.js';
export { customerRetentionRate } from './revenue/customer-retention.js';
export { customerMrrByMonth } from './revenue/customer-mrr.js';
export type {
  CustomerMovement,
  ExplainedMovement,
  ExplainedRate,
  LineContribution,
  MovementExplanation,
  RateExplanation,
} from './revenue/explain.js';
export { explainMovement, explainRate } from './revenue/explain.js';
export type {
  ExplainCustomerJson,
  ExplainLineJson,
  ExplanationJson,
  MovementExplanationJson,
  RateExplanationJson,
} from './report/explanation-json.js';
export { movementExplanationJson, rateExplanationJson } from './report/explanation-json.js';

export type {
  Report,
  ReportCohort,
  ReportCsat,
  ReportInput,
  ReportMonth,
  ReportMovement,
  ReportNps,
  ReportOptions,
  ReportTickets,
  ReportTicketStatistic,
} from './report/report.js';
export { buildReport } from './report/build-report.js';

export type { CesResponse, CsatResponse, SurveyResponse } from './model/survey-response.js';
export type { UsageEvent } from './model/usage-event.js';
export type { ChurnReason } from './model/churn-reason.js';
export type { CsCost } from './model/cs-cost.js';
export { readCesResponses, readCsatResponses } from './readers/survey-responses.js';
export { readUsageEvents } from './readers/usage-events.js';
export { readChurnReasons } from './readers/churn-reasons.js';
export { readCsCosts } from './readers/cs-costs.js';

export { median, percentile, sortedNumbers } from './stats/percentile.js';
export { mean } from './stats/mean.js';
export type { DateRange, MonthRange } from './stats/period.js';
export type { AttributeGroup } from './stats/group-by-attribute.js';
export { customerAttribute, groupByCustomerAttribute } from './stats/group-by-attribute.js';

export type { NpsCategory, NpsDedupe, NpsOptions, NpsResult } from './voice/nps.js';
export { npsCategory, npsForPeriod } from './voice/nps.js';
export type { NpsMonth, NpsSummary, NpsTrendOptions } from './voice/nps-trend.js';
export { npsByMonth, npsTrend } from './voice/nps-trend.js';
export type { NpsGroup, NpsGroupOptions } from './voice/nps-groups.js';
export { npsByGroup } from './voice/nps-groups.js';
export type { CesMonth, CesResult, CsatMonth, CsatResult, SurveyScoreOptions } from './voice/survey-scores.js';
export { ces, cesByMonth, csat, csatByMonth } from './voice/survey-scores.js';

export type {
  MeasuredStatistic,
  SlaCounts,
  SupportByMonthOptions,
  SupportMonth,
  SupportOptions,
  SupportPeriodOptions,
  SupportResult,
  TicketStatistic,
  TicketsSummary,
} from './support/ticket-statistics.js';
export { summariseTickets, supportByMonth, supportForPeriod, ticketsByMonth } from './support/ticket-statistics.js';
export type { SlaStatus } from './support/sla-breach.js';
export { slaStatus, slaTargetOf } from './support/sla-breach.js';

export type { PerCustomer } from './adoption/customer-values.js';
export type {
  CustomerSeatUtilisation,
  SeatUtilisationOptions,
  SeatUtilisationResult,
} from './adoption/seat-utilisation.js';
export { seatUtilisation } from './adoption/seat-utilisation.js';
export type { FeatureAdoption, FeatureAdoptionOptions } from './adoption/feature-adoption.js';
export { featureAdoption } from './adoption/feature-adoption.js';
export type {
  CustomerTimeToFirstValue,
  TimeToFirstValueOptions,
  TimeToFirstValueResult,
} from './adoption/time-to-first-value.js';
export { timeToFirstValue } from './adoption/time-to-first-value.js';

export type { HealthScale, HealthScaleBand } from './health/health-scale.js';
export { scaleHealthValue } from './health/health-scale.js';
export type { HealthBand, HealthBands } from './health/health-bands.js';
export { DEFAULT_HEALTH_BANDS, healthBandOf } from './health/health-bands.js';
export type { HealthFactor, HealthModel } from './health/health-model.js';
export type { HealthFactorScore, HealthScore } from './health/score-health.js';
export { scoreHealth } from './health/score-health.js';
export type {
  CustomerData,
  CustomerDataOptions,
  HealthDataset,
  HealthSources,
  HealthSubject,
  SubjectSlaCounts,
} from './health/customer-data.js';
export { prepareCustomerData } from './health/customer-data.js';
export type {
  DefaultHealthModelOptions,
  HealthFactorJson,
  HealthMetric,
  HealthModelJson,
} from './health/built-in-factors.js';
export {
  DEFAULT_HEALTH_MODEL_JSON,
  defaultHealthModel,
  healthModelFromJson,
  sameDayMonthsBefore,
} from './health/built-in-factors.js';
export type {
  CustomerHealth,
  CustomersHealth,
  HealthRollUp,
  HealthRollUpOptions,
  HealthRollUpWeighting,
  ScoreCustomersOptions,
} from './health/score-customers.js';
export { defaultHealthAsOf, healthRollUps, scoreCustomer, scoreCustomers } from './health/score-customers.js';
export type {
  HealthReport,
  HealthReportCustomer,
  HealthReportFactor,
  HealthReportOptions,
  HealthReportSegment,
  HealthReportSegments,
} from './health/health-report.js';
export { healthReport } from './health/health-report.js';

export type { CustomerFacts, CustomerFactsOptions, SegmentPopulation } from './segments/customer-facts.js';
export { customerFacts } from './segments/customer-facts.js';
export type { SegmentRule, SegmentThresholds } from './segments/segment-rules.js';
export { assignSegments, DEFAULT_SEGMENTS, defaultSegmentRules } from './segments/segment-rules.js';
export type {
  NumberConditionJson,
  SegmentConditionJson,
  SegmentRuleJson,
  SegmentRulesJson,
  SegmentRulesJsonOptions,
} from './segments/segment-rules-json.js';
export { checkSegmentRulesJson, segmentRulesFromJson } from './segments/segment-rules-json.js';
export type { Segmentation, SegmentCustomersOptions } from './segments/segment-customers.js';
export { segmentCustomers } from './segments/segment-customers.js';
export { withSegments } from './segments/with-segments.js';

export type {
  ChurnComposition,
  ChurnCompositionOptions,
  ChurnEvent,
  ChurnGroup,
} from './churn-composition/churn-composition.js';
export { churnComposition } from './churn-composition/churn-composition.js';

export type { CsCostOptions, CsRoi, CsRoiMonth, RetentionCost } from './roi/cs-roi.js';
export { csRoi, retentionCost } from './roi/cs-roi.js';
