export type { Dialect, DialectName, WindowSpec } from './dialect.js';
export { DIALECT_NAMES } from './dialect.js';
export { dialectNamed } from './dialects/index.js';
export type { RevenueQueryOptions } from './query-options.js';
export { MONTH_COLUMNS, monthsQuery, type MonthRow } from './months-query.js';
export { FALLBACK_SCALE, MAX_SCALE } from './ticks.js';
export { COHORT_COLUMNS, cohortsQuery, type CohortRow } from './cohorts-query.js';
export { reportCohortsOfRows, reportMonthOfRow, reportOfRows, type SqlValue } from './report-rows.js';
export { warehouseReport, type RunQuery } from './warehouse-report.js';
