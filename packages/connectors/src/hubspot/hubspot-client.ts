import * as companies from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import * as deals from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
import type { RetryDecision } from '../http/retry.js';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { fetchTransport, HubSpotHttpError } from './fetch-transport.js';
import type { HubSpotPageShape } from './hubspot-shapes.js';

/** HubSpot's API origin. */
export const HUBSPOT_API_ORIGIN = 'https://api.hubapi.com';

/** Where a request goes and with which token, never written anywhere. */
export interface HubSpotConnection {
  readonly origin: string;
  readonly accessToken: string;
  /** Milliseconds before a request is abandoned (and retried). */
  readonly timeoutMs: number;
}

/** Which page of which CRM object type to list. */
export interface ListRequest {
  readonly objectType: 'companies' | 'deals';
  readonly properties: readonly string[];
  readonly associations?: readonly string[];
  /** `paging.next.after` of the previous page. */
  readonly after: string | undefined;
  readonly limit: number;
}

/**
 * One page of `GET /crm/v3/objects/{companies|deals}` (the list API, paged with `after`; never the
 * search API, which stops at 10,000 results), through the SDK's generated CRM clients
 * (`@hubspot/api-client`'s `crm.companies` and `crm.deals` modules) configured with
 * {@link fetchTransport}, for a timeout and `signal`.
 *
 * Not through the SDK's `Client` wrapper: in @hubspot/api-client 13.4 it cannot take another transport
 * (a per-call `httpApi` is ignored: the generated code sends with `this.configuration.httpApi`), and
 * its optional retries (`numberOfApiCallRetries`) do not read `Retry-After`: they retry a 429 only when
 * its body names the `TEN_SECONDLY_ROLLING` policy or the search API's secondly limit, waiting a fixed
 * 10 s × attempt (1 s × attempt for search), retry 5xx after 200 ms × attempt, add no jitter, and log
 * each retry with `console.error`. The sync retries itself ({@link classifyHubSpotError}).
 *
 * @throws HubSpotHttpError for any status but 2xx; the `fetch` error when the connection fails or times out.
 */
export function listPage(
  connection: HubSpotConnection,
  request: ListRequest,
  signal: AbortSignal | undefined,
): Promise<HubSpotPageShape> {
  const properties = [...request.properties];
  const associations = request.associations === undefined ? undefined : [...request.associations];
  const authMethods = { oauth2: { accessToken: connection.accessToken } };
  if (request.objectType === 'companies') {
    const api = new companies.BasicApi(
      companies.createConfiguration({
        baseServer: new companies.ServerConfiguration(connection.origin, {}),
        httpApi: fetchTransport<companies.HttpLibrary>(connection.timeoutMs, signal),
        authMethods,
      }),
    );
    return api.getPage(
      request.limit,
      request.after,
      properties,
      undefined,
      associations,
      false,
    ) as unknown as Promise<HubSpotPageShape>;
  }
  const api = new deals.BasicApi(
    deals.createConfiguration({
      baseServer: new deals.ServerConfiguration(connection.origin, {}),
      httpApi: fetchTransport<deals.HttpLibrary>(connection.timeoutMs, signal),
      authMethods,
    }),
  );
  return api.getPage(
    request.limit,
    request.after,
    properties,
    undefined,
    associations,
    false,
  ) as unknown as Promise<HubSpotPageShape>;
}

/**
 * Whether to retry: 429 (waiting at least what it asked for), 5xx, lost connections and timeouts; not
 * when `signal` aborted (the caller stopping the sync).
 */
export function classifyHubSpotError(error: unknown, signal?: AbortSignal): RetryDecision {
  if (signal?.aborted === true) return { retry: false };
  if (error instanceof HubSpotHttpError) {
    if (error.status === 429) {
      return {
        retry: true,
        reason: 'HTTP 429 (rate limited)',
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      };
    }
    return error.status >= 500 ? { retry: true, reason: `HTTP ${error.status}` } : { retry: false };
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') return { retry: true, reason: 'timed out' };
  if (error instanceof TypeError) return { retry: true, reason: 'connection failed' };
  return { retry: false };
}

/** A 401 or 403 as a {@link SourceAuthError}; any other error as it is. */
export function hubspotAuthError(error: unknown): unknown {
  if (error instanceof HubSpotHttpError && (error.status === 401 || error.status === 403)) {
    return new SourceAuthError('HubSpot', error.status);
  }
  return error;
}
