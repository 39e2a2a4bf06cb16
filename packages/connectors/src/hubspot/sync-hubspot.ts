import { join } from 'node:path';
import {
  assertTimeZone,
  CskitValidationError,
  readCustomers,
  type CanonicalRecord,
  type ValidationIssue,
} from '@cskit/core';
import { toCsv } from '@cskit/core/sample';
import { apiOrigin } from '../http/api-origin.js';
import type { RetryEvent, RetryOptions } from '../http/retry.js';
import { namedById } from '../sync/named-by-id.js';
import { syncCalls } from '../sync/sync-calls.js';
import { SyncStore, syncStatePath } from '../sync/sync-store.js';
import {
  classifyHubSpotError,
  HUBSPOT_API_ORIGIN,
  hubspotAuthError,
  listPage,
  type HubSpotConnection,
} from './hubspot-client.js';
import { HUBSPOT_SOURCE } from './hubspot-shapes.js';
import {
  companyProperties,
  HUBSPOT_ATTRIBUTE_PROPERTIES,
  HUBSPOT_CUSTOMER_COLUMNS,
  HUBSPOT_UNMATCHED_COLUMNS,
  mapHubSpotCompany,
  type HubSpotAttribute,
} from './map-company.js';
import {
  HUBSPOT_DEAL_PROPERTIES,
  HUBSPOT_RENEWAL_COLUMNS,
  HUBSPOT_RENEWAL_DEAL_TYPES,
  mapHubSpotDeal,
} from './map-deal.js';
import { hubSpotMatchText, type HubSpotMatch } from './match-key.js';

/** Options of {@link syncHubSpot}. */
export interface SyncHubSpotOptions {
  /** A private app's access token with `crm.objects.companies.read` and `crm.objects.deals.read`. Never written anywhere. */
  readonly accessToken: string;
  /** The directory the files and the state file are written to. */
  readonly out: string;
  /** How companies are matched to billing customers (default: by `domain`). */
  readonly match?: HubSpotMatch;
  /** Origin of a server that speaks HubSpot's API (default `https://api.hubapi.com`). */
  readonly baseUrl?: string;
  /** IANA zone deals' close dates are taken in (default `UTC`). */
  readonly timeZone?: string;
  /** The property each attribute is read from, where it differs from {@link HUBSPOT_ATTRIBUTE_PROPERTIES}. */
  readonly attributeProperties?: Partial<Readonly<Record<HubSpotAttribute, string>>>;
  /** The `dealtype` values that make a deal a renewal (default `existingbusiness`). */
  readonly renewalDealTypes?: readonly string[];
  /** Objects per list request, 1–100 (default 100, HubSpot's maximum). */
  readonly pageSize?: number;
  /** Milliseconds before a request is abandoned and retried (default 60 s). */
  readonly timeoutMs?: number;
  /** Retries of a request after 429, 5xx, a timeout or a lost connection (backoff with jitter, honouring `Retry-After`). */
  readonly retry?: Pick<RetryOptions, 'maxRetries' | 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>;
  /** Stops the sync between requests and during waits; what was committed stays for the next run. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: HubSpotSyncProgress) => void;
}

/** What a HubSpot sync reports while it runs. */
export type HubSpotSyncProgress =
  | { readonly type: 'start'; readonly resumed: boolean }
  | {
      readonly type: 'page';
      readonly entity: 'companies' | 'deals';
      /** Companies or deals on this page. */
      readonly objects: number;
      /** Companies, or renewal deals, committed so far. */
      readonly records: number;
    }
  | ({ readonly type: 'retry' } & RetryEvent)
  | {
      readonly type: 'written';
      readonly customers: number;
      /** Companies without the match key, listed in `hubspot-unmatched.csv`. */
      readonly unmatched: number;
      readonly renewals: number;
    };

/** What a finished sync wrote. */
export interface SyncHubSpotResult {
  readonly files: { readonly customers: string; readonly renewals: string; readonly unmatched: string };
  readonly statePath: string;
  /** Companies with the match key: rows of `customers.csv`. */
  readonly customers: number;
  /** Companies without it: rows of `hubspot-unmatched.csv`. */
  readonly unmatched: number;
  readonly renewals: number;
  readonly resumed: boolean;
}

type HubSpotCursor =
  { readonly entity: 'companies' | 'deals'; readonly after?: string } | { readonly entity: 'listed' };

const CUSTOMERS_FILE = 'customers.csv';
const RENEWALS_FILE = 'renewals.csv';
const UNMATCHED_FILE = 'hubspot-unmatched.csv';

/**
 * Syncs a HubSpot portal's companies into `customers.csv` of `out` (customer attributes: industry,
 * size, country, region, owner, keyed by the billing customer id or domain, see `match`) and its
 * renewal deals into `renewals.csv`; companies without the match key go to `hubspot-unmatched.csv`,
 * never dropped. Mapping in docs/connectors.md.
 *
 * Both are read with the CRM objects list API, paged with `after` (the search API stops at 10,000
 * results). Every page is checkpointed (`hubspot-sync-state.json`): a sync interrupted at any moment
 * and run again with the same `out` writes exactly the files of an uninterrupted run. A run after a
 * finished one lists everything again.
 *
 * @throws SourceAuthError on 401/403; CskitValidationError for records that cannot be mapped (named by
 *   company or deal id) and for two companies with the same match key; a `HubSpotHttpError` or the
 *   connection's error once retries are exhausted; RangeError for bad options.
 */
export async function syncHubSpot(options: SyncHubSpotOptions): Promise<SyncHubSpotResult> {
  const origin = apiOrigin(options.baseUrl ?? HUBSPOT_API_ORIGIN, HUBSPOT_API_ORIGIN);
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const match = options.match ?? { kind: 'domain' };
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new RangeError(`pageSize must be an integer from 1 to 100, got ${pageSize}`);
  }
  const attributes = { ...HUBSPOT_ATTRIBUTE_PROPERTIES, ...options.attributeProperties };
  const renewalTypes = options.renewalDealTypes ?? HUBSPOT_RENEWAL_DEAL_TYPES;
  const connection: HubSpotConnection = {
    origin,
    accessToken: options.accessToken,
    timeoutMs: options.timeoutMs ?? 60_000,
  };
  const progress = options.onProgress ?? (() => undefined);
  const call = syncCalls({
    retry: options.retry,
    signal: options.signal,
    classify: (error) => classifyHubSpotError(error, options.signal),
    authError: hubspotAuthError,
    onRetry: (event) => progress({ type: 'retry', ...event }),
  });

  const store = await SyncStore.open<HubSpotCursor>({
    dir: options.out,
    source: HUBSPOT_SOURCE,
    entities: ['companies', 'deals'],
    settings: {
      baseUrl: origin,
      match: hubSpotMatchText(match),
      timeZone,
      attributes: JSON.stringify(attributes),
      renewalDealTypes: JSON.stringify(renewalTypes),
    },
  });
  progress({ type: 'start', resumed: store.resumed });
  let cursor: HubSpotCursor = store.cursor ?? { entity: 'companies' };

  while (cursor.entity === 'companies') {
    options.signal?.throwIfAborted();
    const after = cursor.after;
    const properties = companyProperties(match, attributes);
    const page = await call(() =>
      listPage(connection, { objectType: 'companies', properties, after, limit: pageSize }, options.signal),
    );
    const records: CanonicalRecord[] = [];
    const issues: ValidationIssue[] = [];
    for (const company of resultsOf(page)) {
      const mapped = mapHubSpotCompany(company, match, attributes);
      if (mapped.kind === 'invalid') issues.push(...mapped.issues);
      else records.push(mapped.record);
    }
    if (issues.length > 0) throw new CskitValidationError(issues);
    cursor = nextCursor('companies', page, 'deals');
    await store.commit({ companies: records }, cursor);
    progress({ type: 'page', entity: 'companies', objects: resultsOf(page).length, records: store.count('companies') });
  }

  while (cursor.entity === 'deals') {
    options.signal?.throwIfAborted();
    const after = cursor.after;
    const page = await call(() =>
      listPage(
        connection,
        {
          objectType: 'deals',
          properties: HUBSPOT_DEAL_PROPERTIES,
          associations: ['companies'],
          after,
          limit: pageSize,
        },
        options.signal,
      ),
    );
    const records: CanonicalRecord[] = [];
    const issues: ValidationIssue[] = [];
    for (const deal of resultsOf(page)) {
      const mapped = mapHubSpotDeal(deal, timeZone, renewalTypes);
      if (mapped.kind === 'invalid') issues.push(...mapped.issues);
      else if (mapped.kind === 'renewal') records.push(mapped.record);
    }
    if (issues.length > 0) throw new CskitValidationError(issues);
    cursor = nextCursor('deals', page, 'listed');
    await store.commit({ deals: records }, cursor);
    progress({ type: 'page', entity: 'deals', objects: resultsOf(page).length, records: store.count('deals') });
  }

  const companies = await store.records('companies');
  const customers = companies.filter((record) => record['customer_id'] !== '');
  const unmatched = companies
    .filter((record) => record['customer_id'] === '')
    .map((record) => ({ ...record, reason: match.kind === 'domain' ? 'no domain' : `no ${match.property}` }));
  assertUniqueKeys(customers, match);
  namedById(() => readCustomers(customers, { source: CUSTOMERS_FILE, timeZone }));
  const customerOf = new Map(customers.map((record) => [record['hubspot_company_id'], record['customer_id'] ?? '']));
  const renewals = (await store.records('deals')).map((deal) => ({
    ...deal,
    customer_id: customerOf.get(deal['hubspot_company_id']) ?? '',
  }));
  await store.complete({
    [CUSTOMERS_FILE]: toCsv(customers, { columns: HUBSPOT_CUSTOMER_COLUMNS }),
    [RENEWALS_FILE]: toCsv(renewals, { columns: HUBSPOT_RENEWAL_COLUMNS }),
    [UNMATCHED_FILE]: toCsv(unmatched, { columns: HUBSPOT_UNMATCHED_COLUMNS }),
  });
  progress({ type: 'written', customers: customers.length, unmatched: unmatched.length, renewals: renewals.length });
  return {
    files: {
      customers: join(options.out, CUSTOMERS_FILE),
      renewals: join(options.out, RENEWALS_FILE),
      unmatched: join(options.out, UNMATCHED_FILE),
    },
    statePath: syncStatePath(options.out, HUBSPOT_SOURCE),
    customers: customers.length,
    unmatched: unmatched.length,
    renewals: renewals.length,
    resumed: store.resumed,
  };
}

function resultsOf(page: { readonly results?: unknown }): readonly unknown[] {
  return Array.isArray(page.results) ? (page.results as readonly unknown[]) : [];
}

/** The cursor after a page: the same entity after `paging.next.after`, or the next entity once there is none. */
function nextCursor(
  entity: 'companies' | 'deals',
  page: { readonly paging?: { readonly next?: { readonly after?: string } } },
  then: 'deals' | 'listed',
): HubSpotCursor {
  const after = page.paging?.next?.after;
  return typeof after === 'string' && after !== '' ? { entity, after } : { entity: then };
}

/**
 * Two companies with one match key would be one customer twice: which attributes are right is not
 * for the sync to guess, so it names both companies.
 *
 * @throws CskitValidationError naming each company whose key an earlier one has.
 */
function assertUniqueKeys(customers: readonly CanonicalRecord[], match: HubSpotMatch): void {
  const first = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  for (const record of customers) {
    const key = record['customer_id'] ?? '';
    const id = record['hubspot_company_id'] ?? '';
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, id);
    else {
      issues.push({
        source: HUBSPOT_SOURCE,
        id,
        field: match.kind === 'domain' ? 'domain' : match.property,
        value: key,
        reason: `company ${earlier} has the same ${match.kind === 'domain' ? 'domain' : match.property}: merge the two companies in HubSpot, or match by another property`,
      });
    }
  }
  if (issues.length > 0) throw new CskitValidationError(issues);
}
