import type { ValidationIssue } from '@cskit/core';
import { idOf, STRIPE_SOURCE, type StripeInvoiceLineShape, type StripeInvoiceShape } from './stripe-shapes.js';

/**
 * Invoice statuses whose lines are history: `open` (finalized, not paid yet), `paid` and `uncollectible`
 * (billed, whether or not the money came: MRR counts what was contracted). A `draft` can still change
 * and a `void` invoice was withdrawn, so neither says what the customer was subscribed to.
 */
export const HISTORY_INVOICE_STATUSES: ReadonlySet<string> = new Set(['open', 'paid', 'uncollectible']);

/** One billing period of a subscription item, as a regular (not proration) invoice line billed it. */
export interface BilledPeriod {
  /** The subscription item's id. */
  readonly item: string;
  /** Unix seconds. */
  readonly start: number;
  readonly end: number;
  /** The price id the period was billed at. */
  readonly price: string;
  readonly quantity: number;
}

/**
 * The billed periods of subscription `subscription` in `invoices` (each with every line, past the ones
 * Stripe puts inline): lines of a subscription item (`parent.type` `subscription_item_details`) on
 * invoices whose status counts ({@link HISTORY_INVOICE_STATUSES}), without proration lines (a proration
 * bills part of a period at the difference between two prices, not what the item was). Lines for
 * invoice items (one-off charges) are not subscription history. A line that lacks its price or quantity
 * is an issue naming the line id and the field.
 */
export function billedPeriods(
  subscription: string,
  invoices: readonly StripeInvoiceShape[],
): { periods: BilledPeriod[]; issues: ValidationIssue[] } {
  const periods: BilledPeriod[] = [];
  const issues: ValidationIssue[] = [];
  for (const invoice of invoices) {
    if (!HISTORY_INVOICE_STATUSES.has(invoice.status ?? '')) continue;
    for (const line of invoice.lines.data) {
      const details = line.parent?.type === 'subscription_item_details' ? line.parent.subscription_item_details : null;
      if (details === null || details === undefined || details.proration) continue;
      if ((details.subscription ?? subscription) !== subscription) continue;
      const period = billedPeriod(line, details.subscription_item, issues);
      if (period !== undefined) periods.push(period);
    }
  }
  return { periods, issues };
}

function billedPeriod(line: StripeInvoiceLineShape, item: string, issues: ValidationIssue[]): BilledPeriod | undefined {
  const issue = (field: string, reason: string): undefined => {
    issues.push({ source: STRIPE_SOURCE, id: line.id, field, value: '', reason });
    return undefined;
  };
  const price = line.pricing?.price_details?.price;
  if (price === undefined || price === null) {
    return issue('pricing.price_details.price', 'an invoice line of a subscription item has no price');
  }
  const quantity = line.quantity ?? null;
  if (quantity === null) return issue('quantity', 'an invoice line of a subscription item has no quantity');
  if (typeof line.period?.start !== 'number' || typeof line.period.end !== 'number') {
    return issue('period', 'an invoice line of a subscription item has no period');
  }
  return { item, start: line.period.start, end: line.period.end, price: idOf(price), quantity };
}
