/**
 * The events an incremental Stripe sync reads (`GET /v1/events?types[]=…`, at most 20 types): those that
 * change a customer, a subscription or its items, or its invoices (history). Stripe sends
 * `customer.subscription.updated` for every change of items, quantity, price, discounts or status.
 */
export const STRIPE_CHANGE_EVENTS: readonly string[] = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.pending_update_applied',
  'customer.subscription.pending_update_expired',
  'invoice.created',
  'invoice.finalized',
  'invoice.updated',
  'invoice.paid',
  'invoice.voided',
  'invoice.marked_uncollectible',
];

/** How long Stripe keeps events: a checkpoint older than this cannot be caught up from events. */
export const STRIPE_EVENT_RETENTION_SECONDS = 30 * 86_400;

/** A customer or subscription an event says changed. */
export type StripeChange = {
  readonly kind: 'customer' | 'subscription';
  readonly id: string;
};

interface EventLike {
  readonly type?: unknown;
  readonly data?: { readonly object?: unknown } | null;
}

/**
 * What event `event` changed: the customer of `customer.*`, the subscription of
 * `customer.subscription.*`, the subscription an invoice bills (`parent.subscription_details.subscription`,
 * or `subscription` in events rendered with an API version before 2025-03-31: an event keeps the version
 * it was created with). Invoices outside subscriptions change nothing the sync writes.
 */
export function changedBy(event: EventLike): StripeChange[] {
  const type = typeof event.type === 'string' ? event.type : '';
  const object = (event.data?.object ?? {}) as Record<string, unknown>;
  const id = typeof object['id'] === 'string' ? object['id'] : undefined;
  if (type.startsWith('customer.subscription.')) return id === undefined ? [] : [{ kind: 'subscription', id }];
  if (type.startsWith('customer.')) return id === undefined ? [] : [{ kind: 'customer', id }];
  if (type.startsWith('invoice.')) {
    const parent = object['parent'] as { subscription_details?: { subscription?: unknown } | null } | null | undefined;
    const subscription = parent?.subscription_details?.subscription ?? object['subscription'];
    const subscriptionId =
      typeof subscription === 'string'
        ? subscription
        : typeof (subscription as { id?: unknown } | null)?.id === 'string'
          ? (subscription as { id: string }).id
          : undefined;
    return subscriptionId === undefined ? [] : [{ kind: 'subscription', id: subscriptionId }];
  }
  return [];
}
