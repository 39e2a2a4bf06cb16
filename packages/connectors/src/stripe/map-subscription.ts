import { dateInTimeZone, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import { stripeAmountText, stripeExponent } from './stripe-amount.js';
import type { BilledPeriod } from './billed-periods.js';
import { itemVersions } from './item-versions.js';
import { missingStripeFields } from './stripe-required.js';
import {
  idOf,
  STRIPE_SOURCE,
  type StripeDiscountShape,
  type StripePriceShape,
  type StripeSubscriptionItemShape,
  type StripeSubscriptionShape,
} from './stripe-shapes.js';

/** The columns of `subscriptions.csv`, in order. */
export const STRIPE_SUBSCRIPTION_COLUMNS = [
  'line_id',
  'subscription_id',
  'customer_id',
  'product',
  'plan',
  'start_date',
  'end_date',
  'amount',
  'currency',
  'interval',
  'interval_count',
  'quantity',
  'is_trial',
] as const;

/** A subscription's canonical lines, the items that cannot be mapped, and what was left approximate. */
export interface MappedSubscription {
  readonly lines: CanonicalRecord[];
  /** Items that cannot become a line without guessing, named by item id and Stripe field. */
  readonly issues: ValidationIssue[];
  /** Approximations a user should know about (discounts not applied, never-paid subscriptions). */
  readonly notes: string[];
}

/** Statuses of a subscription whose first invoice was never paid: it never billed. */
const NEVER_PAID = new Set(['incomplete', 'incomplete_expired']);

/** The invoice history of one subscription: its billed periods and the prices they name. */
export interface SubscriptionHistory {
  /** Regular invoice lines of the subscription's items ({@link billedPeriods}), removed items' included. */
  readonly periods: readonly BilledPeriod[];
  /** Prices by id, for the periods billed at a price no current item has (`GET /v1/prices/{id}`). */
  readonly prices: ReadonlyMap<string, StripePriceShape>;
}

/**
 * Maps a Stripe subscription and all its items (`items`: the inline ones and those paged from
 * `/v1/subscription_items`) to canonical subscription lines, as docs/connectors.md describes: per item,
 * from the latest of `start_date`, the item's `created` and `trial_end` to `ended_at`, plus a trial line
 * `<item id>-trial` for the trial.
 *
 * With `history` (the subscription's invoice lines), an item whose price or quantity changed becomes
 * one line per version ({@link itemVersions}): `<item id>-v1`, `-v2`, … and the current one `<item id>`,
 * each ending where the next starts; an item removed from the subscription becomes lines too, ending
 * with its last billed period. Without invoices an item is one line at its current price.
 */
export function mapStripeSubscription(
  subscription: StripeSubscriptionShape,
  items: readonly StripeSubscriptionItemShape[],
  timeZone: string,
  history: SubscriptionHistory = { periods: [], prices: new Map() },
): MappedSubscription {
  const lines: CanonicalRecord[] = [];
  const issues: ValidationIssue[] = [];
  const notes = new Set<string>();
  const date = (seconds: number): string => dateInTimeZone(seconds * 1000, timeZone);
  const neverPaid = NEVER_PAID.has(subscription.status);
  if (neverPaid) {
    notes.add(
      `${subscription.id}: status ${subscription.status} (first invoice never paid): its lines start and end on the same day`,
    );
  }
  const missing = missingStripeFields('subscription', subscription);
  if (missing.length > 0) return { lines, issues: missing, notes: [] };
  const endedAt = subscription.ended_at ?? null;
  const trialStart = subscription.trial_start ?? null;
  const trialEnd = subscription.trial_end ?? null;

  const periodsOf = new Map<string, BilledPeriod[]>();
  for (const period of history.periods) periodsOf.set(period.item, [...(periodsOf.get(period.item) ?? []), period]);
  const current = new Set(items.map((item) => item.id));
  const removed = [...periodsOf.keys()].filter((id) => !current.has(id));

  for (const item of [...items, ...removed.map((id) => ({ id, removed: true as const }))]) {
    const isRemoved = 'removed' in item;
    if (!isRemoved) {
      const absent = missingStripeFields('item', item);
      if (absent.length > 0) {
        issues.push(...absent);
        continue;
      }
    }
    const issue = (field: string, value: string, reason: string): void => {
      issues.push({ source: STRIPE_SOURCE, id: item.id, field, value, reason });
    };
    const periods = periodsOf.get(item.id) ?? [];
    const created = isRemoved ? Math.min(...periods.map((period) => period.start)) : item.created;
    const from = Math.max(subscription.start_date, created, trialEnd ?? 0);
    const { versions, billedUntil } = itemVersions(
      periods,
      from,
      isRemoved ? undefined : { price: item.price.id, quantity: item.quantity ?? Number.NaN },
    );
    // An item removed before its first paid period (billed only during the trial) left no paid line.
    if (versions.length === 0) continue;
    let end = endedAt;
    if (isRemoved && billedUntil !== undefined) end = Math.min(billedUntil, endedAt ?? billedUntil);

    const terms = versions.map((version) => {
      const price = !isRemoved && version.price === item.price.id ? item.price : history.prices.get(version.price);
      if (price === undefined) {
        issue('pricing.price_details.price', version.price, 'an invoice line names a price that could not be read');
        return undefined;
      }
      if (!isRemoved && price === item.price && (item.quantity ?? null) === null) {
        if (price.recurring?.usage_type !== 'metered') issue('quantity', '', 'the item has no quantity');
      }
      return lineTerms(price, version.quantity, issue, () =>
        applicableDiscount(subscription, isRemoved ? {} : item, idOf(price.product), notes),
      );
    });
    for (const [index, version] of versions.entries()) {
      const common = terms[index];
      if (common === undefined) continue;
      const next = versions[index + 1];
      const start = date(version.start);
      let stop = next !== undefined ? date(next.start) : end === null ? '' : date(end);
      // A line that ended before it would have started (canceled during the trial) never bills.
      if (neverPaid || (stop !== '' && stop < start)) stop = start;
      lines.push({
        line_id: next === undefined ? item.id : `${item.id}-v${index + 1}`,
        subscription_id: subscription.id,
        customer_id: idOf(subscription.customer),
        ...common,
        start_date: start,
        end_date: stop,
        is_trial: 'false',
      });
    }

    // An item added after the trial was never on trial; the trial line has the first version's terms.
    const first = terms[0];
    if (first !== undefined && trialStart !== null && trialEnd !== null && created < trialEnd) {
      const stop = endedAt === null ? trialEnd : Math.min(trialEnd, endedAt);
      lines.push({
        line_id: `${item.id}-trial`,
        subscription_id: subscription.id,
        customer_id: idOf(subscription.customer),
        ...first,
        start_date: date(Math.max(trialStart, created)),
        end_date: date(stop),
        is_trial: 'true',
      });
    }
  }
  return { lines, issues, notes: [...notes] };
}

/**
 * The columns a price and quantity give a line (product, plan, amount, currency, interval), or
 * `undefined` after reporting through `issue` why the price cannot be mapped without guessing.
 */
function lineTerms(
  price: StripePriceShape,
  quantity: number,
  issue: (field: string, value: string, reason: string) => void,
  percentOff: () => number | undefined,
): Record<string, string> | undefined {
  const currency = price.currency.toUpperCase();
  const exponent = stripeExponent(currency);
  if (exponent === undefined) issue('price.currency', price.currency, 'unknown currency code (expected ISO 4217)');
  const recurring = price.recurring ?? null;
  const unitAmount = price.unit_amount ?? null;
  if (recurring === null) {
    issue('price.recurring', '', 'the price is not recurring: a subscription line needs an interval');
  } else if (recurring.usage_type === 'metered') {
    issue('price.recurring.usage_type', 'metered', 'metered prices bill usage, which has no fixed amount to map yet');
  }
  if (price.billing_scheme === 'tiered') {
    issue('price.billing_scheme', 'tiered', 'tiered prices have no single unit amount to map yet');
  } else if (unitAmount === null) {
    issue(
      'price.unit_amount',
      '',
      'the price has no integer unit_amount (a sub-cent unit_amount_decimal is not mapped)',
    );
  }
  if (recurring === null || unitAmount === null || exponent === undefined || Number.isNaN(quantity)) return undefined;
  return {
    product: idOf(price.product),
    plan: price.id,
    amount: stripeAmountText(unitAmount, exponent, percentOff()),
    currency,
    interval: recurring.interval,
    interval_count: String(recurring.interval_count),
    quantity: String(quantity),
  };
}

/**
 * The percent a forever percent-off coupon takes off an item (ChartMogul's convention), when it is the
 * only discount on the item and its subscription. Any other discount is left out of the amount and noted.
 */
function applicableDiscount(
  subscription: StripeSubscriptionShape,
  item: Pick<StripeSubscriptionItemShape, 'discounts'>,
  product: string,
  notes: Set<string>,
): number | undefined {
  const discounts = [...(item.discounts ?? []), ...(subscription.discounts ?? [])];
  if (discounts.length === 0) return undefined;
  const note = (discount: string | StripeDiscountShape, why: string): undefined => {
    notes.add(`${subscription.id}: discount ${idOf(discount)} not applied (${why})`);
    return undefined;
  };
  const [only] = discounts;
  if (discounts.length > 1 || only === undefined) {
    for (const discount of discounts) note(discount, 'several discounts on one item are not combined');
    return undefined;
  }
  if (typeof only === 'string') return note(only, 'not expanded: the server ignored expand[]');
  const coupon = only.source?.coupon;
  if (coupon === undefined || coupon === null) return note(only, 'it has no coupon');
  if (typeof coupon === 'string') return note(only, `coupon ${coupon} not expanded`);
  const products = coupon.applies_to?.products ?? [];
  // A coupon restricted to other products does not touch this item: its price is exact as it is.
  if (products.length > 0 && !products.includes(product)) return undefined;
  if (coupon.percent_off === null || coupon.percent_off === undefined)
    return note(only, `coupon ${coupon.id}: amount off`);
  if (coupon.duration !== 'forever') {
    return note(only, `coupon ${coupon.id}: ${coupon.percent_off}% off, ${coupon.duration}`);
  }
  return coupon.percent_off;
}
