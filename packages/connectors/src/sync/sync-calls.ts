import { withRetries, type RetryEvent, type RetryOptions } from '../http/retry.js';

/** Options of {@link syncCalls}: a sync's own, and how its source's errors are read. */
export interface SyncCallsOptions {
  /** The sync's retry settings. */
  readonly retry?: Pick<RetryOptions, 'maxRetries' | 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'> | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Which of the source's errors are worth another attempt. */
  readonly classify: RetryOptions['classify'];
  /** The source's 401/403 as a `SourceAuthError`; any other error as it is. */
  readonly authError: (error: unknown) => unknown;
  readonly onRetry: (event: RetryEvent) => void;
}

/**
 * How a sync calls its source: each request retried with backoff ({@link withRetries}) and, once it
 * fails for good, a refused credential thrown as a `SourceAuthError`.
 */
export function syncCalls(options: SyncCallsOptions): <T>(request: () => Promise<T>) => Promise<T> {
  return async (request) => {
    try {
      return await withRetries(request, {
        ...options.retry,
        classify: options.classify,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onRetry: options.onRetry,
      });
    } catch (error) {
      throw options.authError(error);
    }
  };
}
