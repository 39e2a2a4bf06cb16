import { join } from 'node:path';
import {
  assertTimeZone,
  CskitValidationError,
  readCustomers,
  readSubscriptionLines,
  type CanonicalRecord,
  type ValidationIssue,
} from '@cskit/core';
import { toCsv } from '@cskit/core/sample';
import type Stripe from 'stripe';
import type { RetryEvent, RetryOptions } from '../http/retry.js';
import { namedById } from '../sync/named-by-id.js';
import { syncCalls } from '../sync/sync-calls.js';
import { SyncStore, syncStatePath } from '../sync/sync-store.js';
import { mapStripeCustomer, METADATA_PREFIX, STRIPE_CUSTOMER_COLUMNS } from './map-customer.js';
import { mapStripeSubscription, STRIPE_SUBSCRIPTION_COLUMNS } from './map-subscription.js';
import { classifyStripeError, createStripeClient, stripeAuthError, stripeOrigin } from './stripe-client.js';
import { readSubscriptionHistory, type HistoryRequests } from './read-history.js';
import { missingStripeFields } from './stripe-required.js';
import type { StripeSubscriptionItemShape, StripeSubscriptionShape } from './stripe-shapes.js';

/** Options of {@link syncStripe}. */
export interface SyncStripeOptions {
  /** A secret or restricted key that may read customers and subscriptions. Never written anywhere. */
  readonly apiKey: string;
  /** The directory the canonical files and the state file are written to. */
  readonly out: string;
  /** Origin of a server that speaks Stripe's API (default `https://api.stripe.com`). */
  readonly baseUrl?: string;
  /** IANA zone Stripe's timestamps are turned into dates in (default `UTC`). */
  readonly timeZone?: string;
  /** Objects per list request, 1–100 (default 100, Stripe's maximum). */
  readonly pageSize?: number;
  /** Retries of a request after 429, 5xx or a lost connection (backoff with jitter, honouring `Retry-After`). */
  readonly retry?: Pick<RetryOptions, 'maxRetries' | 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>;
  /** Stops the sync between requests and during waits; what was committed stays for the next run. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: SyncProgress) => void;
}

/** What a sync reports while it runs. */
export type SyncProgress =
  | { readonly type: 'start'; readonly resumed: boolean }
  | {
      readonly type: 'page';
      readonly entity: 'customers' | 'subscriptions';
      /** Objects on this page (subscriptions, not lines). */
      readonly objects: number;
      /** Records committed so far (customers, or subscription lines). */
      readonly records: number;
    }
  | ({ readonly type: 'retry' } & RetryEvent)
  | { readonly type: 'written'; readonly customers: number; readonly subscriptionLines: number };

/** What a finished sync wrote. */
export interface SyncStripeResult {
  /** Path of `customers.csv` and `subscriptions.csv`. */
  readonly files: { readonly customers: string; readonly subscriptions: string };
  readonly statePath: string;
  readonly customers: number;
  readonly subscriptionLines: number;
  /** Whether this run finished an interrupted one. */
  readonly resumed: boolean;
  /** Approximations (discounts not applied, subscriptions never paid), one sentence each. */
  readonly notes: readonly string[];
}

/** Where the next page starts. */
type StripeCursor =
  { readonly entity: 'customers' | 'subscriptions'; readonly after?: string } | { readonly entity: 'listed' };

const CUSTOMERS_FILE = 'customers.csv';
const SUBSCRIPTIONS_FILE = 'subscriptions.csv';
/** Expanding the coupon of each discount costs nothing extra and spares one request per coupon. */
const EXPAND_DISCOUNTS = ['data.discounts.source.coupon'];

/**
 * Syncs a Stripe account's customers and subscriptions into `customers.csv` and `subscriptions.csv` of
 * `out` (canonical files that `cskit report` reads as they are), with the mapping of docs/connectors.md.
 *
 * Subscriptions are listed with `status=all` (Stripe leaves canceled ones out otherwise), with every
 * item: past the 10 Stripe puts inline, from `/v1/subscription_items`. Every page is checkpointed
 * (`stripe-sync-state.json`), so a sync interrupted at any moment and run again with the same `out`
 * writes exactly the files of an uninterrupted run. A run after a finished one lists everything again,
 * so changes (a subscription canceled since) show up.
 *
 * Every record goes through core's readers before it is committed: a bad one stops the sync with a
 * `CskitValidationError` naming it by id (and its row in the file to be), never dropped.
 *
 * @throws SourceAuthError on 401/403; CskitValidationError for records that cannot be mapped; the
 *   SDK's error once retries are exhausted; RangeError for a bad `baseUrl`, `timeZone` or `pageSize`.
 */
export async function syncStripe(options: SyncStripeOptions): Promise<SyncStripeResult> {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const origin = stripeOrigin(options.baseUrl).origin;
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new RangeError(`pageSize must be an integer from 1 to 100, got ${pageSize}`);
  }
  const stripe = createStripeClient({ apiKey: options.apiKey, baseUrl: origin });
  const progress = options.onProgress ?? (() => undefined);
  const call = syncCalls({
    retry: options.retry,
    signal: options.signal,
    classify: classifyStripeError,
    authError: stripeAuthError,
    onRetry: (event) => progress({ type: 'retry', ...event }),
  });

  const store = await SyncStore.open<StripeCursor>({
    dir: options.out,
    source: 'stripe',
    entities: ['customers', 'subscriptions', 'notes'],
    settings: { baseUrl: origin, timeZone },
  });
  progress({ type: 'start', resumed: store.resumed });
  const historyRequests: HistoryRequests = {
    invoices: (subscription, after) =>
      call(() =>
        stripe.invoices.list({ subscription, limit: 100, ...(after === undefined ? {} : { starting_after: after }) }),
      ),
    lines: (invoice, after) =>
      call(() => stripe.invoices.listLineItems(invoice, { limit: 100, starting_after: after })),
    price: (id) => call(() => stripe.prices.retrieve(id)),
    prices: new Map(),
  };
  let cursor: StripeCursor = store.cursor ?? { entity: 'customers' };

  while (cursor.entity === 'customers') {
    options.signal?.throwIfAborted();
    const after = cursor.after;
    const page = await call(() =>
      stripe.customers.list({ limit: pageSize, ...(after === undefined ? {} : { starting_after: after }) }),
    );
    const missing = page.data.flatMap((customer) => missingStripeFields('customer', customer));
    if (missing.length > 0) throw new CskitValidationError(missing);
    const records = page.data.map((customer) => mapStripeCustomer(customer, timeZone));
    namedById(() => readCustomers(records, { source: CUSTOMERS_FILE, timeZone }));
    const last = page.data.at(-1);
    cursor =
      page.has_more && last !== undefined ? { entity: 'customers', after: last.id } : { entity: 'subscriptions' };
    await store.commit({ customers: records }, cursor);
    progress({ type: 'page', entity: 'customers', objects: page.data.length, records: store.count('customers') });
  }

  while (cursor.entity === 'subscriptions') {
    options.signal?.throwIfAborted();
    const after = cursor.after;
    const page = await call(() =>
      stripe.subscriptions.list({
        status: 'all',
        limit: pageSize,
        expand: EXPAND_DISCOUNTS,
        ...(after === undefined ? {} : { starting_after: after }),
      }),
    );
    const lines: CanonicalRecord[] = [];
    const issues: ValidationIssue[] = [];
    const notes: CanonicalRecord[] = [];
    for (const subscription of page.data as readonly StripeSubscriptionShape[]) {
      if (!Array.isArray(subscription.items?.data)) {
        // Without its items list the subscription cannot even be paged: report it as it is.
        issues.push(...missingStripeFields('subscription', subscription));
        continue;
      }
      const items = await allItems(subscription, (lastItem) =>
        call(() =>
          stripe.subscriptionItems.list({
            subscription: subscription.id,
            limit: 100,
            starting_after: lastItem,
            expand: EXPAND_DISCOUNTS,
          }),
        ),
      );
      const history = await readSubscriptionHistory(subscription.id, items, historyRequests);
      const mapped = mapStripeSubscription(subscription, items, timeZone, history);
      lines.push(...mapped.lines);
      issues.push(...mapped.issues);
      notes.push(...mapped.notes.map((note) => ({ note })));
    }
    if (issues.length > 0) throw new CskitValidationError(issues);
    namedById(() => readSubscriptionLines(lines, { source: SUBSCRIPTIONS_FILE }));
    const last = page.data.at(-1);
    cursor = page.has_more && last !== undefined ? { entity: 'subscriptions', after: last.id } : { entity: 'listed' };
    await store.commit({ subscriptions: lines, notes }, cursor);
    progress({
      type: 'page',
      entity: 'subscriptions',
      objects: page.data.length,
      records: store.count('subscriptions'),
    });
  }

  const customers = await store.records('customers');
  const lines = await store.records('subscriptions');
  const notes = (await store.records('notes')).map((record) => record['note'] ?? '');
  // Whole files again: ids must be unique across pages too.
  namedById(() => readCustomers(customers, { source: CUSTOMERS_FILE, timeZone }));
  namedById(() => readSubscriptionLines(lines, { source: SUBSCRIPTIONS_FILE }));
  const metadataColumns = [
    ...new Set(customers.flatMap((record) => Object.keys(record).filter((key) => key.startsWith(METADATA_PREFIX)))),
  ].sort();
  await store.complete({
    [CUSTOMERS_FILE]: toCsv(customers, { columns: [...STRIPE_CUSTOMER_COLUMNS, ...metadataColumns] }),
    [SUBSCRIPTIONS_FILE]: toCsv(lines, { columns: STRIPE_SUBSCRIPTION_COLUMNS }),
  });
  progress({ type: 'written', customers: customers.length, subscriptionLines: lines.length });
  return {
    files: { customers: join(options.out, CUSTOMERS_FILE), subscriptions: join(options.out, SUBSCRIPTIONS_FILE) },
    statePath: syncStatePath(options.out, 'stripe'),
    customers: customers.length,
    subscriptionLines: lines.length,
    resumed: store.resumed,
    notes,
  };
}

/** A subscription's items: the (up to 10) inline ones, then the rest page by page. */
async function allItems(
  subscription: StripeSubscriptionShape,
  nextPage: (after: string) => Promise<Stripe.ApiList<Stripe.SubscriptionItem>>,
): Promise<StripeSubscriptionItemShape[]> {
  const items: StripeSubscriptionItemShape[] = [...subscription.items.data];
  let more = subscription.items.has_more;
  while (more) {
    const last = items.at(-1);
    if (last === undefined) break;
    const page = await nextPage(last.id);
    items.push(...(page.data as readonly StripeSubscriptionItemShape[]));
    more = page.has_more && page.data.length > 0;
  }
  return items;
}
