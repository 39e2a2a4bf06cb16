import type { ExportDetail } from '@cskit/widgets/churn-chart';
import type { EventName } from '@lit/react';

export type { ExportDetail } from '@cskit/widgets/churn-chart';

/**
 * The `cs-export` event name, typed for `createComponent`'s `events`: every element fires it when a
 * format of its export menu (`export` prop) is chosen; `preventDefault()` stops the download.
 */
export const exportEvent = 'cs-export' as EventName<CustomEvent<ExportDetail>>;
