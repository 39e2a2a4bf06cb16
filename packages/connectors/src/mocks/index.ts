/**
 * `@cskit/connectors/mocks`: MSW handlers that behave like the providers' APIs (shapes, pagination,
 * errors, rate limits), with fixture accounts, for tests, Storybook and trying a sync without an
 * account. Needs `msw` 2 (a peer dependency). Serving them over real HTTP is in
 * `@cskit/connectors/mocks/node`.
 *
 * @packageDocumentation
 */
export {
  demoStripeAccount,
  generatedStripeAccount,
  recordStripeEvent,
  STRIPE_MOCK_API_KEY,
  type StripeMockAccount,
} from './stripe/stripe-account.js';
export { stripeAccountFromSample } from './stripe/sample-account.js';
export { seatHistory } from './stripe/seat-history.js';
export { addStripeMonths, stripeBillingInvoices } from './stripe/stripe-invoices.js';
export {
  STRIPE_API_ORIGIN,
  stripeError,
  stripeHandlers,
  type StripeHandlersOptions,
} from './stripe/stripe-handlers.js';
export { stripeRateLimited, stripeServerError, type StripeFailureOptions } from './stripe/stripe-failures.js';
export { changeDuringListing, driftStripeSchema } from './stripe/stripe-fixtures.js';
export type { FailureSchedule } from './failure-schedule.js';
export {
  stripeCoupon,
  stripeCustomer,
  stripeDiscount,
  stripeEvent,
  stripeInvoice,
  stripeInvoiceLine,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  unixSeconds,
  type StripeCouponObject,
  type StripeCustomerObject,
  type StripeDiscountObject,
  type StripeEventObject,
  type StripeInvoiceLineObject,
  type StripeInvoiceRecord,
  type StripeInvoiceStatus,
  type StripeList,
  type StripeMetadata,
  type StripePriceObject,
  type StripeSubscriptionItemObject,
  type StripeSubscriptionRecord,
  type StripeSubscriptionStatus,
} from './stripe/stripe-objects.js';
export {
  demoZendeskAccount,
  generatedZendeskAccount,
  zendeskMockTicket,
  ZENDESK_MOCK_API_TOKEN,
  ZENDESK_MOCK_EMAIL,
  type GeneratedZendeskAccountOptions,
  type ZendeskMockAccount,
  type ZendeskMockTicket,
} from './zendesk/zendesk-account.js';
export {
  ZENDESK_MOCK_ORIGIN,
  zendeskError,
  zendeskHandlers,
  type ZendeskHandlersOptions,
} from './zendesk/zendesk-handlers.js';
export { zendeskRateLimited, zendeskServerError, type ZendeskFailureOptions } from './zendesk/zendesk-failures.js';
export { driftZendeskSchema, indexTicketLate, updateTicketDuringSync } from './zendesk/zendesk-fixtures.js';
export {
  zendeskMetricSet,
  zendeskTicket,
  type ZendeskMetricSetInput,
  type ZendeskMetricSetObject,
  type ZendeskTicketInput,
  type ZendeskTicketObject,
} from './zendesk/zendesk-objects.js';
export {
  demoHubSpotAccount,
  generatedHubSpotAccount,
  hubspotAccountFromSample,
  HUBSPOT_MOCK_ACCESS_TOKEN,
  type HubSpotMockAccount,
} from './hubspot/hubspot-account.js';
export {
  HUBSPOT_MOCK_ORIGIN,
  hubspotError,
  hubspotHandlers,
  type HubSpotHandlersOptions,
} from './hubspot/hubspot-handlers.js';
export {
  driftHubSpotSchema,
  hubspotRateLimited,
  hubspotServerError,
  type HubSpotFailureOptions,
} from './hubspot/hubspot-failures.js';
export {
  hubspotCompany,
  hubspotDeal,
  type HubSpotCompanyInput,
  type HubSpotDealInput,
  type HubSpotMockObject,
} from './hubspot/hubspot-objects.js';
export {
  DELIGHTED_MOCK_API_KEY,
  delightedAccountFromSample,
  demoDelightedAccount,
  delightedResponse,
  driftDelightedSchema,
  type DelightedMockAccount,
  type DelightedResponseInput,
  type DelightedResponseObject,
} from './delighted/delighted-account.js';
export {
  DELIGHTED_MOCK_ORIGIN,
  delightedError,
  delightedHandlers,
  delightedRateLimited,
  delightedServerError,
  type DelightedFailureOptions,
  type DelightedHandlersOptions,
} from './delighted/delighted-handlers.js';
export { DEMO_NPS_ANSWERS } from './surveys-demo.js';
export {
  demoTypeformAccount,
  driftTypeformSchema,
  TYPEFORM_MOCK_FORM_ID,
  TYPEFORM_MOCK_TOKEN,
  typeformAccountFromSample,
  typeformResponse,
  type TypeformMockAccount,
  type TypeformResponseInput,
  type TypeformResponseObject,
} from './typeform/typeform-account.js';
export {
  TYPEFORM_MOCK_ORIGIN,
  typeformError,
  typeformHandlers,
  typeformRateLimited,
  typeformServerError,
  type TypeformFailureOptions,
  type TypeformHandlersOptions,
} from './typeform/typeform-handlers.js';
export { SAMPLE_SQL_TYPES, sampleSqlStatements, type SampleSqlOptions } from './sql/sample-tables.js';
