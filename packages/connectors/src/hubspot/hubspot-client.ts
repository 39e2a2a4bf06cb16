import * as companies from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import * as deals from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
import type { RetryDecision } from '../http/retry.js';
import { classifyHttpFailure, httpAuthError } from '../http/http-status-error.js';
import { fetchTransport } from './fetch-transport.js';
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
 * @throws `HubSpotHttpError` for any status but 2xx; the `fetch` error when the connection fails or times out.
 */
export function listPage(
  connection: HubSpotConnection,
  request: ListRequest,
  signal: AbortSignal | undefined,
): Promise<HubSpotPageShape> {
  const properties = [...request.properties];
  const associations = request.associations === undefined ? undefined : [...request.associations];
  // The two generated modules are the same code for another object type; their types differ only in
  // private members, so one stands for both here.
  const sdk = (request.objectType === 'companies' ? companies : deals) as typeof companies;
  const api = new sdk.BasicApi(
    sdk.createConfiguration({
      baseServer: new sdk.ServerConfiguration(connection.origin, {}),
      httpApi: fetchTransport<companies.HttpLibrary>(connection.timeoutMs, signal),
      authMethods: { oauth2: { accessToken: connection.accessToken } },
    }),
  );
  const page = api.getPage(request.limit, request.after, properties, undefined, associations, false);
  return page as unknown as Promise<HubSpotPageShape>;
}

/**
 * Whether to retry: 429 (waiting at least what it asked for), 5xx, lost connections and timeouts; not
 * when `signal` aborted (the caller stopping the sync).
 */
export function classifyHubSpotError(error: unknown, signal?: AbortSignal): RetryDecision {
  return classifyHttpFailure(error, signal);
}

/** A 401 or 403 as a `SourceAuthError`; any other error as it is. */
export function hubspotAuthError(error: unknown): unknown {
  return httpAuthError(error);
}
