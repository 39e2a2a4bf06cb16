import { defineElement } from '../internal/define-element.js';
import { CsCohortHeatmap } from './cohort-heatmap.js';

export { CsCohortHeatmap };
export type { CohortCellSelectDetail } from './cohort-heatmap.js';
export type { CohortInput, CohortMetric, CohortRow } from './cohort-heatmap-data.js';

defineElement('cs-cohort-heatmap', CsCohortHeatmap);
