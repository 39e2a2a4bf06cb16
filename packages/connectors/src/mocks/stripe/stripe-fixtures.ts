import { http, type HttpHandler } from 'msw';
import type { StripeMockAccount } from './stripe-account.js';
import { STRIPE_API_ORIGIN } from './stripe-handlers.js';

/**
 * Failure mode "records missed at a cursor's edge": while a sync pages `path` (default
 * `/v1/customers`), just before page `afterPage + 1` is answered, `change` alters the account, e.g.
 * creates a customer. Stripe lists newest first and pages with `starting_after`, so an object created
 * mid-listing lands before the cursor: this sync misses it, and only a later run lists it. Put the
 * handler in front of `stripeHandlers` (`server.use(…)`); it answers nothing itself.
 */
export function changeDuringListing(
  account: StripeMockAccount,
  options: {
    readonly change: (account: StripeMockAccount) => void;
    readonly path?: '/v1/customers' | '/v1/subscriptions';
    readonly afterPage?: number;
    readonly baseUrl?: string;
  },
): HttpHandler {
  const afterPage = options.afterPage ?? 1;
  let pages = 0;
  return http.get(`${options.baseUrl ?? STRIPE_API_ORIGIN}${options.path ?? '/v1/customers'}`, () => {
    pages += 1;
    if (pages === afterPage + 1) options.change(account);
    return undefined;
  });
}

/**
 * Failure mode "schema drift": every customer, subscription and item gains fields cskit does not know
 * (they must be ignored), and, with `remove`, the object with id `remove.id` (a customer, subscription
 * or subscription item) loses `remove.field`, a field Stripe always sends (it must be reported by id).
 *
 * @throws Error when no object has `remove.id`.
 */
export function driftStripeSchema(
  account: StripeMockAccount,
  options: { readonly remove?: { readonly id: string; readonly field: string } } = {},
): void {
  const remove = options.remove;
  let removed = false;
  /** The object as a newer API version would send it; without the removed field if it is the one. */
  const drifted = <T extends { readonly id: string }>(value: T, extra: Readonly<Record<string, unknown>>): T => {
    const next: Record<string, unknown> = { ...value, ...extra };
    if (remove !== undefined && value.id === remove.id) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the fixture removes a field by name
      delete next[remove.field];
      removed = true;
    }
    return next as T;
  };
  account.customers = account.customers.map((customer) =>
    drifted(customer, { loyalty_tier: { level: 3 }, invoice_credit_balance: {} }),
  );
  account.subscriptions = account.subscriptions.map((subscription) =>
    drifted(
      {
        ...subscription,
        items: subscription.items.map((item) => drifted(item, { tax_rates: [], billing_thresholds: null })),
      },
      { billing_schedules: [{ id: 'bs_1' }], billing_mode: { type: 'flexible' } },
    ),
  );
  if (remove !== undefined && !removed) throw new Error(`no object ${remove.id} in the mock account`);
}
