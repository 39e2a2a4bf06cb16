// One entry for all wrappers. The package has no side effects of its own (`"sideEffects": false`), so
// a bundler keeps only the wrappers you use, and with them only those elements' registrations.
export { ChurnChart } from './churn-chart.js';
export { CohortHeatmap } from './cohort-heatmap.js';
export { CustomerList } from './customer-list.js';
export { HealthCard } from './health-card.js';
export { Kpi } from './kpi.js';
export { MrrBridge } from './mrr-bridge.js';
export { NpsTrend } from './nps-trend.js';
export type { ChurnInput, CsChurnChart, PointSelectDetail } from './churn-chart.js';
export type { CohortCellSelectDetail, CohortInput, CohortMetric, CsCohortHeatmap } from './cohort-heatmap.js';
export type {
  CsCustomerList,
  ExplainedCustomer,
  ExplainedLine,
  ExplanationInput,
  MovementExplanationInput,
  RateExplanationInput,
} from './customer-list.js';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';
export type { CsHealthCard, HealthCardInput } from './health-card.js';
export type { CsKpi, KpiInput, KpiMetric, KpiPointSelectDetail } from './kpi.js';
export type { CsMrrBridge, MrrBridgeInput } from './mrr-bridge.js';
export type { CsNpsTrend, NpsInput } from './nps-trend.js';
