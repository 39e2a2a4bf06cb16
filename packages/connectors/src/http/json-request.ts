import { retryAfterMs, type RetryDecision } from './retry.js';
import { SourceAuthError } from '../sync/source-auth-error.js';

/** An answer other than 2xx. Its message quotes neither the credentials nor the response body. */
export class HttpStatusError extends Error {
  override readonly name: string = 'HttpStatusError';

  constructor(
    /** The source, e.g. `Delighted`. */
    readonly source: string,
    readonly status: number,
    /** What `Retry-After` asked for, in milliseconds. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${source} answered HTTP ${status}`);
  }
}

/** A JSON answer and its headers. */
export interface JsonAnswer {
  readonly body: unknown;
  readonly headers: Headers;
}

/** Options of {@link getJson}. */
export interface GetJsonOptions {
  /** The source, for errors. */
  readonly source: string;
  /** Request headers (the credential among them); never logged. */
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds before the request is abandoned. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * GETs `url` and reads its JSON body. Redirects are refused (a redirect would carry the credential to
 * wherever it points).
 *
 * @throws HttpStatusError for any status but 2xx; SyntaxError for a body that is not JSON; the `fetch`
 *   error when the connection fails or times out.
 */
export async function getJson(url: string, options: GetJsonOptions): Promise<JsonAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...options.headers },
    signal: options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]),
    redirect: 'error',
  });
  if (response.status < 200 || response.status > 299) {
    // Read (and drop) the small error body, which frees the connection; its text may quote the request.
    await response.text().catch(() => '');
    throw new HttpStatusError(options.source, response.status, retryAfterMs(response.headers.get('retry-after')));
  }
  return { body: (await response.json()) as unknown, headers: response.headers };
}

/**
 * Whether to retry: 429 (honouring `Retry-After`), 5xx, lost connections and timeouts. Not when
 * `signal` aborted: that is the caller stopping the sync.
 */
export function classifyHttpError(error: unknown, signal?: AbortSignal): RetryDecision {
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

/** A 401 or 403 as a {@link SourceAuthError}; any other error as it is. */
export function httpAuthError(error: unknown): unknown {
  if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
    return new SourceAuthError(error.source, error.status);
  }
  return error;
}
