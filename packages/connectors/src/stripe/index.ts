/**
 * `@cskit/connectors/stripe` (Node only: it holds a secret key and writes files): syncs a Stripe
 * account's customers and subscriptions into canonical CSV files, checkpointed after every page.
 * See docs/connectors.md for the mapping.
 *
 * @packageDocumentation
 */
export { syncStripe, type SyncProgress, type SyncStripeOptions, type SyncStripeResult } from './sync-stripe.js';
export { mapStripeCustomer, METADATA_PREFIX, STRIPE_CUSTOMER_COLUMNS } from './map-customer.js';
export {
  mapStripeSubscription,
  STRIPE_SUBSCRIPTION_COLUMNS,
  type MappedSubscription,
  type SubscriptionHistory,
} from './map-subscription.js';
export { billedPeriods, HISTORY_INVOICE_STATUSES, type BilledPeriod } from './billed-periods.js';
export { itemVersions, type ItemVersion } from './item-versions.js';
export {
  changedBy,
  STRIPE_CHANGE_EVENTS,
  STRIPE_EVENT_RETENTION_SECONDS,
  type StripeChange,
} from './stripe-changes.js';
export { STRIPE_SOURCE } from './stripe-shapes.js';
export { missingStripeFields } from './stripe-required.js';
export { stripeAmountText, stripeExponent } from './stripe-amount.js';
export type {
  StripeCouponShape,
  StripeCustomerShape,
  StripeDiscountShape,
  StripeInvoiceLineShape,
  StripeInvoiceShape,
  StripePriceShape,
  StripeSubscriptionItemShape,
  StripeSubscriptionShape,
} from './stripe-shapes.js';
export { SourceAuthError } from '../sync/source-auth-error.js';
export { syncStatePath } from '../sync/sync-store.js';
export type { RetryEvent, RetryOptions } from '../http/retry.js';
