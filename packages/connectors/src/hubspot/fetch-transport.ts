import type { RequestContext, ResponseContext } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { HttpStatusError } from '../http/http-status-error.js';
import { retryAfterMs } from '../http/retry.js';

/** A HubSpot answer other than 2xx. Its message quotes neither the token nor the response body. */
export class HubSpotHttpError extends HttpStatusError {
  override readonly name = 'HubSpotHttpError';

  /**
   * `retryAfterMs`: how long to wait before the next request: `Retry-After`, else the rolling window of
   * `X-HubSpot-RateLimit-Interval-Milliseconds` (what HubSpot's 429s carry).
   */
  constructor(status: number, retryAfterMs: number | undefined) {
    super('HubSpot', status, retryAfterMs);
  }
}

/**
 * The SDK's transport, replaced per request: @hubspot/api-client 13.4 sends through `node-fetch` 2
 * without a timeout or an `AbortSignal`, so a request that hangs would hang the sync. This one sends
 * the request the SDK built (URL, `Authorization` header, query) with the platform's `fetch`, a
 * timeout and `signal`, never follows a redirect (the token goes only to the configured origin), and
 * turns any status but 2xx into a {@link HubSpotHttpError} before the SDK parses the body (a 502 page
 * of a proxy is HTML, which the SDK would fail on with an error no one could retry).
 *
 * `Library` is the `HttpLibrary` type of the SDK module it serves: each generated module declares its own,
 * identical but for their private members.
 */
export function fetchTransport<Library>(timeoutMs: number, signal: AbortSignal | undefined): Library {
  const send = async (request: RequestContext): Promise<ResponseContext> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const body = request.getBody();
    const response = await fetch(request.getUrl(), {
      method: request.getHttpMethod().toString(),
      headers: request.getHeaders(),
      ...(typeof body === 'string' ? { body } : {}),
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      redirect: 'error',
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (response.status < 200 || response.status > 299) {
      await response.text().catch(() => '');
      const interval = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
      const wait =
        retryAfterMs(headers['retry-after']) ?? (Number.isFinite(interval) && interval > 0 ? interval : undefined);
      throw new HubSpotHttpError(response.status, wait);
    }
    const text = await response.text();
    // The SDK reads the status, the headers and the body's text; the rest is there for its types.
    return {
      httpStatusCode: response.status,
      headers,
      body: { text: () => Promise.resolve(text), binary: () => Promise.resolve(Buffer.from(text)) },
      getBodyAsAny: () => Promise.resolve(text),
    } as unknown as ResponseContext;
  };
  return { send: (request: RequestContext) => observable(send(request)) } as unknown as Library;
}

/** The SDK's minimal Observable (`toPromise`, `pipe`), which is all its generated code calls. */
function observable<T>(promise: Promise<T>): {
  toPromise(): Promise<T>;
  pipe<S>(next: (value: T) => S | Promise<S>): unknown;
} {
  return {
    toPromise: () => promise,
    pipe: (next) => observable(promise.then(next)),
  };
}
