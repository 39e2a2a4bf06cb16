import { HttpStatusError } from './http-status-error.js';
import { retryAfterMs } from './retry.js';

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
