import type { HttpHandler } from 'msw';
import { serveHandlers, type MockServer, type ServeHandlersOptions } from '../serve-handlers.js';
import type { TypeformMockAccount } from './typeform-account.js';
import { typeformHandlers, type TypeformHandlersOptions } from './typeform-handlers.js';

/** Options of {@link serveTypeformMock}. */
export interface ServeTypeformMockOptions extends ServeHandlersOptions, Omit<TypeformHandlersOptions, 'baseUrl'> {
  readonly account: TypeformMockAccount;
  /** Handlers answered before the account's, given the server's origin (failures). */
  readonly failures?: (origin: string) => readonly HttpHandler[];
}

/**
 * Serves a Typeform-like API for `account` on loopback (see `serveHandlers`): point
 * `cskit sync typeform --base-url` at its `url`, with `TYPEFORM_TOKEN` set to the account's `token`.
 */
export function serveTypeformMock(options: ServeTypeformMockOptions): Promise<MockServer> {
  const { account, failures, inclusiveCursor, ...serve } = options;
  return serveHandlers(
    (origin) => [
      ...(failures?.(origin) ?? []),
      ...typeformHandlers(account, { baseUrl: origin, ...(inclusiveCursor === undefined ? {} : { inclusiveCursor }) }),
    ],
    serve,
  );
}
