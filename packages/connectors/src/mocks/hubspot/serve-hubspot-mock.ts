import type { HttpHandler } from 'msw';
import { serveHandlers, type MockServer, type ServeHandlersOptions } from '../serve-handlers.js';
import type { HubSpotMockAccount } from './hubspot-account.js';
import { hubspotHandlers, type HubSpotHandlersOptions } from './hubspot-handlers.js';

/** Options of {@link serveHubSpotMock}. */
export interface ServeHubSpotMockOptions extends ServeHandlersOptions, Pick<HubSpotHandlersOptions, 'maxPageSize'> {
  readonly account: HubSpotMockAccount;
  /** Handlers answered before the account's, given the server's origin (`hubspotRateLimited({ baseUrl: origin })`). */
  readonly failures?: (origin: string) => readonly HttpHandler[];
}

/**
 * Serves a HubSpot-like API for `account` on loopback (see `serveHandlers`): point
 * `cskit sync hubspot --base-url` at its `url`, with `HUBSPOT_ACCESS_TOKEN` set to the account's `accessToken`.
 */
export function serveHubSpotMock(options: ServeHubSpotMockOptions): Promise<MockServer> {
  const { account, failures, maxPageSize, ...serve } = options;
  return serveHandlers(
    (origin) => [
      ...(failures?.(origin) ?? []),
      ...hubspotHandlers(account, { baseUrl: origin, ...(maxPageSize === undefined ? {} : { maxPageSize }) }),
    ],
    serve,
  );
}
