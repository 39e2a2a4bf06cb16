import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ZendeskMockAccount, ZendeskMockTicket } from './zendesk-account.js';

/** The origin of the handlers when none is given: a made-up account's. */
export const ZENDESK_MOCK_ORIGIN = 'https://cskit-demo.zendesk.com';

/** Options of {@link zendeskHandlers}. */
export interface ZendeskHandlersOptions {
  /** The origin requests go to (default `https://cskit-demo.zendesk.com`), e.g. a local server's `http://127.0.0.1:PORT`. */
  readonly baseUrl?: string;
  /**
   * Most tickets per page, whatever `per_page` asks (default 1000, Zendesk's maximum): lets a test page a
   * small account through the command line, which always asks for 1000.
   */
  readonly maxPageSize?: number;
}

/** The export's documented maximum (and default) page size. */
const MAX_PER_PAGE = 1000;
/** The export leaves out what changed in the minute before the request. */
const EXCLUDED_MS = 60_000;

/**
 * MSW handlers that answer like Zendesk's cursor-based incremental ticket export for `account`:
 *
 * - `GET /api/v2/incremental/tickets/cursor.json?start_time=<unix seconds>` starts an export of the
 *   tickets updated at or after `start_time` (inclusive), in `updated_at` order (then id);
 *   `?cursor=<after_cursor>` goes on after the last ticket of the previous page;
 * - pages of `per_page` tickets (1–1000, default 1000) with `after_cursor`, `after_url`,
 *   `before_cursor`, `before_url` and `end_of_stream`; deleted tickets are listed with status `deleted`
 *   (unless `exclude_deleted=true`); `include=metric_sets` side-loads the tickets' metric sets;
 * - tickets changed in the minute before the account's clock (`account.now`), and tickets indexed late
 *   (`listedFrom`), are not listed yet; a `start_time` less than a minute in the past, an unknown cursor
 *   or a bad `per_page` is a 400;
 * - a request without Basic `{email}/token:{apiToken}` credentials gets Zendesk's 401, the account's
 *   `endUserEmail` a 403.
 *
 * Rate limits and server errors are separate handlers (`zendeskRateLimited`, `zendeskServerError`) to
 * put in front of these.
 */
export function zendeskHandlers(account: ZendeskMockAccount, options: ZendeskHandlersOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? ZENDESK_MOCK_ORIGIN;
  let pagesServed = 0;
  return [
    http.get(`${base}/api/v2/incremental/tickets/cursor.json`, ({ request }) => {
      const refused = authorised(account, request);
      if (refused !== undefined) return refused;
      const url = new URL(request.url);
      const perPageText = url.searchParams.get('per_page') ?? String(MAX_PER_PAGE);
      const perPage = /^\d+$/.test(perPageText) ? Number(perPageText) : Number.NaN;
      if (!(perPage >= 1 && perPage <= MAX_PER_PAGE)) {
        return zendeskError(400, 'InvalidPaginationParameter', `per_page must be from 1 to ${MAX_PER_PAGE}`);
      }
      const now = Date.parse(account.now);
      let position: Position;
      const cursor = url.searchParams.get('cursor');
      const startText = url.searchParams.get('start_time');
      if (cursor !== null) {
        const decoded = decodeCursor(cursor);
        if (decoded === undefined) return zendeskError(400, 'InvalidPaginationParameter', 'Invalid cursor');
        position = decoded;
      } else if (startText !== null && /^\d+$/.test(startText)) {
        const start = Number(startText) * 1000;
        if (start > now - EXCLUDED_MS) {
          return zendeskError(400, 'InvalidValue', 'Too recent start_time. Use a start_time older than 1 minute');
        }
        // Inclusive: a ticket updated exactly at start_time is listed.
        position = { updatedMs: start, id: 0 };
      } else {
        return zendeskError(400, 'InvalidValue', 'start_time or cursor is required');
      }
      const excludeDeleted = url.searchParams.get('exclude_deleted') === 'true';
      const listed = account.tickets
        .filter((entry) => isListed(entry, now) && !(excludeDeleted && entry.ticket['status'] === 'deleted'))
        .map((entry) => ({ entry, at: { updatedMs: Date.parse(entry.ticket.updated_at), id: entry.ticket.id } }))
        .filter(({ at }) => after(at, position))
        .sort((a, b) => a.at.updatedMs - b.at.updatedMs || a.at.id - b.at.id);
      const page = listed.slice(0, Math.min(perPage, options.maxPageSize ?? MAX_PER_PAGE));
      const last = page.at(-1)?.at ?? position;
      const afterCursor = encodeCursor(last);
      const include = (url.searchParams.get('include') ?? '').split(',');
      const nextUrl = new URL(url.pathname, url.origin);
      nextUrl.searchParams.set('cursor', afterCursor);
      const body = {
        tickets: page.map(({ entry }) => structuredClone(entry.ticket)),
        ...(include.includes('metric_sets')
          ? { metric_sets: page.map(({ entry }) => structuredClone(entry.metricSet)) }
          : {}),
        after_url: nextUrl.href,
        after_cursor: afterCursor,
        before_url: null,
        before_cursor: null,
        end_of_stream: page.length === listed.length,
      };
      pagesServed += 1;
      account.onPageServed?.(pagesServed);
      return HttpResponse.json(body);
    }),
    ratingsHandler(account, base),
  ];
}

/** The scores `score=received` lists; without `score`, every rating is listed. */
const RECEIVED = new Set(['good', 'bad']);
/** Cursor pagination's maximum `page[size]` on the ratings endpoint. */
const MAX_RATINGS_PAGE = 100;

/**
 * `GET /api/v2/satisfaction_ratings`: the legacy CSAT ratings of the account's tickets (id = ticket id +
 * 7,000,000), oldest first, with cursor pagination (`page[size]` 1–100, default 100, `page[after]`;
 * `meta.has_more`, `meta.after_cursor`, `links.next`) and the `score` filter (`received`, `good`, `bad`,
 * `offered`, `unoffered`).
 */
function ratingsHandler(account: ZendeskMockAccount, base: string): HttpHandler {
  return http.get(`${base}/api/v2/satisfaction_ratings`, ({ request }) => {
    const refused = authorised(account, request);
    if (refused !== undefined) return refused;
    const url = new URL(request.url);
    const sizeText = url.searchParams.get('page[size]') ?? String(MAX_RATINGS_PAGE);
    const size = /^\d+$/.test(sizeText) ? Number(sizeText) : Number.NaN;
    if (!(size >= 1 && size <= MAX_RATINGS_PAGE)) {
      return zendeskError(400, 'InvalidPaginationParameter', `page[size] must be from 1 to ${MAX_RATINGS_PAGE}`);
    }
    const score = url.searchParams.get('score');
    const ratings = account.tickets
      .map((entry) => rating(entry))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .filter((r) => (score === null ? true : score === 'received' ? RECEIVED.has(r.score) : r.score === score))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
    const afterText = url.searchParams.get('page[after]');
    let start = 0;
    if (afterText !== null) {
      const afterId = Number(decodeBase64(afterText)?.replace(/^rating:/, '') ?? Number.NaN);
      const index = ratings.findIndex((r) => r.id === afterId);
      if (index < 0) return zendeskError(400, 'InvalidPaginationParameter', 'Invalid page[after] cursor');
      start = index + 1;
    }
    const page = ratings.slice(start, start + size);
    const last = page.at(-1);
    const hasMore = start + page.length < ratings.length;
    const afterCursor = last === undefined ? null : btoa(`rating:${last.id}`);
    const next = new URL(url.pathname, url.origin);
    if (afterCursor !== null) next.searchParams.set('page[after]', afterCursor);
    return HttpResponse.json({
      satisfaction_ratings: page,
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: null },
      links: { next: hasMore ? next.href : null, prev: null },
    });
  });
}

function rating(entry: ZendeskMockTicket) {
  const found = entry.ticket['satisfaction_rating'];
  const score = found !== null && typeof found === 'object' ? (found as { score?: unknown }).score : undefined;
  if (typeof score !== 'string' || entry.ticket['status'] === 'deleted') return undefined;
  const solvedAt = entry.metricSet['solved_at'];
  const createdAt = entry.ratedAt ?? (typeof solvedAt === 'string' ? solvedAt : entry.ticket.updated_at);
  return {
    url: `https://example.zendesk.com/api/v2/satisfaction_ratings/${entry.ticket.id + 7_000_000}.json`,
    id: entry.ticket.id + 7_000_000,
    assignee_id: entry.ticket['assignee_id'] ?? null,
    group_id: entry.ticket['group_id'] ?? null,
    requester_id: entry.ticket['requester_id'] ?? null,
    ticket_id: entry.ticket.id,
    score,
    created_at: createdAt,
    updated_at: createdAt,
    comment: null,
  };
}

/** A Zendesk error answer: `{ "error": …, "description": … }`. */
export function zendeskError(
  status: number,
  error: string,
  description?: string,
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json({ error, ...(description === undefined ? {} : { description }) }, { status, headers });
}

/** A place in the export's order: after the ticket `id` updated at `updatedMs`. */
interface Position {
  readonly updatedMs: number;
  readonly id: number;
}

function after(at: Position, position: Position): boolean {
  return at.updatedMs > position.updatedMs || (at.updatedMs === position.updatedMs && at.id > position.id);
}

function isListed(entry: ZendeskMockTicket, now: number): boolean {
  const listedFrom = Date.parse(entry.listedFrom ?? entry.ticket.updated_at);
  return Math.max(listedFrom, Date.parse(entry.ticket.updated_at)) <= now - EXCLUDED_MS;
}

/** Zendesk's cursors are opaque base64; this one holds `<seconds>.<ms>||<id>|`. */
function encodeCursor(position: Position): string {
  const seconds = Math.floor(position.updatedMs / 1000);
  return btoa(`${seconds}.${position.updatedMs % 1000}||${position.id}|`);
}

function decodeCursor(cursor: string): Position | undefined {
  const match = /^(\d+)\.(\d+)\|\|(\d+)\|$/.exec(decodeBase64(cursor) ?? '');
  if (match === null) return undefined;
  return { updatedMs: Number(match[1]) * 1000 + Number(match[2]), id: Number(match[3]) };
}

function authorised(account: ZendeskMockAccount, request: Request): Response | undefined {
  const header = request.headers.get('authorization') ?? '';
  const decoded = header.startsWith('Basic ') ? (decodeBase64(header.slice(6)) ?? '') : '';
  const [email = '', token = ''] = decoded.split('/token:');
  if (token === account.apiToken && email === account.email) return undefined;
  if (token === account.apiToken && email === account.endUserEmail) {
    return zendeskError(
      403,
      'Forbidden',
      'You do not have access to this page. Please contact the account owner of this help desk for further help.',
    );
  }
  return zendeskError(401, "Couldn't authenticate you");
}

/** `atob`, which browsers have too (the mocks run in Storybook's service worker); `undefined` for bad input. */
function decodeBase64(text: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
