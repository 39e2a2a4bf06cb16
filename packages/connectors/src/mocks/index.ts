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
  STRIPE_MOCK_API_KEY,
  type StripeMockAccount,
} from './stripe/stripe-account.js';
export { stripeAccountFromSample } from './stripe/sample-account.js';
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
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  unixSeconds,
  type StripeCouponObject,
  type StripeCustomerObject,
  type StripeDiscountObject,
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
export { SAMPLE_SQL_TYPES, sampleSqlStatements, type SampleSqlOptions } from './sql/sample-tables.js';
