import { CskitValidationError } from '@cskit/core';
import type Stripe from 'stripe';
import { billedPeriods } from './billed-periods.js';
import type { SubscriptionHistory } from './map-subscription.js';
import type {
  StripeInvoiceLineShape,
  StripeInvoiceShape,
  StripePriceShape,
  StripeSubscriptionItemShape,
} from './stripe-shapes.js';

/** How {@link readSubscriptionHistory} reaches Stripe: each call already retried by the sync. */
export interface HistoryRequests {
  /** `GET /v1/invoices?subscription=…`, 100 a page. */
  readonly invoices: (subscription: string, after: string | undefined) => Promise<Stripe.ApiList<Stripe.Invoice>>;
  /** `GET /v1/invoices/{id}/lines`, for the lines past the ones Stripe puts inline. */
  readonly lines: (invoice: string, after: string) => Promise<Stripe.ApiList<Stripe.InvoiceLineItem>>;
  /** `GET /v1/prices/{id}`, for a price no current item has. */
  readonly price: (id: string) => Promise<Stripe.Price>;
  /** Prices read so far in this sync, by id (Stripe never changes a price's amount or interval). */
  readonly prices: Map<string, StripePriceShape>;
}

/**
 * The invoice history of subscription `subscription` ({@link billedPeriods}): every invoice of it,
 * every line of each (paging `/v1/invoices/{id}/lines` when `lines.has_more`), and the prices its
 * periods name that none of `items` has.
 *
 * @throws CskitValidationError for invoice lines without price, quantity or period.
 */
export async function readSubscriptionHistory(
  subscription: string,
  items: readonly StripeSubscriptionItemShape[],
  requests: HistoryRequests,
): Promise<SubscriptionHistory> {
  const invoices: StripeInvoiceShape[] = [];
  for (let after: string | undefined, more = true; more;) {
    const page = await requests.invoices(subscription, after);
    for (const invoice of page.data as readonly StripeInvoiceShape[]) {
      invoices.push({ ...invoice, lines: { data: await allLines(invoice, requests), has_more: false } });
    }
    after = page.data.at(-1)?.id;
    more = page.has_more && after !== undefined;
  }
  const { periods, issues } = billedPeriods(subscription, invoices);
  if (issues.length > 0) throw new CskitValidationError(issues);
  // An item without its price (schema drift) is reported by the mapping, by item id.
  for (const item of items) if (typeof item.price?.id === 'string') requests.prices.set(item.price.id, item.price);
  for (const id of new Set(periods.map((period) => period.price))) {
    if (!requests.prices.has(id)) requests.prices.set(id, (await requests.price(id)) as StripePriceShape);
  }
  return { periods, prices: requests.prices };
}

async function allLines(invoice: StripeInvoiceShape, requests: HistoryRequests): Promise<StripeInvoiceLineShape[]> {
  const lines: StripeInvoiceLineShape[] = [...(invoice.lines?.data ?? [])];
  let more = invoice.lines?.has_more ?? false;
  while (more) {
    const last = lines.at(-1);
    if (last === undefined) break;
    const page = await requests.lines(invoice.id, last.id);
    lines.push(...(page.data as readonly StripeInvoiceLineShape[]));
    more = page.has_more && page.data.length > 0;
  }
  return lines;
}
