import { defineElement } from '../internal/define-element.js';
import { CsCustomerList } from './customer-list.js';

export { CsCustomerList };
export type {
  ExplainedCustomer,
  ExplainedLine,
  ExplainedMovementPart,
  ExplanationInput,
  MovementExplanationInput,
  RateExplanationInput,
} from './customer-list-data.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-customer-list', CsCustomerList);
