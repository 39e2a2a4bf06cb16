import { http, type HttpHandler } from 'msw';
import { failureSchedule, type FailureSchedule } from '../failure-schedule.js';
import { STRIPE_API_ORIGIN, stripeError } from './stripe-handlers.js';

/** Options of the failure handlers: which requests fail: the first `times`, or a storm of every `every`-th. */
export interface StripeFailureOptions extends FailureSchedule {
  /** The origin, as given to `stripeHandlers` (default `https://api.stripe.com`). */
  readonly baseUrl?: string;
  /** The path that fails, e.g. `/v1/subscriptions` (default: every `/v1/…` path). */
  readonly path?: string;
}

/**
 * Answers the first `times` requests (or every `every`-th) with Stripe's 429 (`rate_limit`) and a `Retry-After` of
 * `retryAfterSeconds`, then lets the requests through to the handlers after it.
 */
export function stripeRateLimited(
  options: StripeFailureOptions & { readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  const fails = failureSchedule(options);
  return http.get(`${options.baseUrl ?? STRIPE_API_ORIGIN}${options.path ?? '/v1/*'}`, () => {
    if (!fails()) return undefined;
    return stripeError(
      429,
      {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      },
      { 'retry-after': String(options.retryAfterSeconds ?? 1) },
    );
  });
}

/** Answers the first `times` requests (or every `every`-th) with Stripe's 500 (`api_error`), then lets them through. */
export function stripeServerError(options: StripeFailureOptions = {}): HttpHandler {
  const fails = failureSchedule(options);
  return http.get(`${options.baseUrl ?? STRIPE_API_ORIGIN}${options.path ?? '/v1/*'}`, () => {
    if (!fails()) return undefined;
    return stripeError(500, { type: 'api_error', message: 'An unknown error occurred' });
  });
}
