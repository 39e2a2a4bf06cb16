import type { HttpHandler } from 'msw';
import { serveHandlers, type MockServer, type ServeHandlersOptions } from '../serve-handlers.js';
import type { ZendeskMockAccount } from './zendesk-account.js';
import { zendeskHandlers, type ZendeskHandlersOptions } from './zendesk-handlers.js';

/** Options of {@link serveZendeskMock}. */
export interface ServeZendeskMockOptions extends ServeHandlersOptions, Pick<ZendeskHandlersOptions, 'maxPageSize'> {
  readonly account: ZendeskMockAccount;
  /**
   * Handlers answered before the account's, given the server's origin: failures such as
   * `(origin) => [zendeskRateLimited({ baseUrl: origin })]`.
   */
  readonly failures?: (origin: string) => readonly HttpHandler[];
}

/**
 * Serves a Zendesk-like API for `account` on loopback (see `serveHandlers`): point
 * `cskit sync zendesk --base-url` at its `url`, with `ZENDESK_EMAIL` and `ZENDESK_API_TOKEN` set to the
 * account's `email` and `apiToken`.
 */
export function serveZendeskMock(options: ServeZendeskMockOptions): Promise<MockServer> {
  const { account, failures, maxPageSize, ...serve } = options;
  return serveHandlers(
    (origin) => [
      ...(failures?.(origin) ?? []),
      ...zendeskHandlers(account, { baseUrl: origin, ...(maxPageSize === undefined ? {} : { maxPageSize }) }),
    ],
    serve,
  );
}
