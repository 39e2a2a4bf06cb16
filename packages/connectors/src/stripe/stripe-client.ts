import Stripe from 'stripe';
import { retryAfterMs, type RetryDecision } from '../http/retry.js';
import { SourceAuthError } from '../sync/source-auth-error.js';

/** Options of {@link createStripeClient}. */
export interface StripeClientOptions {
  readonly apiKey: string;
  /** Origin of a server that speaks Stripe's API (default `https://api.stripe.com`). */
  readonly baseUrl?: string;
  /** Milliseconds before a request is abandoned (and retried). Default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * The official Stripe SDK, pointed at `baseUrl` through its `host`/`port`/`protocol` options. Its own
 * retries are off (`maxNetworkRetries: 0`): stripe 23 never retries a 429 unless the response carries
 * `Stripe-Should-Retry: true` and ignores `Retry-After`, so the sync retries itself
 * ({@link classifyStripeError}).
 *
 * @throws RangeError when `baseUrl` is not an http(s) origin.
 */
export function createStripeClient(options: StripeClientOptions): Stripe {
  const url = stripeOrigin(options.baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(options.apiKey, {
    host: url.hostname,
    port: Number(url.port === '' ? (protocol === 'http' ? 80 : 443) : url.port),
    protocol,
    maxNetworkRetries: 0,
    timeout: options.timeoutMs ?? 30_000,
    // No request timings sent to Stripe, and no telemetry id read from the user's home directory.
    telemetry: false,
    appInfo: { name: 'cskit', url: 'https://github.com/cskit/cskit' },
  });
}

/**
 * `baseUrl` checked as an http(s) origin (no path, query or credentials; a trailing `/` is fine).
 *
 * @throws RangeError naming what is wrong.
 */
export function stripeOrigin(baseUrl: string = 'https://api.stripe.com'): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError(`the base URL "${baseUrl}" is not a URL (expected e.g. http://127.0.0.1:12111)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`the base URL must start with http:// or https://, got "${url.protocol}"`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new RangeError('the base URL must not hold credentials: the key comes from the environment');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new RangeError(`the base URL must be an origin such as https://api.stripe.com, without a path`);
  }
  return url;
}

interface StripeErrorLike {
  readonly type?: string;
  readonly statusCode?: number;
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

/** Whether to retry after a Stripe SDK error: 429 (honouring `Retry-After`), 5xx, and lost connections. */
export function classifyStripeError(error: unknown): RetryDecision {
  if (!(error instanceof Stripe.errors.StripeError)) return { retry: false };
  const { statusCode, headers, type } = error as StripeErrorLike;
  if (statusCode === 429) {
    const wait = retryAfterMs(headers?.['retry-after']);
    return { retry: true, reason: 'HTTP 429 (rate limited)', ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (statusCode !== undefined && statusCode >= 500) return { retry: true, reason: `HTTP ${statusCode}` };
  if (type === 'StripeConnectionError') return { retry: true, reason: 'connection failed' };
  return { retry: false };
}

/** A 401 or 403 from Stripe as a {@link SourceAuthError}; any other error as it is. */
export function stripeAuthError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const { statusCode } = error as StripeErrorLike;
  return statusCode === 401 || statusCode === 403 ? new SourceAuthError('Stripe', statusCode) : error;
}
