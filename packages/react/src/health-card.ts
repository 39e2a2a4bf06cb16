import { CsHealthCard } from '@cskit/widgets/health-card';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type { CsHealthCard, HealthCardInput } from '@cskit/widgets/health-card';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-health-card>` as a React component: a customer's (or segment's) health score, band and
 * factors. Importing it registers the element. Props are the element's properties (`data` takes an
 * object, not a string); `onCsDataError` receives its `cs-data-error` event (also fired when the data
 * lacks the requested customer).
 *
 * @example
 * ```tsx
 * <HealthCard src="/api/health.json" customerId="cus_0042" onCsDataError={(event) => log(event.detail.reason)} />
 * ```
 */
export const HealthCard = createComponent({
  react: React,
  tagName: 'cs-health-card',
  elementClass: CsHealthCard,
  displayName: 'HealthCard',
  events: { onCsDataError: dataError, onCsExport: exportEvent },
});
