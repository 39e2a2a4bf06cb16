import { http, HttpResponse, type HttpHandler } from 'msw';
import type { HubSpotMockAccount } from './hubspot-account.js';
import type { HubSpotMockObject } from './hubspot-objects.js';

/** The origin the handlers answer on by default. */
export const HUBSPOT_MOCK_ORIGIN = 'https://api.hubapi.com';

/** Options of {@link hubspotHandlers}. */
export interface HubSpotHandlersOptions {
  /** The origin to answer on (default `https://api.hubapi.com`). */
  readonly baseUrl?: string;
  /** Largest page the list API returns, whatever `limit` asks for (default 100, HubSpot's maximum). */
  readonly maxPageSize?: number;
}

/** The list API's documented maximum `limit`, and its default. */
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;
/** The search API answers no result past the 10,000th. */
const SEARCH_CAP = 10_000;
/** Properties HubSpot returns whatever was asked. */
const ALWAYS = ['hs_object_id', 'createdate', 'hs_lastmodifieddate'];

/**
 * MSW handlers that answer like HubSpot's CRM v3 objects API for `account`:
 *
 * - `GET /crm/v3/objects/{companies|deals}`: the list API, in id order, `limit` 1–100 (default 10),
 *   paged with `after` (`paging.next.after` and `.link`; no `paging` on the last page; an unreadable
 *   `after` is a 400); `properties` (comma-separated or repeated) returns the asked properties (`null`
 *   where unset) plus `hs_object_id`, `createdate`, `hs_lastmodifieddate`; `associations=companies`
 *   adds a deal's `associations.companies.results` (`{ id, type }`, omitted when there are none);
 *   `archived=true` lists archived objects only;
 * - `POST /crm/v3/objects/{companies|deals}/search`: the search API with its 10,000-result cap (a 400
 *   for a page past it), counted in `account.searchRequests`;
 * - without `Authorization: Bearer <accessToken>` HubSpot's 401 (`category: INVALID_AUTHENTICATION`);
 *   `account.limitedToken` gets its 403 (`category: MISSING_SCOPES`).
 *
 * Rate limits and server errors are separate handlers (`hubspotRateLimited`, `hubspotServerError`) to
 * put in front of these.
 */
export function hubspotHandlers(account: HubSpotMockAccount, options: HubSpotHandlersOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? HUBSPOT_MOCK_ORIGIN;
  const objectsOf = (type: unknown): HubSpotMockObject[] | undefined =>
    type === 'companies' ? account.companies : type === 'deals' ? account.deals : undefined;
  return [
    http.get(`${base}/crm/v3/objects/:objectType`, ({ request, params }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const objects = objectsOf(params['objectType']);
      if (objects === undefined)
        return hubspotError(
          400,
          'VALIDATION_ERROR',
          `Unable to infer object type from: ${String(params['objectType'])}`,
        );
      const url = new URL(request.url);
      const limitText = url.searchParams.get('limit') ?? String(DEFAULT_LIMIT);
      const limit = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
      if (!(limit >= 1 && limit <= MAX_LIMIT)) {
        return hubspotError(400, 'VALIDATION_ERROR', `limit must be from 1 to ${MAX_LIMIT}`);
      }
      const afterText = url.searchParams.get('after');
      if (afterText !== null && !/^\d+$/.test(afterText)) {
        return hubspotError(400, 'VALIDATION_ERROR', `Invalid after: ${afterText}`);
      }
      const archived = url.searchParams.get('archived') === 'true';
      const listed = objects
        .filter((object) => object.archived === archived)
        .filter((object) => afterText === null || BigInt(object.id) >= BigInt(afterText))
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const page = listed.slice(0, Math.min(limit, options.maxPageSize ?? MAX_LIMIT));
      const nextObject = listed[page.length];
      const properties = listParameter(url, 'properties');
      const withCompanies = listParameter(url, 'associations').includes('companies');
      const next = new URL(url.pathname, url.origin);
      if (nextObject !== undefined) {
        for (const [name, value] of url.searchParams) if (name !== 'after') next.searchParams.append(name, value);
        next.searchParams.set('after', nextObject.id);
      }
      return HttpResponse.json({
        results: page.map((object) => shaped(object, properties, withCompanies)),
        ...(nextObject === undefined ? {} : { paging: { next: { after: nextObject.id, link: next.href } } }),
      });
    }),
    http.post(`${base}/crm/v3/objects/:objectType/search`, async ({ request, params }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      account.searchRequests += 1;
      const objects = objectsOf(params['objectType']);
      if (objects === undefined) return hubspotError(400, 'VALIDATION_ERROR', 'Unknown object type');
      const body = (await request.json().catch(() => ({}))) as {
        limit?: number;
        after?: string;
        properties?: string[];
      };
      const limit = Math.min(body.limit ?? DEFAULT_LIMIT, 200);
      const offset = Number(body.after ?? 0);
      if (!Number.isInteger(offset) || offset + limit > SEARCH_CAP) {
        return hubspotError(
          400,
          'VALIDATION_ERROR',
          `There was a problem with the request. Paging past ${SEARCH_CAP} results is not supported.`,
        );
      }
      const sorted = [...objects].filter((o) => !o.archived).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const page = sorted.slice(offset, offset + limit);
      const more = offset + page.length < sorted.length;
      return HttpResponse.json({
        total: sorted.length,
        results: page.map((object) => shaped(object, body.properties ?? [], false)),
        ...(more ? { paging: { next: { after: String(offset + page.length) } } } : {}),
      });
    }),
  ];
}

/** An object as the list API answers it: only the asked properties, associations only when asked. */
function shaped(
  object: HubSpotMockObject,
  properties: readonly string[],
  withCompanies: boolean,
): Record<string, unknown> {
  const { companies, properties: all, ...rest } = object;
  const picked: Record<string, string | null> = {};
  for (const name of [...ALWAYS, ...properties]) picked[name] = Object.hasOwn(all, name) ? (all[name] ?? null) : null;
  return {
    ...structuredClone(rest),
    ...(Object.hasOwn(object, 'properties') ? { properties: picked } : {}),
    ...(withCompanies && companies !== undefined && companies.length > 0
      ? { associations: { companies: { results: structuredClone(companies) } } }
      : {}),
  };
}

/** A query parameter given comma-separated (`a,b`) or repeated (`a&a`). */
function listParameter(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter((value) => value !== '');
}

/** A HubSpot error answer: `{ status: 'error', message, correlationId, category }` and what `extra` adds. */
export function hubspotError(
  status: number,
  category: string,
  message: string,
  extra: Readonly<Record<string, unknown>> = {},
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json(
    { status: 'error', message, correlationId: '0d5c7a3e-7f2b-4c5e-9a41-3c0d1f6b2e11', category, ...extra },
    { status, headers },
  );
}

function authorised(account: HubSpotMockAccount, request: Request): Response | undefined {
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (token === account.accessToken) return undefined;
  if (token !== '' && token === account.limitedToken) {
    return hubspotError(
      403,
      'MISSING_SCOPES',
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      {
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: ['crm.objects.companies.read'] },
          },
        ],
      },
    );
  }
  return hubspotError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );
}
