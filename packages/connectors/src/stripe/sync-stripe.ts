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
import { readPreviousStripeFiles, type PreviousStripeFiles } from './previous-files.js';
import { changedBy, STRIPE_CHANGE_EVENTS, STRIPE_EVENT_RETENTION_SECONDS } from './stripe-changes.js';
import { missingStripeFields } from './stripe-required.js';
import type { StripeCustomerShape, StripeSubscriptionItemShape, StripeSubscriptionShape } from './stripe-shapes.js';

/** Options of {@link syncStripe}. */
export interface SyncStripeOptions {
  /** A secret or restricted key that may read customers, subscriptions, invoices, prices and events. Never written anywhere. */
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
  /**
   * The clock (milliseconds since 1970), default `Date.now`: it tells whether the last sync's checkpoint
   * is older than the 30 days Stripe keeps events (then the run lists everything again).
   */
  readonly now?: () => number;
}

/** What a sync reports while it runs. */
export type SyncProgress =
  | {
      readonly type: 'start';
      readonly resumed: boolean;
      /** Whether the run reads what changed since the last sync (events) instead of listing everything. */
      readonly incremental: boolean;
      /** Why a run after a finished sync lists everything again (the checkpoint is too old, the files are gone). */
      readonly fullBecause?: string;
    }
  | {
      readonly type: 'page';
      readonly entity: 'customers' | 'subscriptions' | 'events';
      /** Objects on this page (customers, subscriptions or events; not lines). */
      readonly objects: number;
      /** Records committed so far (customers, subscription lines, or objects changed). */
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
  /** Whether this run read the changes since the last sync from events, instead of listing everything. */
  readonly incremental: boolean;
  /** Approximations (discounts not applied, subscriptions never paid), one sentence each. */
  readonly notes: readonly string[];
}

/** A note, with the subscription it is about (a later run replaces the notes of a changed subscription). */
type StripeNote = {
  readonly subscription_id: string;
  readonly note: string;
};

/** Where the next page starts, and what every stage of a run shares. */
type StripeCursor = {
  /**
   * Unix seconds the next run reads events from: the `created` of the newest event when this run started
   * (`null` when Stripe had none of the last 30 days: the next run lists everything).
   */
  readonly since: number | null;
  readonly incremental: boolean;
} & (
  | { readonly entity: 'customers' | 'subscriptions'; readonly after?: string }
  /** Events created since `from` (the previous run's `since`), newest first. */
  | { readonly entity: 'events'; readonly from: number; readonly after?: string }
  /** Reading again the customers and subscriptions the events named: `done` of them so far. */
  | { readonly entity: 'changed'; readonly done: number }
  /** Everything read; `notes` are kept for the next run, which carries the unchanged subscriptions' over. */
  | { readonly entity: 'listed'; readonly notes?: readonly StripeNote[] }
);

const CUSTOMERS_FILE = 'customers.csv';
const SUBSCRIPTIONS_FILE = 'subscriptions.csv';
/** Expanding the coupon of each discount costs nothing extra and spares one request per coupon. */
const EXPAND_DISCOUNTS = ['data.discounts.source.coupon'];
/** Changed objects read again per checkpoint. */
const CHANGED_PER_COMMIT = 20;

/**
 * Syncs a Stripe account's customers and subscriptions into `customers.csv` and `subscriptions.csv` of
 * `out` (canonical files that `cskit report` reads as they are), with the mapping of docs/connectors.md.
 * Customers are written in order of id, subscription lines in order of subscription id (each
 * subscription's lines in item order), so that a full and an incremental run write the same bytes.
 *
 * The first run lists everything: subscriptions with `status=all` (Stripe leaves canceled ones out
 * otherwise), with every item (past the 10 Stripe puts inline, from `/v1/subscription_items`) and every
 * invoice (past the 10 lines inline, from `/v1/invoices/{id}/lines`) to rebuild history. A later run
 * reads the events created since the newest event when the previous run started (`/v1/events`,
 * {@link STRIPE_CHANGE_EVENTS}), reads again only the customers and subscriptions they name, and carries
 * the rest over from the previous files: it writes what a full sync of the account would. When that
 * checkpoint is more than 30 days old (Stripe keeps events 30 days), Stripe had no recent event to
 * checkpoint at, or the previous files are gone, it lists everything again.
 *
 * Every page is checkpointed (`stripe-sync-state.json`), so a sync interrupted at any moment and run again
 * with the same `out` writes exactly the files of an uninterrupted run. Every record goes through core's
 * readers before it is committed: a bad one stops the sync with a `CskitValidationError` naming it by id
 * (and its row in the file to be), never dropped.
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
  const now = options.now ?? Date.now;
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
    entities: ['customers', 'subscriptions', 'notes', 'changes', 'previous-customers', 'previous-subscriptions'],
    settings: { baseUrl: origin, timeZone },
  });
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

  /** A subscription's lines and notes, with every item and its invoice history. */
  const mapSubscription = async (subscription: StripeSubscriptionShape) => {
    if (!Array.isArray(subscription.items?.data)) {
      // Without its items list the subscription cannot even be paged: report it as it is.
      return { lines: [], issues: missingStripeFields('subscription', subscription), notes: [] };
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
    return { ...mapped, notes: mapped.notes.map((note) => ({ subscription_id: subscription.id, note })) };
  };

  let cursor: StripeCursor;
  /** The previous sync's records, committed with the first page of events (never before: a refused key changes nothing). */
  let previous: PreviousStripeFiles | undefined;
  let previousNotes: readonly StripeNote[] = [];
  let fullBecause: string | undefined;
  if (store.cursor !== null) cursor = store.cursor;
  else {
    // The newest event now is where the next run reads events from: Stripe's clock, not this machine's.
    const newest = await call(() => stripe.events.list({ limit: 1, types: [...STRIPE_CHANGE_EVENTS] }));
    const since = newest.data[0]?.created ?? null;
    const last = store.finished?.cursor ?? null;
    if (last?.entity === 'listed' && last.since !== undefined) {
      if (last.since === null) {
        fullBecause = 'Stripe had no event of the last 30 days at the last sync to go on from';
      } else if (last.since < now() / 1000 - STRIPE_EVENT_RETENTION_SECONDS) {
        fullBecause =
          'the checkpoint of the last sync (its newest event) is more than 30 days old, and Stripe keeps events for 30 days';
      } else {
        previous = await readPreviousStripeFiles(options.out, {
          customers: CUSTOMERS_FILE,
          subscriptions: SUBSCRIPTIONS_FILE,
        });
        if (previous === undefined) {
          fullBecause = `${CUSTOMERS_FILE} or ${SUBSCRIPTIONS_FILE} of the last sync is gone or was changed`;
        }
        previousNotes = last.notes ?? [];
      }
    }
    cursor =
      previous !== undefined && last?.entity === 'listed' && typeof last.since === 'number'
        ? { entity: 'events', from: last.since, since, incremental: true }
        : { entity: 'customers', since, incremental: false };
  }
  progress({
    type: 'start',
    resumed: store.resumed,
    incremental: cursor.incremental,
    ...(fullBecause === undefined ? {} : { fullBecause }),
  });

  while (cursor.entity === 'customers') {
    options.signal?.throwIfAborted();
    const after = cursor.after;
    const page = await call(() =>
      stripe.customers.list({ limit: pageSize, ...(after === undefined ? {} : { starting_after: after }) }),
    );
    const records = mappedCustomers(page.data, timeZone);
    const last = page.data.at(-1);
    cursor = {
      since: cursor.since,
      incremental: false,
      ...(page.has_more && last !== undefined ? { entity: 'customers', after: last.id } : { entity: 'subscriptions' }),
    };
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
    const { lines, notes } = await mappedSubscriptions(
      page.data as readonly StripeSubscriptionShape[],
      mapSubscription,
    );
    const last = page.data.at(-1);
    cursor = {
      since: cursor.since,
      incremental: false,
      ...(page.has_more && last !== undefined ? { entity: 'subscriptions', after: last.id } : { entity: 'listed' }),
    };
    await store.commit({ subscriptions: lines, notes }, cursor);
    progress({
      type: 'page',
      entity: 'subscriptions',
      objects: page.data.length,
      records: store.count('subscriptions'),
    });
  }

  while (cursor.entity === 'events') {
    options.signal?.throwIfAborted();
    const { after, from } = cursor;
    const page = await call(() =>
      stripe.events.list({
        created: { gte: from },
        types: [...STRIPE_CHANGE_EVENTS],
        limit: pageSize,
        ...(after === undefined ? {} : { starting_after: after }),
      }),
    );
    const changes = page.data.flatMap((event) => changedBy(event));
    const last = page.data.at(-1);
    const carried =
      previous === undefined
        ? {}
        : {
            'previous-customers': previous.customers,
            'previous-subscriptions': previous.lines,
            notes: previousNotes.map((note) => ({ ...note, previous: 'true' })),
          };
    previous = undefined;
    cursor = {
      since: cursor.since,
      incremental: true,
      ...(page.has_more && last !== undefined
        ? { entity: 'events', from, after: last.id }
        : { entity: 'changed', done: 0 }),
    };
    await store.commit({ changes, ...carried }, cursor);
    progress({ type: 'page', entity: 'events', objects: page.data.length, records: store.count('changes') });
  }

  const changed = changedObjects(await store.records('changes'));
  while (cursor.entity === 'changed') {
    options.signal?.throwIfAborted();
    const batch = changed.all.slice(cursor.done, cursor.done + CHANGED_PER_COMMIT);
    const customers: StripeCustomerShape[] = [];
    const subscriptions: StripeSubscriptionShape[] = [];
    for (const change of batch) {
      if (change.kind === 'customer') {
        const customer = await gone(() => call(() => stripe.customers.retrieve(change.id)));
        if (customer !== undefined && !('deleted' in customer && customer.deleted === true)) {
          customers.push(customer as StripeCustomerShape);
        }
      } else {
        const subscription = await gone(() =>
          call(() => stripe.subscriptions.retrieve(change.id, { expand: ['discounts.source.coupon'] })),
        );
        if (subscription !== undefined) subscriptions.push(subscription as unknown as StripeSubscriptionShape);
      }
    }
    const { lines, notes } = await mappedSubscriptions(subscriptions, mapSubscription);
    const done: number = cursor.done + batch.length;
    cursor = {
      since: cursor.since,
      incremental: true,
      ...(done < changed.all.length ? { entity: 'changed', done } : { entity: 'listed' }),
    };
    await store.commit(
      {
        customers: mappedCustomers(customers, timeZone),
        subscriptions: lines,
        notes,
      },
      cursor,
    );
    progress({ type: 'page', entity: 'subscriptions', objects: batch.length, records: store.count('subscriptions') });
  }

  // The previous run's records of what did not change, then what was read in this run.
  const customers = byKey(
    [
      ...(await store.records('previous-customers')).filter((c) => !changed.customers.has(c['customer_id'] ?? '')),
      ...(await store.records('customers')),
    ],
    'customer_id',
  );
  const lines = byKey(
    [
      ...(await store.records('previous-subscriptions')).filter(
        (l) => !changed.subscriptions.has(l['subscription_id'] ?? ''),
      ),
      ...(await store.records('subscriptions')),
    ],
    'subscription_id',
  );
  const notes = byKey(
    (await store.records('notes')).filter(
      (n) => n['previous'] !== 'true' || !changed.subscriptions.has(n['subscription_id'] ?? ''),
    ),
    'subscription_id',
  ).map((n): StripeNote => ({ subscription_id: n['subscription_id'] ?? '', note: n['note'] ?? '' }));
  // Whole files again: ids must be unique across pages too.
  namedById(() => readCustomers(customers, { source: CUSTOMERS_FILE, timeZone }));
  namedById(() => readSubscriptionLines(lines, { source: SUBSCRIPTIONS_FILE }));
  const metadataColumns = [
    ...new Set(customers.flatMap((record) => Object.keys(record).filter((key) => key.startsWith(METADATA_PREFIX)))),
  ].sort();
  // The notes go into the state, for the next run to carry over those of unchanged subscriptions.
  await store.commit({}, { since: cursor.since, incremental: cursor.incremental, entity: 'listed', notes });
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
    incremental: cursor.incremental,
    notes: notes.map((n) => n.note),
  };
}

/** Customers checked and mapped, then read by core's reader (issues name them by id). */
function mappedCustomers(customers: readonly StripeCustomerShape[], timeZone: string): CanonicalRecord[] {
  const missing = customers.flatMap((customer) => missingStripeFields('customer', customer));
  if (missing.length > 0) throw new CskitValidationError(missing);
  const records = customers.map((customer) => mapStripeCustomer(customer, timeZone));
  namedById(() => readCustomers(records, { source: CUSTOMERS_FILE, timeZone }));
  return records;
}

/** Subscriptions mapped one by one, then their lines read by core's reader; any issue stops the sync. */
async function mappedSubscriptions(
  subscriptions: readonly StripeSubscriptionShape[],
  map: (subscription: StripeSubscriptionShape) => Promise<{
    lines: CanonicalRecord[];
    issues: ValidationIssue[];
    notes: StripeNote[];
  }>,
): Promise<{ lines: CanonicalRecord[]; notes: StripeNote[] }> {
  const lines: CanonicalRecord[] = [];
  const issues: ValidationIssue[] = [];
  const notes: StripeNote[] = [];
  for (const subscription of subscriptions) {
    const mapped = await map(subscription);
    lines.push(...mapped.lines);
    issues.push(...mapped.issues);
    notes.push(...mapped.notes);
  }
  if (issues.length > 0) throw new CskitValidationError(issues);
  namedById(() => readSubscriptionLines(lines, { source: SUBSCRIPTIONS_FILE }));
  return { lines, notes };
}

/** The distinct customers and subscriptions the events named, customers first, each in order of id. */
function changedObjects(records: readonly CanonicalRecord[]) {
  const ids = (kind: string): string[] =>
    [...new Set(records.filter((r) => r['kind'] === kind).map((r) => r['id'] ?? ''))].sort();
  const customers = ids('customer');
  const subscriptions = ids('subscription');
  return {
    customers: new Set(customers),
    subscriptions: new Set(subscriptions),
    all: [
      ...customers.map((id) => ({ kind: 'customer' as const, id })),
      ...subscriptions.map((id) => ({ kind: 'subscription' as const, id })),
    ],
  };
}

/** `records` in order of `key` (by code unit, as ids compare), records with equal keys in the order given. */
function byKey(records: readonly CanonicalRecord[], key: string): CanonicalRecord[] {
  return [...records].sort((a, b) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The object, or `undefined` when Stripe no longer has it (`resource_missing`). */
async function gone<T>(retrieve: () => Promise<T>): Promise<T | undefined> {
  try {
    return await retrieve();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'resource_missing') return undefined;
    throw error;
  }
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
