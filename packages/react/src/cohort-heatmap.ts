import { CsCohortHeatmap, type CohortCellSelectDetail } from '@cskit/widgets/cohort-heatmap';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type { CohortCellSelectDetail, CohortInput, CohortMetric, CsCohortHeatmap } from '@cskit/widgets/cohort-heatmap';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-cohort-heatmap>` as a React component: logo or revenue retention by cohort and age. Importing it
 * registers the element. Props are the element's properties (`data` takes an object, not a string);
 * `onCsCellSelect` and `onCsDataError` receive its `cs-cell-select` and `cs-data-error` events.
 *
 * @example
 * ```tsx
 * <CohortHeatmap label="Logo retention by cohort" data={report} onCsCellSelect={(event) => show(event.detail.cohort)} />
 * ```
 */
export const CohortHeatmap = createComponent({
  react: React,
  tagName: 'cs-cohort-heatmap',
  elementClass: CsCohortHeatmap,
  displayName: 'CohortHeatmap',
  events: {
    onCsCellSelect: 'cs-cell-select' as EventName<CustomEvent<CohortCellSelectDetail>>,
    onCsDataError: dataError,
    onCsExport: exportEvent,
  },
});
