import { http, HttpResponse, type HttpHandler } from 'msw';
import { failFirst } from '../fail-first.js';
import type { TypeformMockAccount, TypeformResponseObject } from './typeform-account.js';

/** The origin of the handlers when none is given: Typeform's. */
export const TYPEFORM_MOCK_ORIGIN = 'https://api.typeform.com';

/** Options of {@link typeformHandlers}. */
export interface TypeformHandlersOptions {
  /** The origin requests go to (default `https://api.typeform.com`), e.g. a local server's. */
  readonly baseUrl?: string;
  /**
   * `before` and `after` include the response of their token (Typeform's exclude it): each page
   * repeats the last response of the one before, which a sync must keep once.
   */
  readonly inclusiveCursor?: boolean;
}

/**
 * MSW handlers that answer like Typeform's `GET /forms/{form_id}/responses` for `account`:
 * `{ total_items, page_count, items }` with the newest submission first, `page_size` 1–1000 (default
 * 25), `before`/`after` (a response's token, exclusive), `since`/`until` (ISO 8601 or Unix seconds,
 * inclusive), `response_type`; a request without the account's Bearer token gets 401, an unknown form
 * 404. Rate limits and server errors are separate handlers to put in front.
 */
export function typeformHandlers(account: TypeformMockAccount, options: TypeformHandlersOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? TYPEFORM_MOCK_ORIGIN;
  return [
    http.get(`${base}/forms/:formId/responses`, ({ request, params }) => {
      if (request.headers.get('authorization') !== `Bearer ${account.token}`) {
        return typeformError(
          401,
          'AUTHENTICATION_FAILED',
          'Authentication credentials not found on the Request Headers',
        );
      }
      const responses = account.forms[String(params['formId'])];
      if (responses === undefined) return typeformError(404, 'FORM_NOT_FOUND', 'Non existing form with uid');
      const url = new URL(request.url);
      const sizeText = url.searchParams.get('page_size') ?? '25';
      const size = /^\d+$/.test(sizeText) ? Number(sizeText) : Number.NaN;
      if (!(size >= 1 && size <= 1000))
        return typeformError(400, 'VALIDATION_ERROR', 'page_size must be from 1 to 1000');
      const since = instant(url.searchParams.get('since'), Number.NEGATIVE_INFINITY);
      const until = instant(url.searchParams.get('until'), Number.POSITIVE_INFINITY);
      const types = (url.searchParams.get('response_type') ?? 'completed').split(',');
      let listed = responses
        .filter((r) => {
          const at = submittedMs(r);
          return at >= since && at <= until && types.includes(String(r['response_type'] ?? 'completed'));
        })
        .sort(newestFirst);
      const total = listed.length;
      for (const [param, keep] of [
        ['before', (i: number, at: number) => i > at],
        ['after', (i: number, at: number) => i < at],
      ] as const) {
        const token = url.searchParams.get(param);
        if (token === null) continue;
        const at = listed.findIndex((r) => r.token === token);
        if (at < 0) return typeformError(400, 'VALIDATION_ERROR', `unknown ${param} token`);
        listed = listed.filter((_, i) => keep(i, at) || (options.inclusiveCursor === true && i === at));
      }
      const items = param(url, 'after') ? listed.slice(-size) : listed.slice(0, size);
      return HttpResponse.json({
        total_items: total,
        page_count: Math.ceil(total / size),
        items: items.map((r) => structuredClone(r)),
      });
    }),
  ];
}

/** A Typeform error answer: `{ "code": …, "description": … }`. */
export function typeformError(
  status: number,
  code: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json({ code, description }, { status, headers });
}

/** Options of the Typeform failure handlers. */
export interface TypeformFailureOptions {
  /** The origin, as given to `typeformHandlers`. */
  readonly baseUrl?: string;
  /** How many requests fail before the next handler answers again (default 1). */
  readonly times?: number;
}

/** Answers the first `times` requests with Typeform's 429 and `Retry-After: retryAfterSeconds` (default 1). */
export function typeformRateLimited(
  options: TypeformFailureOptions & { readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  return failFirst(`${options.baseUrl ?? TYPEFORM_MOCK_ORIGIN}/forms/:formId/responses`, options.times ?? 1, () =>
    typeformError(429, 'RATE_LIMIT_EXCEEDED', 'Too many requests', {
      'retry-after': String(options.retryAfterSeconds ?? 1),
    }),
  );
}

/** Answers the first `times` requests with `status` (default 502). */
export function typeformServerError(options: TypeformFailureOptions & { readonly status?: number } = {}): HttpHandler {
  const status = options.status ?? 502;
  return failFirst(`${options.baseUrl ?? TYPEFORM_MOCK_ORIGIN}/forms/:formId/responses`, options.times ?? 1, () =>
    typeformError(status, 'INTERNAL_ERROR', 'Typeform is temporarily unavailable'),
  );
}

function newestFirst(a: TypeformResponseObject, b: TypeformResponseObject): number {
  return submittedMs(b) - submittedMs(a) || (a.token < b.token ? 1 : a.token > b.token ? -1 : 0);
}

/** When a response was submitted; one whose `submitted_at` a drift fixture removed keeps its place by `landed_at`. */
function submittedMs(response: TypeformResponseObject): number {
  return Date.parse(
    (response as Record<string, unknown>)['submitted_at'] === undefined
      ? String(response['landed_at'])
      : response.submitted_at,
  );
}

function param(url: URL, name: string): boolean {
  return url.searchParams.has(name);
}

/** `since`/`until`: Unix seconds or ISO 8601 (UTC) → epoch ms. */
function instant(text: string | null, fallback: number): number {
  if (text === null) return fallback;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? fallback : ms;
}
