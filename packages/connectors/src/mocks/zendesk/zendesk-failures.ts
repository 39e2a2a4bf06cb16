import { http, type HttpHandler } from 'msw';
import { ZENDESK_MOCK_ORIGIN, zendeskError } from './zendesk-handlers.js';

/** Options of the failure handlers: which requests fail, and how many times. */
export interface ZendeskFailureOptions {
  /** The origin, as given to `zendeskHandlers` (default `https://cskit-demo.zendesk.com`). */
  readonly baseUrl?: string;
  /** The path that fails, e.g. `/api/v2/satisfaction_ratings` (default: every `/api/v2/…` path). */
  readonly path?: string;
  /** How many requests fail before the next handler answers again (default 1). */
  readonly times?: number;
}

/**
 * Answers the first `times` requests with Zendesk's 429 and a `Retry-After` of
 * `retryAfterSeconds` (the export allows 10 requests a minute), then lets them through.
 */
export function zendeskRateLimited(
  options: ZendeskFailureOptions & { readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  let left = options.times ?? 1;
  return http.get(`${options.baseUrl ?? ZENDESK_MOCK_ORIGIN}${options.path ?? '/api/v2/*'}`, () => {
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

/** Answers the first `times` requests with `status` (default 503), then lets them through. */
export function zendeskServerError(options: ZendeskFailureOptions & { readonly status?: number } = {}): HttpHandler {
  let left = options.times ?? 1;
  return http.get(`${options.baseUrl ?? ZENDESK_MOCK_ORIGIN}${options.path ?? '/api/v2/*'}`, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return zendeskError(options.status ?? 503, 'ServiceUnavailable', 'Zendesk is temporarily unavailable');
  });
}
