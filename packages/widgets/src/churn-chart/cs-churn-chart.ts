import { defineElement } from '../internal/define-element.js';
import { CsChurnChart } from './churn-chart.js';

export { CsChurnChart };
export type {
  ChurnBreakdown,
  ChurnBreakdownGroup,
  ChurnInput,
  ChurnPoint,
  ChurnRate,
  ChurnSeries,
} from './churn-chart-data.js';
export type { PointSelectDetail } from '../internal/chart/chart-element.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-churn-chart', CsChurnChart);
