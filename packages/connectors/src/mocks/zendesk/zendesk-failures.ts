import { http, type HttpHandler } from 'msw';
import { ZENDESK_MOCK_ORIGIN, zendeskError } from './zendesk-handlers.js';

/** Options of the failure handlers: which requests fail, and how many times. */
export interface ZendeskFailureOptions {
  /** The origin, as given to `zendeskHandlers` (default `https://cskit-demo.zendesk.com`). */
  readonly baseUrl?: string;
  /** How many requests fail before the next handler answers again (default 1). */
  readonly times?: number;
}

const EXPORT_PATH = '/api/v2/incremental/tickets/cursor.json';

/**
 * Answers the first `times` export requests with Zendesk's 429 and a `Retry-After` of
 * `retryAfterSeconds` (the export allows 10 requests a minute), then lets them through.
 */
export function zendeskRateLimited(
  options: ZendeskFailureOptions & { readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  let left = options.times ?? 1;
  return http.get(`${options.baseUrl ?? ZENDESK_MOCK_ORIGIN}${EXPORT_PATH}`, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return zendeskError(
      429,
      'APIRateLimitExceeded',
      'Number of allowed incremental export API requests per minute exceeded',
      {
        'retry-after': String(options.retryAfterSeconds ?? 1),
      },
    );
  });
}

/** Answers the first `times` export requests with `status` (default 503), then lets them through. */
export function zendeskServerError(options: ZendeskFailureOptions & { readonly status?: number } = {}): HttpHandler {
  let left = options.times ?? 1;
  return http.get(`${options.baseUrl ?? ZENDESK_MOCK_ORIGIN}${EXPORT_PATH}`, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return zendeskError(options.status ?? 503, 'ServiceUnavailable', 'Zendesk is temporarily unavailable');
  });
}
