import { defineElement } from '../internal/define-element.js';
import { CsCustomerList } from './customer-list.js';

export { CsCustomerList };
export type { ExplainedCustomer, ExplainedLine, MovementExplanationInput } from './customer-list-data.js';

defineElement('cs-customer-list', CsCustomerList);
