import { CsChurnChart, type PointSelectDetail } from '@cskit/widgets/churn-chart';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type { ChurnInput, CsChurnChart, PointSelectDetail } from '@cskit/widgets/churn-chart';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-churn-chart>` as a React component: monthly churn rates, or churn broken down by a customer
 * attribute. Importing it registers the element. Props are the element's properties (`data` takes an
 * object, not a string); `onCsPointSelect` and `onCsDataError` receive its `cs-point-select` and
 * `cs-data-error` events.
 *
 * @example
 * ```tsx
 * <ChurnChart label="Churn" data={report} onCsPointSelect={(event) => open(event.detail.period)} />
 * ```
 */
export const ChurnChart = createComponent({
  react: React,
  tagName: 'cs-churn-chart',
  elementClass: CsChurnChart,
  displayName: 'ChurnChart',
  events: {
    onCsPointSelect: 'cs-point-select' as EventName<CustomEvent<PointSelectDetail>>,
    onCsDataError: dataError,
    onCsExport: exportEvent,
  },
});
