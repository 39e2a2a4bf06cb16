import {
  stripeInvoice,
  stripeInvoiceLine,
  type StripeInvoiceRecord,
  type StripeSubscriptionRecord,
} from './stripe-objects.js';

/** `seconds` moved by `months` calendar months in UTC, on the same day of the month (or the month's last). */
export function addStripeMonths(seconds: number, months: number): number {
  const date = new Date(seconds * 1000);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return target.getTime() / 1000;
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/**
 * The invoices Stripe issues for a subscription whose items never changed: a trial invoice (billed 0)
 * for the trial, then one invoice per billing period of its first item's price (from the end of the trial,
 * or `start_date`) while the subscription lives and the period starts before `until`, each with one
 * line per item at its current price and quantity. Newest first, as Stripe lists them.
 */
export function stripeBillingInvoices(
  subscription: StripeSubscriptionRecord,
  options: { readonly until: string },
): StripeInvoiceRecord[] {
  const until = Date.parse(options.until) / 1000;
  const recurring = subscription.items[0]?.price.recurring;
  if (recurring === undefined || recurring === null) return [];
  const months = (recurring.interval === 'year' ? 12 : 1) * recurring.interval_count;
  const invoices: StripeInvoiceRecord[] = [];
  const invoice = (n: string, start: number, end: number, trial: boolean): StripeInvoiceRecord => {
    const id = `in_${subscription.id.replace(/^sub_/, '')}_${n}`;
    return stripeInvoice({
      id,
      customer: subscription.customer,
      subscription: subscription.id,
      created: iso(start),
      lines: subscription.items.map((item, k) =>
        stripeInvoiceLine({
          id: `il_${id.slice(3)}_${k}`,
          invoice: id,
          subscription: subscription.id,
          item: item.id,
          price: item.price,
          quantity: item.quantity ?? 1,
          start: iso(start),
          end: iso(end),
          ...(trial ? { amount: 0 } : {}),
        }),
      ),
    });
  };
  const trialStart = subscription.trial_start;
  const trialEnd = subscription.trial_end;
  if (trialStart !== null && trialEnd !== null) invoices.push(invoice('trial', trialStart, trialEnd, true));
  const first = Math.max(subscription.start_date, trialEnd ?? 0);
  for (let k = 0; ; k++) {
    const start = addStripeMonths(first, k * months);
    if (start >= until || (subscription.ended_at !== null && start >= subscription.ended_at)) break;
    invoices.push(invoice(String(k + 1).padStart(3, '0'), start, addStripeMonths(first, (k + 1) * months), false));
  }
  return invoices.reverse();
}
