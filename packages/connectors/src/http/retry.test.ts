import { describe, expect, it } from 'vitest';
import { retryAfterMs, withRetries, type RetryDecision, type RetryEvent } from './retry.js';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter?: string,
  ) {
    super(`HTTP ${status}`);
  }
}

const classify = (error: unknown): RetryDecision => {
  if (!(error instanceof HttpError) || (error.status !== 429 && error.status < 500)) return { retry: false };
  const wait = retryAfterMs(error.retryAfter);
  return { retry: true, reason: error.message, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
};

/** An attempt that fails with `errors` in turn, then succeeds. */
function failing(...errors: Error[]): { attempt: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    attempt: () => {
      const error = errors[calls];
      calls += 1;
      return error === undefined ? Promise.resolve('ok') : Promise.reject(error);
    },
    calls: () => calls,
  };
}

describe('withRetries', () => {
  it('waits at least what Retry-After asks, and backs off exponentially with jitter otherwise', async () => {
    const events: RetryEvent[] = [];
    const { attempt } = failing(
      new HttpError(503),
      new HttpError(503),
      new HttpError(429, '0'),
      new HttpError(429, '1'),
    );
    // random() = 1: the full backoff, 4 ms × 2ⁿ⁻¹.
    const result = await withRetries(attempt, {
      classify,
      initialDelayMs: 4,
      random: () => 1,
      onRetry: (e) => events.push(e),
    });
    expect(result).toBe('ok');
    expect(events.map((e) => e.waitMs)).toEqual([4, 8, 16, 1000]);
  });

  it('caps a long Retry-After at maxRetryAfterMs and the backoff at maxDelayMs', async () => {
    const events: RetryEvent[] = [];
    const { attempt } = failing(new HttpError(429, '3600'), new HttpError(500), new HttpError(500));
    await withRetries(attempt, {
      classify,
      initialDelayMs: 5,
      maxDelayMs: 12,
      maxRetryAfterMs: 30,
      random: () => 1,
      onRetry: (e) => events.push(e),
    });
    // 1 h asked, 30 ms waited; then 10 ms, then 20 ms capped to 12 ms.
    expect(events.map((e) => e.waitMs)).toEqual([30, 10, 12]);
  });

  it('waits between half and all of the backoff (jitter)', async () => {
    const events: RetryEvent[] = [];
    await withRetries(failing(new HttpError(500)).attempt, {
      classify,
      initialDelayMs: 8,
      random: () => 0,
      onRetry: (e) => events.push(e),
    });
    expect(events.map((e) => e.waitMs)).toEqual([4]);
  });

  it('throws what is not retryable at once, and the last error after maxRetries', async () => {
    const refused = failing(new HttpError(401), new HttpError(500));
    await expect(withRetries(refused.attempt, { classify })).rejects.toMatchObject({ status: 401 });
    expect(refused.calls()).toBe(1);

    const down = failing(new HttpError(500), new HttpError(502), new HttpError(503), new HttpError(504));
    await expect(withRetries(down.attempt, { classify, maxRetries: 2, initialDelayMs: 1 })).rejects.toMatchObject({
      status: 503,
    });
    expect(down.calls()).toBe(3);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const { attempt, calls } = failing(new HttpError(429, '60'));
    const pending = withRetries(attempt, { classify, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toThrow('cancelled');
    expect(calls()).toBe(1);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Fri, 04 Dec 2026 23:00:30 GMT', Date.parse('2026-12-04T23:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
