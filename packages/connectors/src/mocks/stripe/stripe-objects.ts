/**
 * Builders of Stripe API objects as the API returns them (API version 2026-11-18): the fields cskit
 * reads, with the shapes and nullability of Stripe's reference (customer, subscription,
 * subscription_item, price, discount, coupon), plus the common fields every object carries.
 * Timestamps are Unix seconds, amounts integer minor units, currencies lower case, as Stripe sends them.
 */

/** Stripe's `metadata`: string keys and values. */
export type StripeMetadata = Record<string, string>;

/** A Stripe `coupon`. */
export interface StripeCouponObject {
  readonly id: string;
  readonly object: 'coupon';
  readonly amount_off: number | null;
  readonly currency: string | null;
  readonly duration: 'forever' | 'once' | 'repeating';
  readonly duration_in_months: number | null;
  readonly percent_off: number | null;
  readonly applies_to?: { readonly products: readonly string[] };
  readonly created: number;
  readonly livemode: boolean;
  readonly metadata: StripeMetadata;
  readonly name: string | null;
  readonly valid: boolean;
}

/** A Stripe `discount`: the application of a coupon to a subscription or an item. */
export interface StripeDiscountObject {
  readonly id: string;
  readonly object: 'discount';
  readonly customer: string | null;
  readonly end: number | null;
  readonly start: number;
  readonly subscription: string | null;
  readonly subscription_item: string | null;
  readonly promotion_code: string | null;
  readonly source: { readonly type: 'coupon'; readonly coupon: string | StripeCouponObject | null };
}

/** A Stripe `price` (recurring, as subscription items hold). */
export interface StripePriceObject {
  readonly id: string;
  readonly object: 'price';
  readonly active: boolean;
  readonly billing_scheme: 'per_unit' | 'tiered';
  readonly created: number;
  readonly currency: string;
  readonly livemode: boolean;
  readonly lookup_key: string | null;
  readonly metadata: StripeMetadata;
  readonly nickname: string | null;
  readonly product: string;
  readonly recurring: {
    readonly interval: 'day' | 'week' | 'month' | 'year';
    readonly interval_count: number;
    readonly usage_type: 'licensed' | 'metered';
  } | null;
  readonly type: 'recurring' | 'one_time';
  readonly unit_amount: number | null;
  readonly unit_amount_decimal: string | null;
}

/** A Stripe `subscription_item`, with its discounts as ids or (expanded) objects. */
export interface StripeSubscriptionItemObject {
  readonly id: string;
  readonly object: 'subscription_item';
  readonly created: number;
  readonly current_period_end: number;
  readonly current_period_start: number;
  readonly discounts: readonly (string | StripeDiscountObject)[];
  readonly metadata: StripeMetadata;
  readonly price: StripePriceObject;
  readonly quantity: number | null;
  readonly subscription: string;
}

/** Stripe's list envelope (`object: 'list'`), as lists and embedded lists (`items`) have it. */
export interface StripeList<T> {
  readonly object: 'list';
  readonly data: readonly T[];
  readonly has_more: boolean;
  readonly url: string;
  readonly total_count?: number;
}

/** Statuses of a Stripe subscription. */
export type StripeSubscriptionStatus =
  'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'paused';

/** A Stripe `subscription` as the mock stores it: every item, before the API's 10-item inline limit. */
export interface StripeSubscriptionRecord {
  readonly id: string;
  readonly object: 'subscription';
  readonly cancel_at: number | null;
  readonly cancel_at_period_end: boolean;
  readonly canceled_at: number | null;
  readonly created: number;
  readonly currency: string;
  readonly customer: string;
  readonly discounts: readonly StripeDiscountObject[];
  readonly ended_at: number | null;
  readonly livemode: boolean;
  readonly metadata: StripeMetadata;
  readonly start_date: number;
  readonly status: StripeSubscriptionStatus;
  readonly trial_end: number | null;
  readonly trial_start: number | null;
  /** Every item, in the order the API lists them. */
  readonly items: readonly StripeSubscriptionItemObject[];
}

/** A Stripe `customer`. */
export interface StripeCustomerObject {
  readonly id: string;
  readonly object: 'customer';
  readonly address: {
    readonly city: string | null;
    readonly country: string | null;
    readonly line1: string | null;
    readonly line2: string | null;
    readonly postal_code: string | null;
    readonly state: string | null;
  } | null;
  readonly created: number;
  readonly currency: string | null;
  readonly deleted?: undefined;
  readonly description: string | null;
  readonly email: string | null;
  readonly livemode: boolean;
  readonly metadata: StripeMetadata;
  readonly name: string | null;
}

/** Unix seconds of a UTC timestamp written as ISO 8601 (`2024-01-15T09:30:00Z`). */
export function unixSeconds(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 timestamp: "${iso}"`);
  return Math.floor(ms / 1000);
}

/** A customer; `country` goes into its address. */
export function stripeCustomer(fields: {
  id: string;
  name: string | null;
  created: string;
  country?: string | null;
  email?: string | null;
  metadata?: StripeMetadata;
}): StripeCustomerObject {
  const country = fields.country ?? null;
  return {
    id: fields.id,
    object: 'customer',
    address:
      country === null ? null : { city: null, country, line1: null, line2: null, postal_code: null, state: null },
    created: unixSeconds(fields.created),
    currency: null,
    description: null,
    email: fields.email ?? null,
    livemode: false,
    metadata: fields.metadata ?? {},
    name: fields.name,
  };
}

/** A recurring per-unit price (or a tiered or metered one, which cskit cannot map). */
export function stripePrice(fields: {
  id: string;
  product: string;
  currency: string;
  unitAmount: number | null;
  interval: 'day' | 'week' | 'month' | 'year';
  intervalCount?: number;
  billingScheme?: 'per_unit' | 'tiered';
  usageType?: 'licensed' | 'metered';
  created?: string;
}): StripePriceObject {
  return {
    id: fields.id,
    object: 'price',
    active: true,
    billing_scheme: fields.billingScheme ?? 'per_unit',
    created: unixSeconds(fields.created ?? '2023-01-01T00:00:00Z'),
    currency: fields.currency.toLowerCase(),
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: fields.product,
    recurring: {
      interval: fields.interval,
      interval_count: fields.intervalCount ?? 1,
      usage_type: fields.usageType ?? 'licensed',
    },
    type: 'recurring',
    unit_amount: fields.unitAmount,
    unit_amount_decimal: fields.unitAmount === null ? null : String(fields.unitAmount),
  };
}

/** A coupon: percent off or amount off, for some duration. */
export function stripeCoupon(fields: {
  id: string;
  duration: 'forever' | 'once' | 'repeating';
  percentOff?: number;
  amountOff?: number;
  currency?: string;
  durationInMonths?: number;
  appliesToProducts?: readonly string[];
}): StripeCouponObject {
  return {
    id: fields.id,
    object: 'coupon',
    amount_off: fields.amountOff ?? null,
    currency: fields.currency?.toLowerCase() ?? null,
    duration: fields.duration,
    duration_in_months: fields.durationInMonths ?? null,
    percent_off: fields.percentOff ?? null,
    ...(fields.appliesToProducts === undefined ? {} : { applies_to: { products: fields.appliesToProducts } }),
    created: unixSeconds('2023-01-01T00:00:00Z'),
    livemode: false,
    metadata: {},
    name: null,
    valid: true,
  };
}

/** The application of `coupon` to a subscription, from `start`. */
export function stripeDiscount(fields: {
  id: string;
  coupon: StripeCouponObject;
  customer: string;
  subscription: string;
  start: string;
}): StripeDiscountObject {
  return {
    id: fields.id,
    object: 'discount',
    customer: fields.customer,
    end: null,
    start: unixSeconds(fields.start),
    subscription: fields.subscription,
    subscription_item: null,
    promotion_code: null,
    source: { type: 'coupon', coupon: fields.coupon },
  };
}

/** An item of subscription `subscription`. */
export function stripeSubscriptionItem(fields: {
  id: string;
  subscription: string;
  price: StripePriceObject;
  quantity: number | null;
  created: string;
}): StripeSubscriptionItemObject {
  const created = unixSeconds(fields.created);
  return {
    id: fields.id,
    object: 'subscription_item',
    created,
    current_period_end: created + 30 * 86_400,
    current_period_start: created,
    discounts: [],
    metadata: {},
    price: fields.price,
    quantity: fields.quantity,
    subscription: fields.subscription,
  };
}

/**
 * A subscription with its items. `status` follows from the dates: canceled once `endedAt` is given,
 * trialing while a trial is given and not over at `asOf`, active otherwise.
 */
export function stripeSubscription(fields: {
  id: string;
  customer: string;
  currency: string;
  startDate: string;
  items: readonly StripeSubscriptionItemObject[];
  endedAt?: string;
  trialStart?: string;
  trialEnd?: string;
  discounts?: readonly StripeDiscountObject[];
  status?: StripeSubscriptionStatus;
}): StripeSubscriptionRecord {
  const endedAt = fields.endedAt === undefined ? null : unixSeconds(fields.endedAt);
  return {
    id: fields.id,
    object: 'subscription',
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: endedAt,
    created: unixSeconds(fields.startDate),
    currency: fields.currency.toLowerCase(),
    customer: fields.customer,
    discounts: fields.discounts ?? [],
    ended_at: endedAt,
    livemode: false,
    metadata: {},
    start_date: unixSeconds(fields.startDate),
    status: fields.status ?? (endedAt !== null ? 'canceled' : 'active'),
    trial_end: fields.trialEnd === undefined ? null : unixSeconds(fields.trialEnd),
    trial_start: fields.trialStart === undefined ? null : unixSeconds(fields.trialStart),
    items: fields.items,
  };
}

/**
 * A Stripe invoice `line_item` (API 2025-03-31 and later): what it billed hangs under `parent`
 * (`subscription_item_details` for a subscription item) and `pricing.price_details`. The mock keeps the
 * price object (`price`) to answer `GET /v1/prices/{id}`; the API renders it as its id.
 */
export interface StripeInvoiceLineObject {
  readonly id: string;
  readonly object: 'line_item';
  readonly amount: number;
  readonly currency: string;
  readonly description: string | null;
  readonly discountable: boolean;
  readonly discounts: readonly string[];
  readonly invoice: string;
  readonly livemode: boolean;
  readonly metadata: StripeMetadata;
  readonly parent: {
    readonly type: 'subscription_item_details';
    readonly invoice_item_details: null;
    readonly subscription_item_details: {
      readonly invoice_item: string | null;
      readonly proration: boolean;
      readonly proration_details: { readonly credited_items: null } | null;
      readonly subscription: string;
      readonly subscription_item: string;
    };
  };
  readonly period: { readonly start: number; readonly end: number };
  readonly pricing: {
    readonly type: 'price_details';
    readonly price_details: { readonly price: StripePriceObject; readonly product: string };
    readonly unit_amount_decimal: string | null;
  };
  readonly quantity: number | null;
  readonly subtotal: number;
}

/** Statuses of a Stripe invoice. */
export type StripeInvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';

/** A Stripe `invoice` as the mock stores it: every line, before the API's 10-line inline limit. */
export interface StripeInvoiceRecord {
  readonly id: string;
  readonly object: 'invoice';
  readonly created: number;
  readonly currency: string;
  readonly customer: string;
  readonly livemode: boolean;
  readonly metadata: StripeMetadata;
  readonly parent: {
    readonly type: 'subscription_details';
    readonly subscription_details: { readonly subscription: string; readonly metadata: StripeMetadata };
  };
  readonly period_end: number;
  readonly period_start: number;
  readonly status: StripeInvoiceStatus;
  readonly total: number;
  /** Every line, in the order the API lists them. */
  readonly lines: readonly StripeInvoiceLineObject[];
}

/**
 * A line of invoice `invoice` billing subscription item `item` of `subscription` for the period
 * [`start`, `end`) at `price` × `quantity`; `proration` marks the credit or charge of a mid-period change
 * (then `amount` is the prorated amount, which may be negative).
 */
export function stripeInvoiceLine(fields: {
  id: string;
  invoice: string;
  subscription: string;
  item: string;
  price: StripePriceObject;
  quantity: number;
  start: string;
  end: string;
  proration?: boolean;
  amount?: number;
}): StripeInvoiceLineObject {
  const unit = fields.price.unit_amount ?? 0;
  return {
    id: fields.id,
    object: 'line_item',
    amount: fields.amount ?? unit * fields.quantity,
    currency: fields.price.currency,
    description: `${fields.quantity} × ${fields.price.product}`,
    discountable: true,
    discounts: [],
    invoice: fields.invoice,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: fields.proration === true ? `ii_${fields.id}` : null,
        proration: fields.proration ?? false,
        proration_details: fields.proration === true ? { credited_items: null } : null,
        subscription: fields.subscription,
        subscription_item: fields.item,
      },
    },
    period: { start: unixSeconds(fields.start), end: unixSeconds(fields.end) },
    pricing: {
      type: 'price_details',
      price_details: { price: fields.price, product: fields.price.product },
      unit_amount_decimal: fields.price.unit_amount_decimal,
    },
    quantity: fields.quantity,
    subtotal: fields.amount ?? unit * fields.quantity,
  };
}

/** An invoice of `subscription` created at `created` with `lines` (status `paid` unless given). */
export function stripeInvoice(fields: {
  id: string;
  customer: string;
  subscription: string;
  created: string;
  lines: readonly StripeInvoiceLineObject[];
  status?: StripeInvoiceStatus;
}): StripeInvoiceRecord {
  const created = unixSeconds(fields.created);
  const total = fields.lines.reduce((sum, line) => sum + line.amount, 0);
  return {
    id: fields.id,
    object: 'invoice',
    created,
    currency: fields.lines[0]?.currency ?? 'usd',
    customer: fields.customer,
    livemode: false,
    metadata: {},
    parent: { type: 'subscription_details', subscription_details: { subscription: fields.subscription, metadata: {} } },
    period_end: created,
    period_start: created,
    status: fields.status ?? 'paid',
    total,
    lines: fields.lines,
  };
}

/** A Stripe `event`: `data.object` is the object as it was right after the change. */
export interface StripeEventObject {
  readonly id: string;
  readonly object: 'event';
  readonly api_version: string;
  readonly created: number;
  readonly data: { readonly object: { readonly id: string; readonly object: string } & Record<string, unknown> };
  readonly livemode: boolean;
  readonly pending_webhooks: number;
  readonly request: { readonly id: string | null; readonly idempotency_key: string | null };
  readonly type: string;
}

let events = 0;

/** An event of `type` about `object`, created at `created` (default: now). */
export function stripeEvent(fields: {
  type: string;
  object: { readonly id: string; readonly object: string };
  created?: string;
  id?: string;
}): StripeEventObject {
  events += 1;
  return {
    id: fields.id ?? `evt_mock${String(events).padStart(8, '0')}`,
    object: 'event',
    api_version: '2026-11-18.clover',
    created: fields.created === undefined ? Math.floor(Date.now() / 1000) : unixSeconds(fields.created),
    data: { object: { ...fields.object } },
    livemode: false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    type: fields.type,
  };
}
