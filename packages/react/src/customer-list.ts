import { CsCustomerList } from '@cskit/widgets/customer-list';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { dataError } from './data-error.js';
import { exportEvent } from './export-event.js';

export type {
  CsCustomerList,
  ExplainedCustomer,
  ExplainedLine,
  ExplanationInput,
  MovementExplanationInput,
  RateExplanationInput,
} from '@cskit/widgets/customer-list';
export type { DataErrorDetail } from './data-error.js';
export type { ExportDetail } from './export-event.js';

/**
 * `<cs-customer-list>` as a React component: the customers behind one movement or one rate of one
 * month (the JSON of `cskit explain --movement` / `--rate`, or core's `movementExplanationJson` /
 * `rateExplanationJson`), largest first, with totals that equal the number. Importing it registers the
 * element. Props are the element's properties (`data` takes an object); `onCsDataError` and
 * `onCsExport` receive its `cs-data-error` and `cs-export` events.
 *
 * @example
 * ```tsx
 * <CustomerList label="Churned in March" src="/api/explain?month=2025-03&movement=churn" customerHref="/customers/{customerId}" />
 * ```
 */
export const CustomerList = createComponent({
  react: React,
  tagName: 'cs-customer-list',
  elementClass: CsCustomerList,
  displayName: 'CustomerList',
  events: { onCsDataError: dataError, onCsExport: exportEvent },
});
