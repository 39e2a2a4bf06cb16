import {
  stripeInvoice,
  stripeInvoiceLine,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  type StripeInvoiceLineObject,
  type StripeInvoiceRecord,
  type StripePriceObject,
  type StripeSubscriptionRecord,
} from './stripe-objects.js';

const seat20 = stripePrice({
  id: 'price_seat_20_usd',
  product: 'prod_seat',
  currency: 'usd',
  unitAmount: 2000,
  interval: 'month',
});
const seat25 = stripePrice({
  id: 'price_seat_25_usd',
  product: 'prod_seat',
  currency: 'usd',
  unitAmount: 2500,
  interval: 'month',
});
const support = stripePrice({
  id: 'price_support_15_usd',
  product: 'prod_support',
  currency: 'usd',
  unitAmount: 1500,
  interval: 'month',
});

/**
 * `sub_acme_seats` of `cus_acme` (USD, monthly from 2024-05-01) and its invoices, a subscription whose
 * past differs from what Stripe lists today. Today it has one item, `si_seats`: 6 × 25.00. Its invoices say:
 *
 * | period | `si_seats` | `si_support` |
 * |---|---|---|
 * | May, June | 5 × 20.00 (`price_seat_20_usd`) | 1 × 15.00 |
 * | July | 8 × 20.00 (8 seats since 15 June: the July invoice also has the two proration lines) | 1 × 15.00 |
 * | August | 8 × 25.00 (`price_seat_25_usd`: a price change) | removed |
 * | September | 6 × 25.00 | |
 * | October | a **draft** for 9 seats (not history: drafts can still change) | |
 *
 * The August invoice is `void`ed and issued again (a void invoice does not count either).
 */
export function seatHistory(): { subscription: StripeSubscriptionRecord; invoices: StripeInvoiceRecord[] } {
  const subscription = stripeSubscription({
    id: 'sub_acme_seats',
    customer: 'cus_acme',
    currency: 'usd',
    startDate: '2024-05-01T00:00:00Z',
    items: [
      stripeSubscriptionItem({
        id: 'si_seats',
        subscription: 'sub_acme_seats',
        price: seat25,
        quantity: 6,
        created: '2024-05-01T00:00:00Z',
      }),
    ],
  });
  const month = (m: number): string => `2024-${String(m).padStart(2, '0')}-01T00:00:00Z`;
  const invoice = (
    id: string,
    m: number,
    lines: (invoice: string) => StripeInvoiceLineObject[],
    status?: 'draft' | 'void',
  ): StripeInvoiceRecord =>
    stripeInvoice({
      id,
      customer: 'cus_acme',
      subscription: 'sub_acme_seats',
      created: month(m),
      lines: lines(id),
      ...(status === undefined ? {} : { status }),
    });
  const line = (
    invoiceId: string,
    n: number,
    item: string,
    price: StripePriceObject,
    quantity: number,
    m: number,
    extra: { start?: string; proration?: boolean; amount?: number } = {},
  ): StripeInvoiceLineObject =>
    stripeInvoiceLine({
      id: `il_${invoiceId.slice(3)}_${n}`,
      invoice: invoiceId,
      subscription: 'sub_acme_seats',
      item,
      price,
      quantity,
      start: extra.start ?? month(m),
      end: month(m + 1),
      ...(extra.proration === undefined ? {} : { proration: extra.proration }),
      ...(extra.amount === undefined ? {} : { amount: extra.amount }),
    });
  const invoices = [
    invoice('in_seats_10', 10, (id) => [line(id, 1, 'si_seats', seat25, 9, 10)], 'draft'),
    invoice('in_seats_09', 9, (id) => [line(id, 1, 'si_seats', seat25, 6, 9)]),
    invoice('in_seats_08b', 8, (id) => [line(id, 1, 'si_seats', seat25, 8, 8)]),
    invoice('in_seats_08', 8, (id) => [line(id, 1, 'si_seats', seat25, 7, 8)], 'void'),
    invoice('in_seats_07', 7, (id) => [
      // 15 June to 1 July is half of June's 30 days: 5 seats credited, 8 charged, at 20.00 each.
      line(id, 1, 'si_seats', seat20, 5, 6, { start: '2024-06-15T00:00:00Z', proration: true, amount: -5000 }),
      line(id, 2, 'si_seats', seat20, 8, 6, { start: '2024-06-15T00:00:00Z', proration: true, amount: 8000 }),
      line(id, 3, 'si_seats', seat20, 8, 7),
      line(id, 4, 'si_support', support, 1, 7),
    ]),
    invoice('in_seats_06', 6, (id) => [
      line(id, 1, 'si_seats', seat20, 5, 6),
      line(id, 2, 'si_support', support, 1, 6),
    ]),
    invoice('in_seats_05', 5, (id) => [
      line(id, 1, 'si_seats', seat20, 5, 5),
      line(id, 2, 'si_support', support, 1, 5),
    ]),
  ];
  return { subscription, invoices };
}
