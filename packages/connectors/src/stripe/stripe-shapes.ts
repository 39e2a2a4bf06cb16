/**
 * The parts of Stripe's objects the Stripe connector reads (API version 2026-11-18), as structural types
 * that both the SDK's objects and the mock's plain JSON satisfy.
 */

export interface StripeCustomerShape {
  readonly id: string;
  readonly name?: string | null;
  readonly created: number;
  readonly address?: { readonly country?: string | null } | null;
  readonly metadata?: Readonly<Record<string, string>> | null;
}

export interface StripeCouponShape {
  readonly id: string;
  readonly duration: string;
  readonly percent_off?: number | null;
  readonly amount_off?: number | null;
  readonly applies_to?: { readonly products?: readonly string[] | null } | null;
}

export interface StripeDiscountShape {
  readonly id: string;
  readonly source?: { readonly coupon?: string | StripeCouponShape | null } | null;
}

export interface StripePriceShape {
  readonly id: string;
  readonly currency: string;
  readonly product: string | { readonly id: string };
  readonly unit_amount?: number | null;
  readonly billing_scheme?: string | null;
  readonly recurring?: {
    readonly interval: string;
    readonly interval_count: number;
    readonly usage_type?: string | null;
  } | null;
}

export interface StripeSubscriptionItemShape {
  readonly id: string;
  readonly created: number;
  readonly quantity?: number | null;
  readonly price: StripePriceShape;
  readonly discounts?: readonly (string | StripeDiscountShape)[] | null;
}

export interface StripeSubscriptionShape {
  readonly id: string;
  readonly customer: string | { readonly id: string };
  readonly status: string;
  readonly start_date: number;
  readonly ended_at?: number | null;
  readonly trial_start?: number | null;
  readonly trial_end?: number | null;
  readonly discounts?: readonly (string | StripeDiscountShape)[] | null;
  readonly items: {
    readonly data: readonly StripeSubscriptionItemShape[];
    readonly has_more: boolean;
  };
}

/** What an invoice line says about the subscription item it billed (API 2025-03-31 and later: `parent`). */
export interface StripeInvoiceLineShape {
  readonly id: string;
  readonly period: { readonly start: number; readonly end: number };
  readonly quantity?: number | null;
  readonly pricing?: {
    readonly price_details?: { readonly price: string | { readonly id: string } } | null;
  } | null;
  readonly parent?: {
    readonly type: string;
    readonly subscription_item_details?: {
      readonly subscription_item: string;
      readonly proration: boolean;
      readonly subscription?: string | null;
    } | null;
  } | null;
}

/** An invoice with its `lines` (inline up to 10; `has_more` says more are at `/v1/invoices/{id}/lines`). */
export interface StripeInvoiceShape {
  readonly id: string;
  readonly status?: string | null;
  readonly lines: {
    readonly data: readonly StripeInvoiceLineShape[];
    readonly has_more: boolean;
  };
}

/** The source name of issues found while mapping Stripe objects (before core's readers see them). */
export const STRIPE_SOURCE = 'stripe';

/** The id of an expandable field: the id itself, or the expanded object's. */
export function idOf(value: string | { readonly id: string }): string {
  return typeof value === 'string' ? value : value.id;
}
