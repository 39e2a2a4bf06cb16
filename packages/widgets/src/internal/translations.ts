import type { CohortHeatmapMessages } from '../cohort-heatmap/cohort-heatmap.messages.js';
import type { ChurnChartMessages } from '../churn-chart/churn-chart.messages.js';
import type { CustomerListMessages } from '../customer-list/customer-list.messages.js';
import type { RateViewMessages } from '../customer-list/rate-view.messages.js';
import type { HealthCardMessages } from '../health-card/health-card.messages.js';
import type { KpiMessages } from '../kpi/kpi.messages.js';
import type { MrrBridgeMessages } from '../mrr-bridge/mrr-bridge.messages.js';
import type { NpsTrendMessages } from '../nps-trend/nps-trend.messages.js';
import type { ChartMessages } from './chart/chart.messages.js';
import type { ExportMessages } from './export/export.messages.js';
import type { CommonMessages } from './messages.js';

/**
 * Every string of every element in one language: what each locale module (`locales/<language>.ts`)
 * exports as `translations`, one table per catalog key. The type makes a missing table or string of a
 * language a compile error. Types only: importing it loads no element.
 */
export interface Translations {
  readonly common: CommonMessages;
  readonly chart: ChartMessages;
  readonly export: ExportMessages;
  readonly churnChart: ChurnChartMessages;
  readonly cohortHeatmap: CohortHeatmapMessages;
  readonly customerList: CustomerListMessages;
  readonly rateView: RateViewMessages;
  readonly healthCard: HealthCardMessages;
  readonly kpi: KpiMessages;
  readonly mrrBridge: MrrBridgeMessages;
  readonly npsTrend: NpsTrendMessages;
}
