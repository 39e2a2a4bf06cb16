import { http, type HttpHandler } from 'msw';
import type { HubSpotMockAccount } from './hubspot-account.js';
import { HUBSPOT_MOCK_ORIGIN, hubspotError } from './hubspot-handlers.js';

/** Options of the failure handlers: which requests fail, and how many times. */
export interface HubSpotFailureOptions {
  /** The origin, as given to `hubspotHandlers` (default `https://api.hubapi.com`). */
  readonly baseUrl?: string;
  /** The path that fails, e.g. `/crm/v3/objects/deals` (default: every `/crm/…` path). */
  readonly path?: string;
  /** How many requests fail before the next handler answers again (default 1). */
  readonly times?: number;
}

/**
 * Answers the first `times` requests with HubSpot's 429 for its ten-secondly rolling limit: the body
 * names the policy (`TEN_SECONDLY_ROLLING`), the headers the window
 * (`X-HubSpot-RateLimit-Interval-Milliseconds`, default 10000), the limit and 0 remaining. HubSpot sends
 * no `Retry-After`; `retryAfterSeconds` adds one (a proxy in front of it might).
 */
export function hubspotRateLimited(
  options: HubSpotFailureOptions & { readonly intervalMs?: number; readonly retryAfterSeconds?: number } = {},
): HttpHandler {
  let left = options.times ?? 1;
  return http.all(`${options.baseUrl ?? HUBSPOT_MOCK_ORIGIN}${options.path ?? '/crm/*'}`, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return hubspotError(
      429,
      'RATE_LIMITS',
      'You have reached your ten_secondly_rolling limit.',
      { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
      {
        'x-hubspot-ratelimit-interval-milliseconds': String(options.intervalMs ?? 10_000),
        'x-hubspot-ratelimit-max': '100',
        'x-hubspot-ratelimit-remaining': '0',
        ...(options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) }),
      },
    );
  });
}

/** Answers the first `times` requests with `status` (default 502, which HubSpot documents for overload), then lets them through. */
export function hubspotServerError(options: HubSpotFailureOptions & { readonly status?: number } = {}): HttpHandler {
  let left = options.times ?? 1;
  return http.all(`${options.baseUrl ?? HUBSPOT_MOCK_ORIGIN}${options.path ?? '/crm/*'}`, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return hubspotError(options.status ?? 502, 'INTERNAL_ERROR', 'Bad Gateway');
  });
}

/**
 * Failure mode "schema drift": every object gains top-level fields and properties cskit does not know
 * (they must be ignored), and, with `remove`, one object loses a field HubSpot always sends (it must
 * be reported by its id).
 */
export function driftHubSpotSchema(
  account: HubSpotMockAccount,
  options: {
    readonly remove?: { readonly objectType: 'companies' | 'deals'; readonly id: string; readonly field: string };
  } = {},
): void {
  for (const object of [...account.companies, ...account.deals]) {
    object['propertiesWithHistory'] = { name: [] };
    object['url'] = `https://app.hubspot.com/contacts/42/record/0-2/${object.id}`;
    object['objectWriteTraceId'] = null;
    object.properties = { ...object.properties, hs_ai_summary: 'Mentions "renewal", <script>alert(1)</script>' };
  }
  const target = options.remove;
  if (target === undefined) return;
  const list = target.objectType === 'companies' ? account.companies : account.deals;
  const found = list.find((object) => object.id === target.id);
  if (found === undefined) throw new Error(`no ${target.objectType} ${target.id} in the mock account`);
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the fixture removes a field by name
  delete found[target.field];
}
