/** What a failed attempt means for the next one. */
export type RetryDecision =
  /** Try again, after at least `retryAfterMs` when the server said how long to wait (`Retry-After`). */
  { readonly retry: true; readonly reason: string; readonly retryAfterMs?: number } | { readonly retry: false };

/** A retry about to happen, for progress output. */
export interface RetryEvent {
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly reason: string;
  readonly waitMs: number;
}

/** Options of {@link withRetries}. */
export interface RetryOptions {
  /** Decides, for each error, whether to try again. */
  readonly classify: (error: unknown) => RetryDecision;
  /** Retries after the first attempt (default 5). */
  readonly maxRetries?: number;
  /** First backoff (default 500 ms), doubled on each retry. */
  readonly initialDelayMs?: number;
  /** Longest backoff (default 8 s). */
  readonly maxDelayMs?: number;
  /** Longest wait a `Retry-After` may ask for (default 60 s): a server asking for more is waited 60 s. */
  readonly maxRetryAfterMs?: number;
  readonly signal?: AbortSignal;
  readonly onRetry?: (event: RetryEvent) => void;
  /** The random source of the jitter (default `Math.random`). */
  readonly random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, retrying what `classify` calls retryable (429, 5xx, lost
 * connections) with exponential backoff and jitter: the n-th retry waits a random time between half and
 * all of `initialDelayMs × 2ⁿ⁻¹` (capped at `maxDelayMs`), and never less than the server's
 * `Retry-After` (capped at `maxRetryAfterMs`).
 *
 * @throws the last error once retries are exhausted or the error is not retryable; the signal's reason
 *   when it aborts (also during a wait).
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxRetries = options.maxRetries ?? 5;
  const initial = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 8_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const random = options.random ?? Math.random;
  for (let retries = 0; ; retries++) {
    options.signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      const decision = options.classify(error);
      if (!decision.retry || retries >= maxRetries) throw error;
      const backoff = Math.min(initial * 2 ** retries, maxDelay) * (0.5 + random() / 2);
      const waitMs = Math.round(Math.max(backoff, Math.min(decision.retryAfterMs ?? 0, maxRetryAfter)));
      options.onRetry?.({ attempt: retries + 1, reason: decision.reason, waitMs });
      await sleep(waitMs, options.signal);
    }
  }
}

/**
 * Milliseconds a `Retry-After` header asks for: delay-seconds (`120`) or an HTTP date; `undefined` when
 * absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
