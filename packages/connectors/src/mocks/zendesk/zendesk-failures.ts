import { http, type HttpHandler } from 'msw';
import { failureSchedule, type FailureSchedule } from '../failure-schedule.js';
import { ZENDESK_MOCK_ORIGIN, zendeskError } from './zendesk-handlers.js';

/** Options of the failure handlers: which requests fail: the first `times`, or a storm of every `every`-th. */
export interface ZendeskFailureOptions extends FailureSchedule {
  /** The origin, as given to `zendeskHandlers` (default `https://cskit-demo.zendesk.com`). */
  readonly baseUrl?: string;
  /** The path that fails, e.g. `/api/v2/satisfaction_ratings` (default: every `/api/v2/…` path). */
  readonly path?: string;
}

/**
 * Answers the first `times` requests (or every `every`-th) with Zendesk's 429 and a `Retry-After` of
 * `retryAfterSeconds` (the export allows 10 requests a minute), then lets them through.
 */
export function zendeskRateLimited(
  options: ZendeskFailureOptions & { readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  const fails = failureSchedule(options);
  return http.get(`${options.baseUrl ?? ZENDESK_MOCK_ORIGIN}${options.path ?? '/api/v2/*'}`, () => {
    if (!fails()) return undefined;
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

/** Answers the first `times` requests (or every `every`-th) with `status` (default 503), then lets them through. */
export function zendeskServerError(options: ZendeskFailureOptions & { readonly status?: number } = {}): HttpHandler {
  const fails = failureSchedule(options);
  return http.get(`${options.baseUrl ?? ZENDESK_MOCK_ORIGIN}${options.path ?? '/api/v2/*'}`, () => {
    if (!fails()) return undefined;
    return zendeskError(options.status ?? 503, 'ServiceUnavailable', 'Zendesk is temporarily unavailable');
  });
}
