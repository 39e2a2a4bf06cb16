import { SourceAuthError } from '../sync/source-auth-error.js';
import type { RetryDecision } from './retry.js';

/**
 * A source's answer other than success, for sources called with `fetch`. Its message quotes neither
 * the credentials nor the response body (whose text may quote the request).
 */
export class HttpStatusError extends Error {
  override readonly name: string = 'HttpStatusError';

  constructor(
    /** The source, e.g. `Zendesk`. */
    readonly source: string,
    readonly status: number,
    /** How long the answer asked to wait before the next request, in milliseconds (`Retry-After`). */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${source} answered HTTP ${status}`);
  }
}

/**
 * Whether to retry after a `fetch`-based request failed: 429 (at least as long as it asked), 5xx,
 * lost connections and timeouts. Not when `signal` aborted: that is the caller stopping the sync.
 */
export function classifyHttpFailure(error: unknown, signal?: AbortSignal): RetryDecision {
  if (signal?.aborted === true) return { retry: false };
  if (error instanceof HttpStatusError) {
    if (error.status === 429) {
      return {
        retry: true,
        reason: 'HTTP 429 (rate limited)',
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      };
    }
    return error.status >= 500 ? { retry: true, reason: `HTTP ${error.status}` } : { retry: false };
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') return { retry: true, reason: 'timed out' };
  if (error instanceof TypeError) return { retry: true, reason: 'connection failed' };
  return { retry: false };
}

/** A 401 or 403 {@link HttpStatusError} as a {@link SourceAuthError}; any other error as it is. */
export function httpAuthError(error: unknown): unknown {
  if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
    return new SourceAuthError(error.source, error.status);
  }
  return error;
}
