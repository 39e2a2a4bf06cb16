import { http, HttpResponse, type HttpHandler } from 'msw';
import type { StripeMockAccount } from './stripe-account.js';
import type {
  StripeDiscountObject,
  StripeInvoiceLineObject,
  StripeInvoiceRecord,
  StripeList,
  StripePriceObject,
  StripeSubscriptionItemObject,
  StripeSubscriptionRecord,
} from './stripe-objects.js';

/** Where Stripe's API lives; the handlers also serve any other origin given as `baseUrl`. */
export const STRIPE_API_ORIGIN = 'https://api.stripe.com';

/** Options of {@link stripeHandlers}. */
export interface StripeHandlersOptions {
  /** The origin requests go to (default `https://api.stripe.com`), e.g. a local server's `http://127.0.0.1:PORT`. */
  readonly baseUrl?: string;
  /**
   * `'inclusive'` starts a page at the `starting_after` object itself instead of after it, as a
   * Stripe-like server or proxy with an off-by-one cursor does (failure mode: duplicates from an
   * inclusive cursor). Default `'exclusive'`, as Stripe pages.
   */
  readonly cursor?: 'exclusive' | 'inclusive';
}

/** How many objects Stripe puts inline in a subscription's `items` list and an invoice's `lines`. */
const INLINE_ITEMS = 10;

const SUBSCRIPTION_STATUSES = new Set([
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
]);

/**
 * MSW handlers that answer like Stripe's API for `account`:
 *
 * - `GET /v1/customers`, `GET /v1/subscriptions` and `GET /v1/subscription_items?subscription=…` as
 *   lists (`object: 'list'`, `data`, `has_more`, `url`), newest first, paged by `limit` (1–100, default
 *   10) and `starting_after` (an id of the list; an unknown one is a 400 like Stripe's);
 * - subscriptions without `status` exclude canceled ones, as Stripe does; `status=all` lists every one;
 * - a subscription's `items` holds at most 10 items inline, with `has_more` and `total_count`: the rest
 *   are read from `/v1/subscription_items`;
 * - `GET /v1/invoices` (filtered by `subscription`, `customer`, `status`), each invoice with at most 10
 *   lines inline (`has_more`, `total_count`) and the rest at `GET /v1/invoices/{id}/lines`; a line's
 *   `pricing.price_details.price` is an id, read with `GET /v1/prices/{id}`;
 * - `GET /v1/customers/{id}` (a stub with `deleted: true` for `account.deletedCustomers`) and
 *   `GET /v1/subscriptions/{id}`;
 * - `GET /v1/events` of the last 30 days, newest first, filtered by `created[gt|gte|lt|lte]`, `types[]`
 *   and `type` (`customer.*` matches a prefix);
 * - discounts are ids unless expanded (`expand[]=data.discounts`), and their coupon is an id unless
 *   `expand[]=data.discounts.source.coupon`;
 * - a request without `Authorization: Bearer <account.apiKey>` gets Stripe's 401, the account's
 *   `restrictedKey` a 403.
 *
 * Rate limits and server errors are separate handlers (`stripeRateLimited`, `stripeServerError`) to put
 * in front of these with `server.use(…)`.
 */
export function stripeHandlers(account: StripeMockAccount, options: StripeHandlersOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? STRIPE_API_ORIGIN;
  const skip = options.cursor === 'inclusive' ? 0 : 1;
  return [
    http.get(
      `${base}/v1/customers`,
      ({ request }) =>
        authorised(account, request) ?? listResponse(request, '/v1/customers', account.customers, 'customer', skip),
    ),
    http.get(`${base}/v1/subscriptions`, ({ request }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const invalid = invalidStatus(status, SUBSCRIPTION_STATUSES);
      if (invalid !== undefined) return invalid;
      const listed = account.subscriptions.filter((s) => statusMatches(s, status));
      const expand = expansions(url);
      return listResponse(request, '/v1/subscriptions', listed, 'subscription', skip, (s) =>
        renderSubscription(s, expand),
      );
    }),
    http.get(`${base}/v1/subscription_items`, ({ request }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const url = new URL(request.url);
      const id = url.searchParams.get('subscription');
      if (id === null) {
        return stripeError(400, {
          type: 'invalid_request_error',
          param: 'subscription',
          message: 'Missing required param: subscription.',
        });
      }
      const subscription = account.subscriptions.find((s) => s.id === id);
      if (subscription === undefined) return noSuchObject('subscription', id, 'subscription');
      const expand = expansions(url);
      return listResponse(request, `/v1/subscription_items`, subscription.items, 'subscription_item', skip, (item) =>
        renderItem(item, expand),
      );
    }),
    http.get(`${base}/v1/customers/:customer`, ({ request, params }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const id = String(params['customer']);
      const customer = account.customers.find((candidate) => candidate.id === id);
      if (customer !== undefined) return HttpResponse.json(customer, { headers: { 'request-id': requestId() } });
      // Stripe keeps answering for a deleted customer, with a stub.
      if (account.deletedCustomers?.includes(id) === true) {
        return HttpResponse.json({ id, object: 'customer', deleted: true }, { headers: { 'request-id': requestId() } });
      }
      return noSuchObject('customer', id, 'id');
    }),
    http.get(`${base}/v1/subscriptions/:subscription`, ({ request, params }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const id = String(params['subscription']);
      const subscription = account.subscriptions.find((candidate) => candidate.id === id);
      if (subscription === undefined) return noSuchObject('subscription', id, 'id');
      const body = renderSubscription(subscription, expansions(new URL(request.url)), '');
      return HttpResponse.json(body as Record<string, unknown>, { headers: { 'request-id': requestId() } });
    }),
    http.get(`${base}/v1/events`, ({ request }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const url = new URL(request.url);
      const created = createdFilter(url);
      const types = [...url.searchParams].filter(([key]) => /^types\[\d*\]$/.test(key)).map(([, value]) => value);
      const type = url.searchParams.get('type');
      const oldest = Math.floor(Date.now() / 1000) - EVENT_RETENTION_SECONDS;
      const listed = (account.events ?? []).filter(
        (event) =>
          event.created >= oldest &&
          created(event.created) &&
          (types.length === 0 || types.includes(event.type)) &&
          (type === null || typeMatches(event.type, type)),
      );
      return listResponse(request, '/v1/events', listed, 'event', skip);
    }),
    http.get(`${base}/v1/invoices`, ({ request }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const invalid = invalidStatus(status, INVOICE_STATUSES);
      if (invalid !== undefined) return invalid;
      const subscription = url.searchParams.get('subscription');
      const customer = url.searchParams.get('customer');
      const listed = (account.invoices ?? []).filter(
        (invoice) =>
          (status === null || invoice.status === status) &&
          (subscription === null || invoice.parent.subscription_details.subscription === subscription) &&
          (customer === null || invoice.customer === customer),
      );
      return listResponse(request, '/v1/invoices', listed, 'invoice', skip, renderInvoice);
    }),
    http.get(`${base}/v1/invoices/:invoice/lines`, ({ request, params }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const id = String(params['invoice']);
      const invoice = (account.invoices ?? []).find((candidate) => candidate.id === id);
      if (invoice === undefined) return noSuchObject('invoice', id, 'invoice');
      return listResponse(request, `/v1/invoices/${id}/lines`, invoice.lines, 'line_item', skip, renderInvoiceLine);
    }),
    http.get(`${base}/v1/prices/:price`, ({ request, params }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const id = String(params['price']);
      const price = knownPrices(account).get(id);
      if (price === undefined) return noSuchObject('price', id, 'id');
      return HttpResponse.json(price, { headers: { 'request-id': requestId() } });
    }),
  ];
}

/** Stripe lists the events of the last 30 days. */
const EVENT_RETENTION_SECONDS = 30 * 86_400;

/** `created[gt]`, `created[gte]`, `created[lt]`, `created[lte]` or `created=` as a test on Unix seconds. */
function createdFilter(url: URL): (created: number) => boolean {
  const bound = (key: string): number | undefined => {
    const text = url.searchParams.get(key);
    return text === null ? undefined : Number(text);
  };
  const [gt, gte, lt, lte, equal] = ['created[gt]', 'created[gte]', 'created[lt]', 'created[lte]', 'created'].map(
    bound,
  );
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte) &&
    (equal === undefined || created === equal);
}

/** `type` filter of the events list: an exact type, or a prefix ending in `*` (`customer.*`). */
function typeMatches(type: string, filter: string): boolean {
  return filter.endsWith('*') ? type.startsWith(filter.slice(0, -1)) : type === filter;
}

const INVOICE_STATUSES = new Set(['draft', 'open', 'paid', 'uncollectible', 'void']);

/** Every price the account's items and invoice lines name, by id (Stripe keeps prices forever). */
function knownPrices(account: StripeMockAccount): Map<string, StripePriceObject> {
  const prices = new Map<string, StripePriceObject>();
  for (const subscription of account.subscriptions) {
    // Tests drop fields of stored objects to mimic schema drift: an item may have lost its price.
    for (const item of subscription.items) if (item.price !== undefined) prices.set(item.price.id, item.price);
  }
  for (const invoice of account.invoices ?? []) {
    for (const line of invoice.lines) prices.set(line.pricing.price_details.price.id, line.pricing.price_details.price);
  }
  return prices;
}

/** A line as the API sends it: the price as its id (expanding it is not supported by the mock). */
function renderInvoiceLine(line: StripeInvoiceLineObject): unknown {
  return {
    ...line,
    pricing: {
      ...line.pricing,
      price_details: { ...line.pricing.price_details, price: line.pricing.price_details.price.id },
    },
  };
}

function renderInvoice(invoice: StripeInvoiceRecord): unknown {
  const lines: StripeList<unknown> = {
    object: 'list',
    data: invoice.lines.slice(0, INLINE_ITEMS).map(renderInvoiceLine),
    has_more: invoice.lines.length > INLINE_ITEMS,
    total_count: invoice.lines.length,
    url: `/v1/invoices/${invoice.id}/lines`,
  };
  return { ...invoice, lines };
}

/** Stripe's 400 for a `status` filter it does not know; `undefined` when there is none or it is known. */
function invalidStatus(status: string | null, known: ReadonlySet<string>): Response | undefined {
  if (status === null || known.has(status)) return undefined;
  return stripeError(400, {
    type: 'invalid_request_error',
    param: 'status',
    message: `Invalid status: must be one of ${[...known].join(', ')}`,
  });
}

function statusMatches(subscription: StripeSubscriptionRecord, status: string | null): boolean {
  if (status === 'all') return true;
  if (status === null) return subscription.status !== 'canceled';
  if (status === 'ended') return subscription.status === 'canceled' || subscription.status === 'incomplete_expired';
  return subscription.status === status;
}

/** Expansions asked for with `expand[]=…` or `expand[0]=…` (the SDK's form). */
function expansions(url: URL): ReadonlySet<string> {
  const asked = new Set<string>();
  for (const [key, value] of url.searchParams) if (/^expand\[\d*\]$/.test(key)) asked.add(value);
  return asked;
}

function renderDiscount(discount: StripeDiscountObject, expand: ReadonlySet<string>, prefix: string): unknown {
  if (!expand.has(`${prefix}discounts`) && !expand.has(`${prefix}discounts.source.coupon`)) return discount.id;
  const coupon = discount.source.coupon;
  if (expand.has(`${prefix}discounts.source.coupon`) || coupon === null || typeof coupon === 'string') return discount;
  return { ...discount, source: { ...discount.source, coupon: coupon.id } };
}

function renderItem(item: StripeSubscriptionItemObject, expand: ReadonlySet<string>, prefix = 'data.'): unknown {
  return {
    ...item,
    discounts: item.discounts.map((d) => (typeof d === 'string' ? d : renderDiscount(d, expand, prefix))),
  };
}

/** A subscription as a list (`prefix` `data.`) or a retrieve (`prefix` empty) renders it. */
function renderSubscription(
  subscription: StripeSubscriptionRecord,
  expand: ReadonlySet<string>,
  prefix = 'data.',
): unknown {
  const items: StripeList<unknown> = {
    object: 'list',
    // Stripe expands nothing inside the inline items unless asked with the full path.
    data: subscription.items.slice(0, INLINE_ITEMS).map((item) => renderItem(item, expand, `${prefix}items.data.`)),
    has_more: subscription.items.length > INLINE_ITEMS,
    total_count: subscription.items.length,
    url: `/v1/subscription_items?subscription=${subscription.id}`,
  };
  return {
    ...subscription,
    discounts: subscription.discounts.map((d) => renderDiscount(d, expand, prefix)),
    items,
  };
}

/**
 * One page of `all`, as Stripe pages a list: `limit` objects after `starting_after` (`skip` 1; 0 for an
 * inclusive cursor).
 */
function listResponse<T extends { readonly id: string }>(
  request: Request,
  path: string,
  all: readonly T[],
  kind: string,
  skip: number,
  render: (value: T) => unknown = (value) => value,
): Response {
  const url = new URL(request.url);
  const limitText = url.searchParams.get('limit');
  const limit = limitText === null ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return stripeError(400, {
      type: 'invalid_request_error',
      param: 'limit',
      message: `Invalid limit: must be between 1 and 100`,
    });
  }
  const after = url.searchParams.get('starting_after');
  let start = 0;
  if (after !== null) {
    const index = all.findIndex((value) => value.id === after);
    if (index < 0) return noSuchObject(kind, after, 'starting_after');
    start = index + skip;
  }
  const page = all.slice(start, start + limit);
  const body: StripeList<unknown> = {
    object: 'list',
    data: page.map(render),
    has_more: start + limit < all.length,
    url: path,
  };
  return HttpResponse.json(body, { headers: { 'request-id': requestId() } });
}

function authorised(account: StripeMockAccount, request: Request): Response | undefined {
  const header = request.headers.get('authorization') ?? '';
  const key = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  if (key === account.apiKey) return undefined;
  if (account.restrictedKey !== undefined && key === account.restrictedKey) {
    return stripeError(403, {
      type: 'invalid_request_error',
      message: `The provided key '${redactKey(key)}' does not have the required permissions for this endpoint on account 'acct_cskitmock'.`,
    });
  }
  return stripeError(401, {
    type: 'invalid_request_error',
    message:
      key === ''
        ? "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
        : `Invalid API Key provided: ${redactKey(key)}`,
  });
}

/** Stripe quotes keys with all but their prefix and last four characters starred out. */
function redactKey(key: string): string {
  const prefix = /^[a-z]+_(?:test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
}

function noSuchObject(kind: string, id: string, param: string): Response {
  return stripeError(400, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

/** Stripe's error envelope (`{ error: { type, message, … } }`) with its status and headers. */
export function stripeError(
  status: number,
  error: { type: string; message: string; code?: string; param?: string },
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json({ error }, { status, headers: { 'request-id': requestId(), ...headers } });
}

let requests = 0;
function requestId(): string {
  requests += 1;
  return `req_mock${String(requests).padStart(8, '0')}`;
}
