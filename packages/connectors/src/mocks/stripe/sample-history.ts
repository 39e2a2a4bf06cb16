import type { SampleRow } from '@cskit/core/sample';
import { addStripeMonths } from './stripe-invoices.js';
import {
  stripeInvoice,
  stripeInvoiceLine,
  stripeSubscription,
  stripeSubscriptionItem,
  unixSeconds,
  type StripeInvoiceRecord,
  type StripePriceObject,
  type StripeSubscriptionRecord,
} from './stripe-objects.js';

type Line = SampleRow<'subscriptions'>;

/**
 * One monthly subscription of the sample company as Stripe holds it: the lines of its main product
 * (the product of its first line) are the versions of one item `si_<subscription>` (plan changes are
 * price changes, seat changes quantity changes: Stripe lists only the last), the other lines are items
 * of their own (add-ons; one that ended before the subscription did is removed, so Stripe no longer lists
 * it). Its invoices bill every month from its start while it lives and the month starts before `until`,
 * one line per item live at the start of the month with that month's price and quantity — the history the
 * connector rebuilds the lines from.
 */
export function sampleSubscriptionWithHistory(
  id: string,
  lines: readonly Line[],
  options: {
    readonly until: string;
    readonly at: (date: string) => string;
    readonly priceOf: (line: Line) => StripePriceObject;
  },
): { subscription: StripeSubscriptionRecord; invoices: StripeInvoiceRecord[] } {
  const { at, priceOf } = options;
  const byStart = [...lines].sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
  const first = byStart[0];
  if (first === undefined) throw new RangeError(`sample subscription ${id} has no lines`);
  const main = byStart.filter((line) => line.product === first.product);
  const addOns = byStart.filter((line) => line.product !== first.product);
  const last = main.at(-1) ?? first;
  const ended = last.end_date === '' ? undefined : last.end_date;
  const itemOf = (line: Line): string => (main.includes(line) ? `si_${id.replace(/^sub_/, '')}` : line.line_id);
  const current = [last, ...addOns.filter((line) => line.end_date === '' || line.end_date === ended)];
  const subscription = stripeSubscription({
    id,
    customer: first.customer_id,
    currency: first.currency,
    startDate: at(first.start_date),
    ...(ended === undefined ? {} : { endedAt: at(ended) }),
    items: current.map((line) =>
      stripeSubscriptionItem({
        id: itemOf(line),
        subscription: id,
        price: priceOf(line),
        quantity: Number(line.quantity),
        created: at(main.includes(line) ? first.start_date : line.start_date),
      }),
    ),
  });

  const stop = Math.min(unixSeconds(options.until), ended === undefined ? Infinity : unixSeconds(at(ended)));
  const startOf = unixSeconds(at(first.start_date));
  const invoices: StripeInvoiceRecord[] = [];
  for (let k = 0; ; k++) {
    const start = addStripeMonths(startOf, k);
    if (start >= stop) break;
    const end = addStripeMonths(startOf, k + 1);
    const live = byStart.filter(
      (line) =>
        unixSeconds(at(line.start_date)) <= start && (line.end_date === '' || unixSeconds(at(line.end_date)) > start),
    );
    const invoiceId = `in_${id.replace(/^sub_/, '')}_${String(k + 1).padStart(3, '0')}`;
    const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
    invoices.push(
      stripeInvoice({
        id: invoiceId,
        customer: first.customer_id,
        subscription: id,
        created: iso(start),
        lines: live.map((line, n) =>
          stripeInvoiceLine({
            id: `il_${invoiceId.slice(3)}_${n}`,
            invoice: invoiceId,
            subscription: id,
            item: itemOf(line),
            price: priceOf(line),
            quantity: Number(line.quantity),
            start: iso(start),
            end: iso(end),
          }),
        ),
      }),
    );
  }
  return { subscription, invoices: invoices.reverse() };
}
