import { seatHistory } from './seat-history.js';
import { stripeBillingInvoices } from './stripe-invoices.js';
import {
  stripeCoupon,
  stripeCustomer,
  stripeDiscount,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  stripeEvent,
  type StripeCustomerObject,
  type StripeEventObject,
  type StripeInvoiceRecord,
  type StripePriceObject,
  type StripeSubscriptionItemObject,
  type StripeSubscriptionRecord,
} from './stripe-objects.js';

/**
 * What the Stripe mock serves: one account's customers and subscriptions, newest first as Stripe lists
 * them, and the secret key it accepts. Handlers read it on every request, so a test may change it
 * between two syncs (cancel a subscription, add a customer).
 */
export interface StripeMockAccount {
  /** The key requests must send as `Authorization: Bearer …`; any other key gets a 401. */
  apiKey: string;
  /** A key that authenticates but may not read customers or subscriptions: it gets a 403. */
  restrictedKey?: string;
  customers: StripeCustomerObject[];
  subscriptions: StripeSubscriptionRecord[];
  /** Invoices with all their lines, newest first (none when left out). */
  invoices?: StripeInvoiceRecord[];
  /** Ids of deleted customers: retrieving one answers a stub with `deleted: true`, lists leave them out. */
  deletedCustomers?: string[];
  /** Events, newest first (`recordStripeEvent` adds one); `GET /v1/events` lists those of the last 30 days. */
  events?: StripeEventObject[];
}

/**
 * Records that `object` changed, as Stripe does with an event of `type` (`customer.subscription.updated`,
 * `customer.created` …): call it after changing the account, so that an incremental sync sees the change.
 */
export function recordStripeEvent(
  account: StripeMockAccount,
  type: string,
  object: { readonly id: string; readonly object: string },
): void {
  account.events = [stripeEvent({ type, object }), ...(account.events ?? [])];
}

/** The key of the demo accounts. Not a real key: Stripe's test keys start `sk_test_` too. */
export const STRIPE_MOCK_API_KEY = 'sk_test_cskit_mock_4242424242';

/**
 * A small hand-made account whose report is computed by hand in the tests and in docs/connectors.md:
 *
 * | customer | subscription | lines |
 * |---|---|---|
 * | `cus_acme` "Acme, Inc." (US) | `sub_acme` USD, since 2024-01-15: 12 add-ons at 10.00/month (more than the 10 items Stripe puts inline), and a repeating 50 % coupon (not applied) | 12 × 10.00 = 120.00 USD MRR |
 * | `cus_bakery` `Bob's "Best" <b>Bakery</b>` (DE) | `sub_bakery_old` EUR 50.00/month, 2024-01-10 to 2024-03-05 (canceled: listed only with `status=all`); `sub_bakery` EUR 1,200.00/year × 2 seats since 2024-02-01 with a forever 25 % coupon | 1,200 × 0.75 × 2 ÷ 12 = 150.00 EUR MRR |
 * | `cus_tokyo` "東京ラボ株式会社" (JP) | `sub_tokyo` JPY ¥5,000/month × 3 since 2024-01-20 | 15,000 JPY MRR |
 * | `cus_trial` "Trial =1+1, Ltd." (GB) | `sub_trial` USD 30.00/month, trial 2024-03-01 to 2024-03-15 | trial line, then 30.00 USD MRR from 2024-03-15 |
 * | `cus_acme` | `sub_acme_seats` USD since 2024-05-01, whose seats, price and items changed (`seatHistory`) | 115.00 USD MRR in May and June, 160.00 + 15.00 in July, 200.00 in August, 150.00 from September |
 *
 * Every subscription has its invoices up to 2024-04-01 (`stripeBillingInvoices`; `sub_acme`'s have 12
 * lines, more than the 10 Stripe puts inline), and `sub_acme_seats` those of `seatHistory`.
 */
export function demoStripeAccount(): StripeMockAccount {
  const addOns = Array.from({ length: 12 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return stripePrice({
      id: `price_addon_${n}_usd`,
      product: `prod_addon_${n}`,
      currency: 'usd',
      unitAmount: 1000,
      interval: 'month',
    });
  });
  const acmeItems = addOns.map((price, i) =>
    stripeSubscriptionItem({
      id: `si_acme_${String(i + 1).padStart(2, '0')}`,
      subscription: 'sub_acme',
      price,
      quantity: 1,
      created: '2024-01-15T10:00:00Z',
    }),
  );
  const halfOffForThreeMonths = stripeCoupon({
    id: 'WELCOME50',
    duration: 'repeating',
    percentOff: 50,
    durationInMonths: 3,
  });
  const quarterOffForever = stripeCoupon({ id: 'PARTNER25', duration: 'forever', percentOff: 25 });

  const customers = [
    stripeCustomer({
      id: 'cus_trial',
      name: 'Trial =1+1, Ltd.',
      created: '2024-03-01T08:00:00Z',
      country: 'GB',
      metadata: { segment: 'smb' },
    }),
    stripeCustomer({ id: 'cus_tokyo', name: '東京ラボ株式会社', created: '2024-01-20T01:00:00Z', country: 'JP' }),
    stripeCustomer({
      id: 'cus_bakery',
      name: `Bob's "Best" <b>Bakery</b>`,
      created: '2024-01-10T12:00:00Z',
      country: 'DE',
      metadata: { segment: 'smb', 'owner, team': 'Ana "AJ" Jones' },
    }),
    stripeCustomer({
      id: 'cus_acme',
      name: 'Acme, Inc.',
      created: '2024-01-15T09:00:00Z',
      country: 'US',
      metadata: { segment: 'enterprise' },
    }),
  ];
  const annual = stripePrice({
    id: 'price_team_eur_year',
    product: 'prod_team',
    currency: 'eur',
    unitAmount: 120_000,
    interval: 'year',
  });
  const subscriptions = [
    stripeSubscription({
      id: 'sub_trial',
      customer: 'cus_trial',
      currency: 'usd',
      startDate: '2024-03-01T08:00:00Z',
      trialStart: '2024-03-01T08:00:00Z',
      trialEnd: '2024-03-15T08:00:00Z',
      items: [
        item('si_trial', 'sub_trial', '2024-03-01T08:00:00Z', 1, {
          id: 'price_starter_usd',
          product: 'prod_starter',
          currency: 'usd',
          unitAmount: 3000,
          interval: 'month',
        }),
      ],
    }),
    stripeSubscription({
      id: 'sub_bakery',
      customer: 'cus_bakery',
      currency: 'eur',
      startDate: '2024-02-01T12:00:00Z',
      discounts: [
        stripeDiscount({
          id: 'di_bakery_partner',
          coupon: quarterOffForever,
          customer: 'cus_bakery',
          subscription: 'sub_bakery',
          start: '2024-02-01T12:00:00Z',
        }),
      ],
      items: [
        stripeSubscriptionItem({
          id: 'si_bakery_team',
          subscription: 'sub_bakery',
          price: annual,
          quantity: 2,
          created: '2024-02-01T12:00:00Z',
        }),
      ],
    }),
    stripeSubscription({
      id: 'sub_tokyo',
      customer: 'cus_tokyo',
      currency: 'jpy',
      startDate: '2024-01-20T01:00:00Z',
      items: [
        item('si_tokyo_pro', 'sub_tokyo', '2024-01-20T01:00:00Z', 3, {
          id: 'price_pro_jpy',
          product: 'prod_pro',
          currency: 'jpy',
          unitAmount: 5000,
          interval: 'month',
        }),
      ],
    }),
    stripeSubscription({
      id: 'sub_acme',
      customer: 'cus_acme',
      currency: 'usd',
      startDate: '2024-01-15T10:00:00Z',
      discounts: [
        stripeDiscount({
          id: 'di_acme_welcome',
          coupon: halfOffForThreeMonths,
          customer: 'cus_acme',
          subscription: 'sub_acme',
          start: '2024-01-15T10:00:00Z',
        }),
      ],
      items: acmeItems,
    }),
    stripeSubscription({
      id: 'sub_bakery_old',
      customer: 'cus_bakery',
      currency: 'eur',
      startDate: '2024-01-10T12:00:00Z',
      endedAt: '2024-03-05T12:00:00Z',
      items: [
        item('si_bakery_old', 'sub_bakery_old', '2024-01-10T12:00:00Z', 1, {
          id: 'price_basic_eur',
          product: 'prod_basic',
          currency: 'eur',
          unitAmount: 5000,
          interval: 'month',
        }),
      ],
    }),
  ];
  const seats = seatHistory();
  const invoices = [
    ...subscriptions.flatMap((s) => stripeBillingInvoices(s, { until: '2024-04-01' })),
    ...seats.invoices,
  ];
  return {
    apiKey: STRIPE_MOCK_API_KEY,
    customers,
    subscriptions: [seats.subscription, ...subscriptions],
    invoices: invoices.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1)),
  };
}

function item(
  id: string,
  subscription: string,
  created: string,
  quantity: number,
  price: Parameters<typeof stripePrice>[0],
): StripeSubscriptionItemObject {
  return stripeSubscriptionItem({ id, subscription, price: stripePrice(price), quantity, created });
}

/**
 * A larger, deterministic account for paging: `customers` customers (default 250) with one monthly
 * subscription each (USD, EUR or JPY in turn; every fifth canceled, every seventh with 12 items), so
 * syncing it takes several pages of customers, subscriptions and items.
 */
export function generatedStripeAccount(options: { customers?: number } = {}): StripeMockAccount {
  const count = options.customers ?? 250;
  const currencies = ['usd', 'eur', 'jpy'] as const;
  const amounts = { usd: 4900, eur: 3900, jpy: 6000 } as const;
  const customers: StripeCustomerObject[] = [];
  const subscriptions: StripeSubscriptionRecord[] = [];
  const base = Date.parse('2023-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0');
    const created = new Date(base + i * 3 * 3_600_000).toISOString();
    const currency = currencies[i % 3] ?? 'usd';
    customers.push(
      stripeCustomer({
        id: `cus_${n}`,
        name: i % 11 === 0 ? `Customer ${n}, "quoted" & <i>marked</i>` : `Customer ${n}`,
        created,
        country: ['US', 'DE', 'JP', 'GB'][i % 4] ?? 'US',
        metadata: i % 2 === 0 ? { segment: i % 4 === 0 ? 'enterprise' : 'smb' } : {},
      }),
    );
    const prices: StripePriceObject[] = Array.from({ length: i % 7 === 0 ? 12 : 1 }, (_, k) =>
      stripePrice({
        id: `price_${currency}_${k}`,
        product: `prod_${k}`,
        currency,
        unitAmount: amounts[currency],
        interval: 'month',
      }),
    );
    const subscription = `sub_${n}`;
    subscriptions.push(
      stripeSubscription({
        id: subscription,
        customer: `cus_${n}`,
        currency,
        startDate: created,
        ...(i % 5 === 0 ? { endedAt: new Date(base + (i * 3 + 24 * 90) * 3_600_000).toISOString() } : {}),
        items: prices.map((price, k) =>
          stripeSubscriptionItem({ id: `si_${n}_${k}`, subscription, price, quantity: 1 + (i % 3), created }),
        ),
      }),
    );
  }
  // Stripe lists newest first.
  return { apiKey: STRIPE_MOCK_API_KEY, customers: customers.reverse(), subscriptions: subscriptions.reverse() };
}
