import { CsNpsTrend, type PointSelectDetail } from '@cskit/widgets/nps-trend';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type { CsNpsTrend, NpsInput, PointSelectDetail } from '@cskit/widgets/nps-trend';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-nps-trend>` as a React component: promoters, passives and detractors per period, and the NPS.
 * Importing it registers the element. Props are the element's properties (`data` takes an object, not
 * a string); `onCsPointSelect` and `onCsDataError` receive its `cs-point-select` and `cs-data-error`
 * events.
 *
 * @example
 * ```tsx
 * <NpsTrend label="Net Promoter Score" src="/api/report.json" windowMonths={3} />
 * ```
 */
export const NpsTrend = createComponent({
  react: React,
  tagName: 'cs-nps-trend',
  elementClass: CsNpsTrend,
  displayName: 'NpsTrend',
  events: {
    onCsPointSelect: 'cs-point-select' as EventName<CustomEvent<PointSelectDetail>>,
    onCsDataError: dataError,
    onCsExport: exportEvent,
  },
});
