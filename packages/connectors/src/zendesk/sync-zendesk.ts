import { join } from 'node:path';
import {
  assertTimeZone,
  CskitValidationError,
  readCsatResponses,
  readTickets,
  type CanonicalRecord,
  type ValidationIssue,
} from '@cskit/core';
import { toCsv } from '@cskit/core/sample';
import { readPreviousCsv } from '../sync/previous-csv.js';
import type { RetryEvent, RetryOptions } from '../http/retry.js';
import { namedById } from '../sync/named-by-id.js';
import { syncCalls } from '../sync/sync-calls.js';
import { SyncStore, syncStatePath } from '../sync/sync-store.js';
import { latestVersions } from './latest-versions.js';
import { mapZendeskRating, ZENDESK_CSAT_COLUMNS } from './map-rating.js';
import { mapZendeskTicket, ZENDESK_TICKET_COLUMNS } from './map-ticket.js';
import {
  classifyZendeskError,
  fetchExportPage,
  fetchRatingsPage,
  zendeskAuthError,
  zendeskOrigin,
  type ExportPosition,
  type ZendeskConnection,
} from './zendesk-client.js';

/** Options of {@link syncZendesk}. */
export interface SyncZendeskOptions {
  /** The account's subdomain: `acme` for `acme.zendesk.com`. */
  readonly subdomain: string;
  /** The email of the agent or admin the API token belongs to. */
  readonly email: string;
  /** An API token (Admin Center → Apps and integrations → Zendesk API). Never written anywhere. */
  readonly apiToken: string;
  /** The directory `tickets.csv` and the state file are written to. */
  readonly out: string;
  /** Origin of a server that speaks Zendesk's API, instead of `https://<subdomain>.zendesk.com`. */
  readonly baseUrl?: string;
  /** IANA zone the CSAT ratings' timestamps become dates in (default `UTC`). */
  readonly timeZone?: string;
  /** Unix seconds the first sync starts from (default 0: every ticket). */
  readonly startTime?: number;
  /**
   * Seconds a later run goes back before the latest `updated_at` the previous run saw (default 3600):
   * tickets can enter the export after others with a later `updated_at` (the export leaves out the last
   * minute, and indexing lags), and would be missed at the cursor's edge without it.
   */
  readonly lookbackSeconds?: number;
  /** Tickets per export page, 1–1000 (default 1000, Zendesk's maximum). */
  readonly pageSize?: number;
  /** Milliseconds before a request is abandoned and retried (default 60 s). */
  readonly timeoutMs?: number;
  /** Retries of a request after 429, 5xx, a timeout or a lost connection (backoff with jitter, honouring `Retry-After`). */
  readonly retry?: Pick<RetryOptions, 'maxRetries' | 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>;
  /** Stops the sync between requests and during waits; what was committed stays for the next run. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ZendeskSyncProgress) => void;
}

/** What a Zendesk sync reports while it runs. */
export type ZendeskSyncProgress =
  | {
      readonly type: 'start';
      readonly resumed: boolean;
      /** Whether this run goes on from a finished sync (only what changed since, and its lookback). */
      readonly incremental: boolean;
    }
  | {
      readonly type: 'page';
      readonly entity: 'tickets' | 'ratings';
      /** Tickets or ratings on this page. */
      readonly objects: number;
      /** Ticket versions (a ticket can come more than once) or CSAT responses committed so far. */
      readonly records: number;
    }
  | ({ readonly type: 'retry' } & RetryEvent)
  | { readonly type: 'written'; readonly tickets: number; readonly csatResponses: number };

/** What a finished sync wrote. */
export interface SyncZendeskResult {
  /** Paths of `tickets.csv` and `csat.csv`. */
  readonly files: { readonly tickets: string; readonly csat: string };
  readonly statePath: string;
  /** Tickets in the file (one per ticket id; deleted tickets left out). */
  readonly tickets: number;
  /** CSAT responses (received ratings) in `csat.csv`. */
  readonly csatResponses: number;
  /** Whether this run finished an interrupted one. */
  readonly resumed: boolean;
  /** Whether this run went on from a finished sync. */
  readonly incremental: boolean;
}

/** Where the export goes on, and what the next run starts from. */
interface ZendeskCursor {
  /** The `start_time` this run's export began at (unix seconds). */
  readonly startTime: number;
  /** `after_cursor` of the last committed page; absent before the first. */
  readonly after?: string;
  /** The latest `updated_at` seen (unix seconds), in this run or the one it goes on from. */
  readonly highWater: number;
  /** What is being listed: the ticket export until `end_of_stream`, then every received rating. */
  readonly phase: 'tickets' | 'ratings' | 'listed';
  /** `meta.after_cursor` of the last committed ratings page. */
  readonly ratingsAfter?: string;
  /** Whether this run goes on from a finished sync. */
  readonly incremental: boolean;
}

const TICKETS_FILE = 'tickets.csv';
const CSAT_FILE = 'csat.csv';
const SOURCE = 'zendesk';

/**
 * Syncs a Zendesk account's tickets into `tickets.csv` of `out` (canonical tickets that `cskit report`
 * and `cskit health` read as they are), through the cursor-based incremental ticket export with ticket
 * metrics side-loaded, then its received CSAT ratings into `csat.csv`; mapping in docs/connectors.md.
 *
 * Every page is checkpointed (`zendesk-sync-state.json`): a sync interrupted at any moment and run again
 * with the same `out` writes exactly the files of an uninterrupted run. A run after a finished one
 * exports only what changed since the latest `updated_at` it saw, less `lookbackSeconds`, and merges it
 * into the previous `tickets.csv`: the latest version of each ticket wins, deleted tickets leave.
 *
 * Every ticket goes through core's `readTickets` before it is committed: a bad one stops the sync with a
 * `CskitValidationError` naming it by ticket id and field, never dropped.
 *
 * @throws SourceAuthError on 401/403; CskitValidationError for tickets that cannot be mapped; a
 *   `ZendeskHttpError` or the connection's error once retries are exhausted; RangeError for bad options.
 */
export async function syncZendesk(options: SyncZendeskOptions): Promise<SyncZendeskResult> {
  const origin = zendeskOrigin(options.subdomain, options.baseUrl);
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const pageSize = checkedInteger('pageSize', options.pageSize ?? 1000, 1, 1000);
  const lookback = checkedInteger('lookbackSeconds', options.lookbackSeconds ?? 3600, 0, Number.MAX_SAFE_INTEGER);
  const firstStart = checkedInteger('startTime', options.startTime ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const connection: ZendeskConnection = {
    origin,
    email: options.email,
    apiToken: options.apiToken,
    timeoutMs: options.timeoutMs ?? 60_000,
  };
  const progress = options.onProgress ?? (() => undefined);
  const call = syncCalls({
    retry: options.retry,
    signal: options.signal,
    classify: (error) => classifyZendeskError(error, options.signal),
    authError: zendeskAuthError,
    onRetry: (event) => progress({ type: 'retry', ...event }),
  });

  const store = await SyncStore.open<ZendeskCursor>({
    dir: options.out,
    source: SOURCE,
    entities: ['tickets', 'ratings'],
    settings: { baseUrl: origin, startTime: String(firstStart), timeZone },
  });
  let cursor: ZendeskCursor;
  /** What the previous sync wrote, committed with the first page (never before: a refused token changes nothing). */
  let carried: CanonicalRecord[] = [];
  if (store.cursor !== null) cursor = store.cursor;
  else {
    const previous = store.finished?.cursor ?? undefined;
    const previousTickets = previous === undefined ? undefined : await readPreviousTickets(options.out);
    if (previous !== undefined && previousTickets !== undefined) {
      carried = previousTickets;
      cursor = {
        startTime: Math.max(0, previous.highWater - lookback),
        highWater: previous.highWater,
        phase: 'tickets',
        incremental: true,
      };
    } else cursor = { startTime: firstStart, highWater: 0, phase: 'tickets', incremental: false };
  }
  progress({ type: 'start', resumed: store.resumed, incremental: cursor.incremental });

  while (cursor.phase === 'tickets') {
    options.signal?.throwIfAborted();
    const after = cursor.after;
    const position: ExportPosition = after === undefined ? { startTime: cursor.startTime } : { cursor: after };
    const page = await call(() => fetchExportPage(connection, position, pageSize, options.signal));
    const tickets = Array.isArray(page.tickets) ? page.tickets : [];
    const metricSets = new Map<unknown, unknown>(
      (Array.isArray(page.metric_sets) ? page.metric_sets : []).map((set) => [set?.ticket_id, set]),
    );
    const records: CanonicalRecord[] = [];
    const issues: ValidationIssue[] = [];
    let highWater = cursor.highWater;
    for (const ticket of tickets) {
      const mapped = mapZendeskTicket(ticket, metricSets.get(ticket?.id));
      if (mapped.kind === 'invalid') {
        issues.push(...mapped.issues);
        continue;
      }
      records.push(mapped.record);
      highWater = Math.max(highWater, Math.floor(Date.parse(mapped.record['updated_at'] ?? '') / 1000));
    }
    if (issues.length > 0) throw new CskitValidationError(issues);
    namedById(() => readTickets(liveTickets(records), { source: TICKETS_FILE }));
    const done = page.end_of_stream === true;
    if (!done && typeof page.after_cursor !== 'string') {
      throw new Error('Zendesk sent a page that is not the end of the export, without an after_cursor to go on');
    }
    cursor = {
      ...cursor,
      ...(typeof page.after_cursor === 'string' ? { after: page.after_cursor } : {}),
      highWater,
      phase: done ? 'ratings' : 'tickets',
    };
    await store.commit({ tickets: [...carried, ...records] }, cursor);
    carried = [];
    progress({ type: 'page', entity: 'tickets', objects: tickets.length, records: store.count('tickets') });
  }

  // Ratings are listed whole on every run: there are far fewer of them, and a rating can change.
  while (cursor.phase === 'ratings') {
    options.signal?.throwIfAborted();
    const after = cursor.ratingsAfter;
    const page = await call(() => fetchRatingsPage(connection, after, options.signal));
    const ratings = Array.isArray(page.satisfaction_ratings) ? page.satisfaction_ratings : [];
    const records: CanonicalRecord[] = [];
    const issues: ValidationIssue[] = [];
    for (const rating of ratings) {
      const mapped = mapZendeskRating(rating, timeZone);
      if (mapped.kind === 'invalid') issues.push(...mapped.issues);
      else if (mapped.kind === 'response') records.push(mapped.record);
    }
    if (issues.length > 0) throw new CskitValidationError(issues);
    namedById(() => readCsatResponses(records, { source: CSAT_FILE }));
    const more = page.meta?.has_more === true;
    const next = page.meta?.after_cursor;
    if (more && typeof next !== 'string') {
      throw new Error('Zendesk sent a page of ratings with more to come, without an after_cursor to go on');
    }
    cursor = {
      ...cursor,
      ...(typeof next === 'string' ? { ratingsAfter: next } : {}),
      phase: more ? 'ratings' : 'listed',
    };
    await store.commit({ ratings: records }, cursor);
    progress({ type: 'page', entity: 'ratings', objects: ratings.length, records: store.count('ratings') });
  }

  const tickets = latestVersions(await store.records('tickets'));
  // The whole file once more: what each page passed must pass together (ids unique after merging).
  namedById(() => readTickets(tickets, { source: TICKETS_FILE }));
  const csat = csatResponses(await store.records('ratings'), tickets);
  await store.complete({
    [TICKETS_FILE]: toCsv(tickets, { columns: ZENDESK_TICKET_COLUMNS }),
    [CSAT_FILE]: toCsv(csat, { columns: ZENDESK_CSAT_COLUMNS }),
  });
  progress({ type: 'written', tickets: tickets.length, csatResponses: csat.length });
  return {
    files: { tickets: join(options.out, TICKETS_FILE), csat: join(options.out, CSAT_FILE) },
    statePath: syncStatePath(options.out, SOURCE),
    tickets: tickets.length,
    csatResponses: csat.length,
    resumed: store.resumed,
    incremental: cursor.incremental,
  };
}

/**
 * One CSAT response per rating id (the later listed wins), oldest first, each with the organization of
 * the ticket it rates as `customer_id` (empty when that ticket is not in `tickets`).
 */
function csatResponses(ratings: readonly CanonicalRecord[], tickets: readonly CanonicalRecord[]): CanonicalRecord[] {
  const customerOf = new Map(tickets.map((ticket) => [ticket['ticket_id'], ticket['customer_id'] ?? '']));
  const byId = new Map(ratings.map((rating) => [rating['rating_id'], rating]));
  return [...byId.values()]
    .map((rating): CanonicalRecord => ({ ...rating, customer_id: customerOf.get(rating['ticket_id']) ?? '' }))
    .sort(
      (a, b) =>
        (a['date'] ?? '').localeCompare(b['date'] ?? '') || Number(a['rating_id'] ?? 0) - Number(b['rating_id'] ?? 0),
    );
}

/** The records that are tickets, not deletions. */
function liveTickets(records: readonly CanonicalRecord[]): CanonicalRecord[] {
  return records.filter((record) => record['deleted'] !== 'true');
}

/**
 * The previous sync's `tickets.csv`, to merge what changed into; `undefined` when it is gone or is not
 * a file this connector wrote (no `updated_at` column), so the sync starts over instead of guessing.
 */
async function readPreviousTickets(dir: string): Promise<CanonicalRecord[] | undefined> {
  const records = await readPreviousCsv(join(dir, TICKETS_FILE), ZENDESK_TICKET_COLUMNS);
  return records?.map((record) => Object.fromEntries(ZENDESK_TICKET_COLUMNS.map((c) => [c, record[c] ?? ''])));
}

function checkedInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}
