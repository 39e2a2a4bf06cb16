import type { HttpHandler } from 'msw';
import { serveHandlers, type MockServer, type ServeHandlersOptions } from '../serve-handlers.js';
import type { StripeMockAccount } from './stripe-account.js';
import { stripeHandlers } from './stripe-handlers.js';

/** Options of {@link serveStripeMock}. */
export interface ServeStripeMockOptions extends ServeHandlersOptions {
  readonly account: StripeMockAccount;
  /**
   * Handlers answered before the account's, given the server's origin: failures such as
   * `(origin) => [stripeRateLimited({ baseUrl: origin })]`.
   */
  readonly failures?: (origin: string) => readonly HttpHandler[];
}

/**
 * Serves a Stripe-like API for `account` on loopback (see `serveHandlers`): point
 * `cskit sync stripe --base-url` at its `url`, with `STRIPE_API_KEY` set to `account.apiKey`.
 */
export function serveStripeMock(options: ServeStripeMockOptions): Promise<MockServer> {
  const { account, failures, ...serve } = options;
  return serveHandlers(
    (origin) => [...(failures?.(origin) ?? []), ...stripeHandlers(account, { baseUrl: origin })],
    serve,
  );
}
