import { defineElement } from '../internal/define-element.js';
import { CsKpi } from './kpi.js';

export { CsKpi };
export type { KpiInput, KpiMetric, KpiPoint, KpiSeries } from './kpi-data.js';
export type { KpiPointSelectDetail } from './kpi.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-kpi', CsKpi);
