import { defineElement } from '../internal/define-element.js';
import { CsKpi } from './kpi.js';

export { CsKpi };
export type { KpiInput, KpiMetric, KpiPoint, KpiSeries } from './kpi-data.js';
export type { KpiPointSelectDetail } from './kpi.js';

defineElement('cs-kpi', CsKpi);
