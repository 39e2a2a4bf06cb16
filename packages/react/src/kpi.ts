import { CsKpi, type KpiPointSelectDetail } from '@cskit/widgets/kpi';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type { CsKpi, KpiInput, KpiMetric, KpiPointSelectDetail } from '@cskit/widgets/kpi';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-kpi>` as a React component: a metric's latest value, its change and a sparkline. Importing it
 * registers the element. Props are the element's properties (`data` takes an object, not a string);
 * `onCsPointSelect` (a point of the sparkline) and `onCsDataError` receive its `cs-point-select` and
 * `cs-data-error` events.
 *
 * @example
 * ```tsx
 * <Kpi label="Logo churn" metric="logoChurnRate" src="/api/report.json" />
 * ```
 */
export const Kpi = createComponent({
  react: React,
  tagName: 'cs-kpi',
  elementClass: CsKpi,
  displayName: 'Kpi',
  events: {
    onCsPointSelect: 'cs-point-select' as EventName<CustomEvent<KpiPointSelectDetail>>,
    onCsDataError: dataError,
    onCsExport: exportEvent,
  },
});
