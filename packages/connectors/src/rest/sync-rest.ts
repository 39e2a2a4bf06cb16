import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { assertTimeZone, CskitValidationError, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import { toCsv } from '@cskit/core/sample';
import { classifyHttpFailure, httpAuthError } from '../http/http-status-error.js';
import { getJson } from '../http/json-request.js';
import type { RetryEvent, RetryOptions } from '../http/retry.js';
import { namedById } from '../sync/named-by-id.js';
import { syncCalls } from '../sync/sync-calls.js';
import { SyncStore, syncStatePath } from '../sync/sync-store.js';
import { readJsonPath } from './json-path.js';
import { mapRestRecord } from './map-rest-record.js';
import { REST_ENTITY_FILES } from './rest-entities.js';
import type { RestMapping } from './rest-mapping.js';
import { authHeaders, firstPageUrl, nextPageUrl } from './rest-pages.js';

/** Options of {@link syncRest}. */
export interface SyncRestOptions {
  /** The checked mapping (`parseRestMapping`). */
  readonly mapping: RestMapping;
  /** The secret of `mapping.request.auth` (the value of its environment variable). Never written anywhere. */
  readonly secret?: string;
  /** The directory the canonical file and the state file are written to. */
  readonly out: string;
  /** Replaces the origin of the mapping's URL (a local mock, a proxy). */
  readonly baseUrl?: string;
  /** IANA zone timestamps become dates in (default `UTC`). */
  readonly timeZone?: string;
  /** Names the state file (`<source>-sync-state.json`) and the issues (default `rest`). */
  readonly source?: string;
  /** The source in messages (default `the REST source`). */
  readonly label?: string;
  /** Milliseconds before a request is abandoned and retried (default 60 s). */
  readonly timeoutMs?: number;
  /** Retries after 429, 5xx, a timeout or a lost connection (backoff with jitter, honouring `Retry-After`). */
  readonly retry?: Pick<RetryOptions, 'maxRetries' | 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>;
  /** Stops the sync between requests and during waits; what was committed stays for the next run. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: RestSyncProgress) => void;
}

/** What a REST sync reports while it runs. */
export type RestSyncProgress =
  | { readonly type: 'start'; readonly resumed: boolean }
  | {
      readonly type: 'page';
      /** Records on this page. */
      readonly objects: number;
      /** Records committed so far (a record listed twice counts twice until the file is written). */
      readonly records: number;
    }
  | ({ readonly type: 'retry' } & RetryEvent)
  | {
      readonly type: 'written';
      /** Records in the file. */
      readonly records: number;
      /** Records listed more than once (an inclusive cursor), kept once. */
      readonly duplicates: number;
    };

/** What a finished sync wrote. */
export interface SyncRestResult {
  /** Path of the canonical file, e.g. `DIR/nps.csv`. */
  readonly file: string;
  readonly statePath: string;
  readonly records: number;
  /** Records listed more than once, kept once. */
  readonly duplicates: number;
  readonly pages: number;
  /** Whether this run finished an interrupted one. */
  readonly resumed: boolean;
}

/** Where the listing goes on: the URL of the next page (never a credential: those go in headers), or the end. */
interface RestCursor {
  readonly next: string | null;
  readonly pages: number;
}

/**
 * Syncs what `mapping` describes into its canonical file in `out` (`nps.csv`, `csat.csv`,
 * `tickets.csv` or `customers.csv`, as `cskit report` reads them), page by page.
 *
 * Every page is mapped, then checked by core's reader, then committed (`<source>-sync-state.json` holds
 * the next page's URL): a sync interrupted at any moment and run again with the same `out` and mapping
 * ends with exactly the files of an uninterrupted run. Records listed more than once (an inclusive
 * cursor, pages that shift) are kept once, by id: the one listed last; the file is written oldest first
 * (reversed when the mapping's `order` is `newest-first`). A record that cannot be mapped
 * stops the sync with a `CskitValidationError` naming it by id and field; nothing is dropped.
 *
 * @throws SourceAuthError on 401/403; CskitValidationError for records that cannot be mapped;
 *   an `HttpStatusError` or the connection's error once retries are exhausted; RangeError for bad options.
 */
export async function syncRest(options: SyncRestOptions): Promise<SyncRestResult> {
  const { mapping } = options;
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const source = options.source ?? 'rest';
  const label = options.label ?? 'the REST source';
  const entity = REST_ENTITY_FILES[mapping.spec.entity];
  const first = firstPageUrl(mapping, options.baseUrl);
  const headers = authHeaders(mapping.spec.request.auth, options.secret);
  const progress = options.onProgress ?? (() => undefined);
  const call = syncCalls({
    retry: options.retry,
    signal: options.signal,
    classify: (error) => classifyHttpFailure(error, options.signal),
    authError: httpAuthError,
    onRetry: (event) => progress({ type: 'retry', ...event }),
  });
  const store = await SyncStore.open<RestCursor>({
    dir: options.out,
    source,
    entities: ['records'],
    // A changed mapping or origin starts over: the records committed so far came from the old one.
    settings: { firstPage: first, timeZone, mapping: fingerprint(mapping) },
  });
  let cursor: RestCursor = store.cursor ?? { next: first, pages: 0 };
  progress({ type: 'start', resumed: store.resumed });
  while (cursor.next !== null) {
    options.signal?.throwIfAborted();
    const url = cursor.next;
    const answer = await call(() =>
      getJson(url, {
        source: capitalised(label),
        headers,
        timeoutMs: options.timeoutMs ?? 60_000,
        signal: options.signal,
      }),
    );
    const found = readJsonPath(answer.body, mapping.records);
    if (!Array.isArray(found)) {
      throw new Error(
        `${label} answered without a list of records at "${mapping.spec.records}" (${url.replace(/\?.*/, '')})`,
      );
    }
    const records: CanonicalRecord[] = [];
    const ids: string[] = [];
    const issues: ValidationIssue[] = [];
    for (const raw of found) {
      const mapped = mapRestRecord(raw, mapping, timeZone, source);
      if (mapped.kind === 'invalid') issues.push(...mapped.issues);
      else {
        records.push(mapped.record);
        ids.push(mapped.id);
      }
    }
    if (issues.length > 0) throw new CskitValidationError(issues);
    namedById(() => entity.read(records, { source, firstRow: 0 }), ids);
    cursor = { next: nextPageUrl(mapping, url, answer.body, answer.headers, found.length), pages: cursor.pages + 1 };
    await store.commit({ records }, cursor);
    progress({ type: 'page', objects: found.length, records: store.count('records') });
  }
  const listed = await store.records('records');
  const byId = latestById(listed, entity.idColumn);
  const kept = mapping.spec.order === 'newest-first' ? byId.reverse() : byId;
  // The whole file once more: what each page passed must pass together.
  namedById(
    () => entity.read(kept, { source, firstRow: 0 }),
    kept.map((record) => record[entity.idColumn] ?? ''),
  );
  const columns = [...entity.columns, ...[...mapping.fields.keys()].filter((name) => !entity.columns.includes(name))];
  await store.complete({ [entity.file]: toCsv(kept, { columns }) });
  const duplicates = listed.length - kept.length;
  progress({ type: 'written', records: kept.length, duplicates });
  return {
    file: join(options.out, entity.file),
    statePath: syncStatePath(options.out, source),
    records: kept.length,
    duplicates,
    pages: cursor.pages,
    resumed: store.resumed,
  };
}

/** One record per id, the one listed last, at the place its id was first listed. */
function latestById(records: readonly CanonicalRecord[], idColumn: string): CanonicalRecord[] {
  const byId = new Map<string, CanonicalRecord>();
  for (const record of records) byId.set(record[idColumn] ?? '', record);
  return [...byId.values()];
}

function fingerprint(mapping: RestMapping): string {
  return createHash('sha256').update(JSON.stringify(mapping.spec)).digest('hex').slice(0, 16);
}

function capitalised(label: string): string {
  return label.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase());
}
