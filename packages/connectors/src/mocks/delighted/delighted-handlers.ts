import { http, HttpResponse, type HttpHandler } from 'msw';
import { failFirst } from '../fail-first.js';
import type { DelightedMockAccount } from './delighted-account.js';

/** The origin of the handlers when none is given: Delighted's. */
export const DELIGHTED_MOCK_ORIGIN = 'https://api.delighted.com';

/** Options of {@link delightedHandlers}. */
export interface DelightedHandlersOptions {
  /** The origin requests go to (default `https://api.delighted.com`), e.g. a local server's. */
  readonly baseUrl?: string;
  /**
   * Each page after the first starts with the last response of the page before: what an API whose
   * cursor is inclusive does. A sync must keep those responses once.
   */
  readonly overlap?: boolean;
}

const PATH = '/v1/survey_responses.json';

/**
 * MSW handlers that answer like Delighted's `GET /v1/survey_responses.json` for `account`: a JSON array
 * of responses in creation order (`order=desc` newest first), `per_page` 1–100 (default 20) and `page`
 * from 1, `since`/`until` (Unix seconds, inclusive) on `created_at`; HTTP Basic auth with the API key
 * as user name, else 401. Rate limits and server errors are separate handlers to put in front.
 */
export function delightedHandlers(
  account: DelightedMockAccount,
  options: DelightedHandlersOptions = {},
): HttpHandler[] {
  const base = options.baseUrl ?? DELIGHTED_MOCK_ORIGIN;
  return [
    http.get(`${base}${PATH}`, ({ request }) => {
      const header = request.headers.get('authorization') ?? '';
      const user = header.startsWith('Basic ') ? (decodeBase64(header.slice(6)) ?? '').split(':')[0] : undefined;
      if (user !== account.apiKey) return delightedError(401, 'Unauthorized', 'Invalid API key');
      const url = new URL(request.url);
      const perPage = integer(url.searchParams.get('per_page'), 20);
      const page = integer(url.searchParams.get('page'), 1);
      if (!(perPage >= 1 && perPage <= 100))
        return delightedError(422, 'Unprocessable Entity', 'per_page must be 1 to 100');
      if (!(page >= 1)) return delightedError(422, 'Unprocessable Entity', 'page must be a positive integer');
      const since = integer(url.searchParams.get('since'), Number.NEGATIVE_INFINITY);
      const until = integer(url.searchParams.get('until'), Number.POSITIVE_INFINITY);
      const listed = account.responses.filter((response) => {
        const created = Number(response['created_at']);
        return created >= since && created <= until;
      });
      if (url.searchParams.get('order') === 'desc') listed.reverse();
      const start = (page - 1) * perPage - (options.overlap === true && page > 1 ? 1 : 0);
      return HttpResponse.json(listed.slice(start, (page - 1) * perPage + perPage).map((r) => structuredClone(r)));
    }),
  ];
}

/** A Delighted error answer: `{ "status": …, "message": … }`. */
export function delightedError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json({ status, error, message }, { status, headers });
}

/** Options of the Delighted failure handlers. */
export interface DelightedFailureOptions {
  /** The origin, as given to `delightedHandlers`. */
  readonly baseUrl?: string;
  /** How many requests fail before the next handler answers again (default 1). */
  readonly times?: number;
}

/** Answers the first `times` requests with Delighted's 429 and `Retry-After: retryAfterSeconds` (default 1). */
export function delightedRateLimited(
  options: DelightedFailureOptions & { readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  return failFirst(`${options.baseUrl ?? DELIGHTED_MOCK_ORIGIN}${PATH}`, options.times ?? 1, () =>
    delightedError(429, 'Too Many Requests', 'Rate limit exceeded', {
      'retry-after': String(options.retryAfterSeconds ?? 1),
    }),
  );
}

/** Answers the first `times` requests with `status` (default 503). */
export function delightedServerError(
  options: DelightedFailureOptions & { readonly status?: number } = {},
): HttpHandler {
  const status = options.status ?? 503;
  return failFirst(`${options.baseUrl ?? DELIGHTED_MOCK_ORIGIN}${PATH}`, options.times ?? 1, () =>
    delightedError(status, 'Service Unavailable', 'Delighted is temporarily unavailable'),
  );
}

function integer(text: string | null, fallback: number): number {
  if (text === null) return fallback;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** `atob`, which browsers have too; `undefined` for bad input. */
function decodeBase64(text: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
