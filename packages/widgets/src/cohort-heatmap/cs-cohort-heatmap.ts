import { defineElement } from '../internal/define-element.js';
import { CsCohortHeatmap } from './cohort-heatmap.js';

export { CsCohortHeatmap };
export type { CohortCellSelectDetail } from './cohort-heatmap.js';
export type { CohortInput, CohortMetric, CohortRow } from './cohort-heatmap-data.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-cohort-heatmap', CsCohortHeatmap);
