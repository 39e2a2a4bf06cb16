import type { HttpHandler } from 'msw';
import { serveHandlers, type MockServer, type ServeHandlersOptions } from '../serve-handlers.js';
import type { DelightedMockAccount } from './delighted-account.js';
import { delightedHandlers, type DelightedHandlersOptions } from './delighted-handlers.js';

/** Options of {@link serveDelightedMock}. */
export interface ServeDelightedMockOptions extends ServeHandlersOptions, Omit<DelightedHandlersOptions, 'baseUrl'> {
  readonly account: DelightedMockAccount;
  /** Handlers answered before the account's, given the server's origin (failures). */
  readonly failures?: (origin: string) => readonly HttpHandler[];
}

/**
 * Serves a Delighted-like API for `account` on loopback (see `serveHandlers`): point
 * `cskit sync delighted --base-url` at its `url`, with `DELIGHTED_API_KEY` set to the account's `apiKey`.
 */
export function serveDelightedMock(options: ServeDelightedMockOptions): Promise<MockServer> {
  const { account, failures, overlap, ...serve } = options;
  return serveHandlers(
    (origin) => [
      ...(failures?.(origin) ?? []),
      ...delightedHandlers(account, { baseUrl: origin, ...(overlap === undefined ? {} : { overlap }) }),
    ],
    serve,
  );
}
