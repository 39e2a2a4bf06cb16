import { apiOrigin } from '../http/api-origin.js';
import { classifyHttpFailure, HttpStatusError, httpAuthError } from '../http/http-status-error.js';
import { retryAfterMs, type RetryDecision } from '../http/retry.js';
import type { ZendeskExportPage, ZendeskRatingsPage } from './zendesk-shapes.js';

/** A Zendesk answer other than 200. Its message quotes neither the credentials nor the response body. */
export class ZendeskHttpError extends HttpStatusError {
  override readonly name: string = 'ZendeskHttpError';

  constructor(status: number, retryAfterMs: number | undefined) {
    super('Zendesk', status, retryAfterMs);
  }
}

/** Where a request of the export goes: the account's origin and the credentials, never written anywhere. */
export interface ZendeskConnection {
  readonly origin: string;
  readonly email: string;
  readonly apiToken: string;
  /** Milliseconds before a request is abandoned (and retried). */
  readonly timeoutMs: number;
}

/**
 * The origin of the account: `https://<subdomain>.zendesk.com`, or `baseUrl` (a server that speaks
 * Zendesk's API) checked as an http(s) origin without path, query or credentials.
 *
 * @throws RangeError naming what is wrong.
 */
export function zendeskOrigin(subdomain: string, baseUrl?: string): string {
  if (baseUrl === undefined) {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain)) {
      throw new RangeError(`the subdomain must be the first part of <subdomain>.zendesk.com, got "${subdomain}"`);
    }
    return `https://${subdomain.toLowerCase()}.zendesk.com`;
  }
  return apiOrigin(baseUrl, 'http://127.0.0.1:12112');
}

/** Where the export goes on: from a start time (a new export), or after a cursor. */
export type ExportPosition = { readonly startTime: number } | { readonly cursor: string };

/**
 * Fetches one page of the cursor-based incremental ticket export, with ticket metrics side-loaded.
 * The next request is built from `after_cursor`, never by following `after_url`: credentials go only
 * to the configured origin.
 *
 * @throws ZendeskHttpError for any status but 200; the `fetch` error when the connection fails or times out.
 */
export function fetchExportPage(
  connection: ZendeskConnection,
  position: ExportPosition,
  pageSize: number,
  signal: AbortSignal | undefined,
): Promise<ZendeskExportPage> {
  return getJson<ZendeskExportPage>(
    connection,
    '/api/v2/incremental/tickets/cursor.json',
    {
      ...('cursor' in position ? { cursor: position.cursor } : { start_time: String(position.startTime) }),
      per_page: String(pageSize),
      include: 'metric_sets',
    },
    signal,
  );
}

/**
 * Fetches one page (100, the most Zendesk allows) of the received legacy CSAT ratings, oldest first,
 * after `after` (`meta.after_cursor` of the previous page).
 *
 * @throws as {@link fetchExportPage}.
 */
export function fetchRatingsPage(
  connection: ZendeskConnection,
  after: string | undefined,
  signal: AbortSignal | undefined,
): Promise<ZendeskRatingsPage> {
  return getJson<ZendeskRatingsPage>(
    connection,
    '/api/v2/satisfaction_ratings',
    { score: 'received', 'page[size]': '100', ...(after === undefined ? {} : { 'page[after]': after }) },
    signal,
  );
}

async function getJson<T>(
  connection: ZendeskConnection,
  path: string,
  query: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
): Promise<T> {
  const url = new URL(path, connection.origin);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const timeout = AbortSignal.timeout(connection.timeoutMs);
  const response = await fetch(url, {
    headers: {
      accept: 'application/json',
      // API-token authentication: "{email}/token:{token}", base64 (Zendesk's basic-auth scheme).
      authorization: `Basic ${Buffer.from(`${connection.email}/token:${connection.apiToken}`).toString('base64')}`,
    },
    signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
    redirect: 'error',
  });
  if (response.status !== 200) {
    // Read (and drop) the small error body, which frees the connection; its text may quote the request.
    await response.text().catch(() => '');
    throw new ZendeskHttpError(response.status, retryAfterMs(response.headers.get('retry-after')));
  }
  return (await response.json()) as T;
}

/**
 * Whether to retry: 429 (honouring `Retry-After`; the export allows 10 requests a minute), 5xx, lost
 * connections and timeouts. Not when `signal` aborted: that is the caller stopping the sync.
 */
export function classifyZendeskError(error: unknown, signal?: AbortSignal): RetryDecision {
  return classifyHttpFailure(error, signal);
}

/** A 401 or 403 as a {@link SourceAuthError}; any other error as it is. */
export function zendeskAuthError(error: unknown): unknown {
  return httpAuthError(error);
}
