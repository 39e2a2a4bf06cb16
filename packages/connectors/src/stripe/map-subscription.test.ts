import { describe, expect, it } from 'vitest';
import {
  stripeCoupon,
  stripeCustomer,
  stripeDiscount,
  stripePrice,
  stripeSubscription,
  stripeSubscriptionItem,
  type StripeDiscountObject,
} from '../mocks/index.js';
import { mapStripeCustomer } from './map-customer.js';
import { mapStripeSubscription } from './map-subscription.js';
import type { StripeSubscriptionShape } from './stripe-shapes.js';

/** A subscription of one item as the API lists it (items inline), mapped in UTC. */
function mapOne(
  fields: {
    currency?: string;
    unitAmount?: number | null;
    interval?: 'day' | 'week' | 'month' | 'year';
    startDate?: string;
    itemCreated?: string;
    endedAt?: string;
    trialStart?: string;
    trialEnd?: string;
    discounts?: StripeDiscountObject[];
    status?: 'incomplete_expired';
    billingScheme?: 'tiered';
    usageType?: 'metered';
    quantity?: number | null;
    product?: string;
  } = {},
  timeZone = 'UTC',
) {
  const start = fields.startDate ?? '2024-01-10T12:00:00Z';
  const price = stripePrice({
    id: 'price_x',
    product: fields.product ?? 'prod_x',
    currency: fields.currency ?? 'usd',
    unitAmount: fields.unitAmount === undefined ? 4900 : fields.unitAmount,
    interval: fields.interval ?? 'month',
    ...(fields.billingScheme === undefined ? {} : { billingScheme: fields.billingScheme }),
    ...(fields.usageType === undefined ? {} : { usageType: fields.usageType }),
  });
  const item = stripeSubscriptionItem({
    id: 'si_x',
    subscription: 'sub_x',
    price,
    quantity: fields.quantity === undefined ? 1 : fields.quantity,
    created: fields.itemCreated ?? start,
  });
  const subscription = stripeSubscription({
    id: 'sub_x',
    customer: 'cus_x',
    currency: fields.currency ?? 'usd',
    startDate: start,
    items: [item],
    ...(fields.endedAt === undefined ? {} : { endedAt: fields.endedAt }),
    ...(fields.trialStart === undefined ? {} : { trialStart: fields.trialStart }),
    ...(fields.trialEnd === undefined ? {} : { trialEnd: fields.trialEnd }),
    ...(fields.discounts === undefined ? {} : { discounts: fields.discounts }),
    ...(fields.status === undefined ? {} : { status: fields.status }),
  });
  const listed = { ...subscription, items: { data: subscription.items, has_more: false } } as StripeSubscriptionShape;
  return mapStripeSubscription(listed, subscription.items, timeZone);
}

const discount = (coupon: Parameters<typeof stripeCoupon>[0]): StripeDiscountObject =>
  stripeDiscount({
    id: 'di_x',
    coupon: stripeCoupon(coupon),
    customer: 'cus_x',
    subscription: 'sub_x',
    start: '2024-01-10T12:00:00Z',
  });

describe('mapStripeSubscription', () => {
  it('maps an item to one line: ids, product, plan, amount in major units, interval, quantity', () => {
    const { lines, issues, notes } = mapOne({ quantity: 3, interval: 'year' });
    expect({ issues, notes }).toEqual({ issues: [], notes: [] });
    expect(lines).toEqual([
      {
        line_id: 'si_x',
        subscription_id: 'sub_x',
        customer_id: 'cus_x',
        product: 'prod_x',
        plan: 'price_x',
        start_date: '2024-01-10',
        end_date: '',
        amount: '49.00',
        currency: 'USD',
        interval: 'year',
        interval_count: '1',
        quantity: '3',
        is_trial: 'false',
      },
    ]);
  });

  it('reads amounts in the currency minor unit Stripe uses: JPY none, BHD three, ISK two at Stripe', () => {
    expect(mapOne({ currency: 'jpy', unitAmount: 5000 }).lines[0]?.amount).toBe('5000');
    expect(mapOne({ currency: 'bhd', unitAmount: 12_340 }).lines[0]?.amount).toBe('12.340');
    // Stripe sends ISK with two decimals although ISO 4217 has none: 50000 is 500 ISK.
    expect(mapOne({ currency: 'isk', unitAmount: 50_000 }).lines[0]?.amount).toBe('500.00');
  });

  it('starts the line at the latest of start_date, the item created and trial_end, and ends it at ended_at', () => {
    const { lines } = mapOne({
      startDate: '2024-01-10T12:00:00Z',
      itemCreated: '2024-02-03T00:00:00Z',
      endedAt: '2024-05-01T00:00:00Z',
    });
    expect(lines[0]).toMatchObject({ start_date: '2024-02-03', end_date: '2024-05-01' });
  });

  it('writes dates in the time zone given', () => {
    const { lines } = mapOne({ startDate: '2024-01-31T23:30:00Z', endedAt: '2024-03-31T22:30:00Z' }, 'Europe/Berlin');
    expect(lines[0]).toMatchObject({ start_date: '2024-02-01', end_date: '2024-04-01' });
  });

  it('adds a trial line, cut short when the subscription ended during the trial', () => {
    const { lines } = mapOne({
      startDate: '2024-03-01T08:00:00Z',
      trialStart: '2024-03-01T08:00:00Z',
      trialEnd: '2024-03-15T08:00:00Z',
      endedAt: '2024-03-10T09:00:00Z',
    });
    expect(lines.map((line) => [line['line_id'], line['start_date'], line['end_date'], line['is_trial']])).toEqual([
      // Canceled before the trial ended: the paid line never bills (start = end).
      ['si_x', '2024-03-15', '2024-03-15', 'false'],
      ['si_x-trial', '2024-03-01', '2024-03-10', 'true'],
    ]);
  });

  it('gives no trial line to an item added after the trial', () => {
    const { lines } = mapOne({
      startDate: '2024-03-01T08:00:00Z',
      trialStart: '2024-03-01T08:00:00Z',
      trialEnd: '2024-03-15T08:00:00Z',
      itemCreated: '2024-04-02T00:00:00Z',
    });
    expect(lines.map((line) => line['line_id'])).toEqual(['si_x']);
  });

  it('takes a forever percent-off coupon off the amount, rounding half to even', () => {
    // 49.00 × (1 − 0.125) = 42.875 → 42.88 (0.5 cent rounds to the even 8).
    expect(mapOne({ discounts: [discount({ id: 'C', duration: 'forever', percentOff: 12.5 })] }).lines[0]?.amount).toBe(
      '42.88',
    );
    // A coupon for other products leaves the price as it is, without a note.
    const other = mapOne({
      discounts: [discount({ id: 'C', duration: 'forever', percentOff: 50, appliesToProducts: ['prod_other'] })],
    });
    expect({ amount: other.lines[0]?.amount, notes: other.notes }).toEqual({ amount: '49.00', notes: [] });
  });

  it('leaves other discounts out of the amount and says so', () => {
    const amountOff = mapOne({
      discounts: [discount({ id: 'TEN', duration: 'forever', amountOff: 1000, currency: 'usd' })],
    });
    expect(amountOff.lines[0]?.amount).toBe('49.00');
    expect(amountOff.notes).toEqual(['sub_x: discount di_x not applied (coupon TEN: amount off)']);
    const once = mapOne({ discounts: [discount({ id: 'HALF', duration: 'once', percentOff: 50 })] });
    expect(once.notes).toEqual(['sub_x: discount di_x not applied (coupon HALF: 50% off, once)']);
  });

  it('notes a repeating percent-off coupon without applying it', () => {
    const repeating = mapOne({
      discounts: [discount({ id: 'WELCOME', duration: 'repeating', percentOff: 50, durationInMonths: 3 })],
    });
    expect({ amount: repeating.lines[0]?.amount, notes: repeating.notes }).toEqual({
      amount: '49.00',
      notes: ['sub_x: discount di_x not applied (coupon WELCOME: 50% off, repeating)'],
    });
  });

  it('takes a forever percent-off coupon off every version of an item rebuilt from invoices', () => {
    const old = stripePrice({
      id: 'price_old',
      product: 'prod_x',
      currency: 'usd',
      unitAmount: 4000,
      interval: 'month',
    });
    const current = stripePrice({
      id: 'price_x',
      product: 'prod_x',
      currency: 'usd',
      unitAmount: 4900,
      interval: 'month',
    });
    const item = stripeSubscriptionItem({
      id: 'si_x',
      subscription: 'sub_x',
      price: current,
      quantity: 1,
      created: '2024-01-01T00:00:00Z',
    });
    const subscription = stripeSubscription({
      id: 'sub_x',
      customer: 'cus_x',
      currency: 'usd',
      startDate: '2024-01-01T00:00:00Z',
      items: [item],
      discounts: [discount({ id: 'HALF', duration: 'forever', percentOff: 50 })],
    });
    const listed = { ...subscription, items: { data: subscription.items, has_more: false } } as StripeSubscriptionShape;
    const second = (iso: string): number => Date.parse(iso) / 1000;
    const { lines } = mapStripeSubscription(listed, subscription.items, 'UTC', {
      periods: [
        {
          item: 'si_x',
          start: second('2024-01-01T00:00:00Z'),
          end: second('2024-02-01T00:00:00Z'),
          price: 'price_old',
          quantity: 1,
        },
        {
          item: 'si_x',
          start: second('2024-02-01T00:00:00Z'),
          end: second('2024-03-01T00:00:00Z'),
          price: 'price_x',
          quantity: 1,
        },
      ],
      prices: new Map([['price_old', old]]),
    });
    // 40.00 and 49.00, each less 50 %.
    expect(lines.map((line) => [line['line_id'], line['start_date'], line['end_date'], line['amount']])).toEqual([
      ['si_x-v1', '2024-01-01', '2024-02-01', '20.00'],
      ['si_x', '2024-02-01', '', '24.50'],
    ]);
  });

  it('makes a never-paid subscription a line that never bills', () => {
    const { lines, notes } = mapOne({ status: 'incomplete_expired', endedAt: '2024-01-11T12:00:00Z' });
    expect(lines[0]).toMatchObject({ start_date: '2024-01-10', end_date: '2024-01-10' });
    expect(notes).toHaveLength(1);
  });

  it('names items it cannot map without guessing, by id and Stripe field', () => {
    expect(mapOne({ billingScheme: 'tiered', unitAmount: null }).issues).toMatchObject([
      { source: 'stripe', id: 'si_x', field: 'price.billing_scheme', value: 'tiered' },
    ]);
    expect(mapOne({ usageType: 'metered', quantity: null }).issues).toMatchObject([
      { id: 'si_x', field: 'price.recurring.usage_type', value: 'metered' },
    ]);
    expect(mapOne({ unitAmount: null }).issues).toMatchObject([{ id: 'si_x', field: 'price.unit_amount' }]);
    expect(mapOne({ currency: 'xts' }).issues).toMatchObject([{ id: 'si_x', field: 'price.currency', value: 'xts' }]);
    expect(mapOne({ quantity: null }).issues).toMatchObject([{ id: 'si_x', field: 'quantity' }]);
  });
});

describe('mapStripeCustomer', () => {
  it('maps id, name, created date in the zone, country and metadata columns', () => {
    const customer = stripeCustomer({
      id: 'cus_1',
      name: 'Acme, "Inc."',
      created: '2024-01-31T23:30:00Z',
      country: 'NZ',
      metadata: { name: 'not the name', segment: 'vip' },
    });
    expect(mapStripeCustomer(customer, 'Pacific/Auckland')).toEqual({
      customer_id: 'cus_1',
      name: 'Acme, "Inc."',
      created_at: '2024-02-01',
      country: 'NZ',
      // A metadata key named like a canonical column cannot replace it.
      'metadata.name': 'not the name',
      'metadata.segment': 'vip',
    });
  });
});
