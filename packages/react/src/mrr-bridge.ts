import { CsMrrBridge, type PointSelectDetail } from '@cskit/widgets/mrr-bridge';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type { CsMrrBridge, MrrBridgeInput, PointSelectDetail } from '@cskit/widgets/mrr-bridge';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-mrr-bridge>` as a React component: one month's MRR waterfall (start, movements, end). Importing
 * it registers the element. Props are the element's properties (`data` takes an object, not a string);
 * `onCsPointSelect` (its `detail.key` is the step) and `onCsDataError` receive its `cs-point-select` and
 * `cs-data-error` events.
 *
 * @example
 * ```tsx
 * <MrrBridge label="MRR bridge" month="2024-03" data={report} onCsPointSelect={(event) => show(event.detail.key)} />
 * ```
 */
export const MrrBridge = createComponent({
  react: React,
  tagName: 'cs-mrr-bridge',
  elementClass: CsMrrBridge,
  displayName: 'MrrBridge',
  events: {
    onCsPointSelect: 'cs-point-select' as EventName<CustomEvent<PointSelectDetail>>,
    onCsDataError: dataError,
    onCsExport: exportEvent,
  },
});
