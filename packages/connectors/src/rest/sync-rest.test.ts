import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { linkNext } from './rest-pages.js';
import { parseRestMapping, type RestMappingSpec, type RestPagination } from './rest-mapping.js';
import { syncRest, type SyncRestOptions } from './sync-rest.js';

/** A made-up ticketing API: 23 tickets, served with whichever pagination a test asks for. */
const ORIGIN = 'https://api.helpdesk.test';
const TOKEN = 'hd_secret_token_987';
const TICKETS = Array.from({ length: 23 }, (_, i) => ({
  id: 1000 + i,
  opened: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
  org: { ref: `cus_${i % 5}` },
  level: i % 3 === 0 ? 'high' : 'normal',
}));
const PAGE = 5;

const server = setupServer();
let out: string;
let requests: URL[];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  requests = [];
  server.resetHandlers(
    http.get(`${ORIGIN}/v1/tickets`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      if (request.headers.get('x-api-key') !== TOKEN) return HttpResponse.json({ error: 'nope' }, { status: 403 });
      const at = Number(url.searchParams.get('offset') ?? url.searchParams.get('page') ?? '0');
      const start = url.searchParams.has('page') ? (at - 1) * PAGE : at;
      const page = TICKETS.slice(start, start + PAGE);
      const more = start + PAGE < TICKETS.length;
      const next = new URL(url);
      next.searchParams.set('offset', String(start + PAGE));
      return HttpResponse.json(
        { results: page, paging: { after: more ? String(start + PAGE) : null, next: more ? next.href : null } },
        { headers: more ? { link: `<${next.href}>; rel="next", <${ORIGIN}/v1/tickets>; rel="first"` } : {} },
      );
    }),
  );
  out = await mkdtemp(join(tmpdir(), 'cskit-rest-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

function spec(pagination: RestPagination): RestMappingSpec {
  return {
    version: 1,
    entity: 'tickets',
    request: { url: `${ORIGIN}/v1/tickets`, auth: { env: 'HELPDESK_KEY', header: 'X-Api-Key', scheme: 'raw' } },
    records: 'results',
    id: 'id',
    fields: {
      created_at: { path: 'opened', transform: 'timestamp' },
      customer_id: 'org.ref',
      priority: 'level',
    },
    pagination,
  };
}

function sync(pagination: RestPagination, options: Partial<SyncRestOptions> = {}) {
  return syncRest({ mapping: parseRestMapping(spec(pagination)), secret: TOKEN, out, source: 'helpdesk', ...options });
}

const EXPECTED_FIRST_LINES = [
  'ticket_id,customer_id,created_at,first_response_at,resolved_at,priority,satisfaction,handle_minutes',
  '1000,cus_0,2024-02-01T09:00:00Z,,,high,,',
  '1001,cus_1,2024-02-02T09:00:00Z,,,normal,,',
];

describe('syncRest', () => {
  for (const pagination of [
    { type: 'cursor', cursor: 'paging.after', param: 'offset' },
    { type: 'page', param: 'page', size: PAGE },
    { type: 'link' },
    { type: 'next-url', next: 'paging.next' },
  ] satisfies RestPagination[]) {
    it(`pages by ${pagination.type} through all 23 records into tickets.csv`, async () => {
      const result = await sync(pagination);
      expect(result).toMatchObject({ records: 23, pages: 5, duplicates: 0 });
      const lines = (await readFile(join(out, 'tickets.csv'), 'utf8')).split('\n');
      expect(lines.slice(0, 3)).toEqual(EXPECTED_FIRST_LINES);
      expect(lines).toHaveLength(25);
      expect(requests).toHaveLength(5);
    });
  }

  it('resumes after the last committed page when stopped, and ends with the same file', async () => {
    await sync({ type: 'cursor', cursor: 'paging.after', param: 'offset' });
    const whole = await readFile(join(out, 'tickets.csv'), 'utf8');
    const other = join(out, 'stopped');
    const stop = new AbortController();
    let pages = 0;
    const stopped = await sync(
      { type: 'cursor', cursor: 'paging.after', param: 'offset' },
      {
        out: other,
        signal: stop.signal,
        onProgress: (event) => {
          if (event.type === 'page' && ++pages === 2) stop.abort(new Error('stopped'));
        },
      },
    ).catch((e: unknown) => e);
    expect(stopped).toEqual(new Error('stopped'));
    requests = [];
    const resumed = await sync({ type: 'cursor', cursor: 'paging.after', param: 'offset' }, { out: other });
    expect(resumed.resumed).toBe(true);
    // Pages 3 to 5 only.
    expect(requests.map((url) => url.searchParams.get('offset'))).toEqual(['10', '15', '20']);
    expect(await readFile(join(other, 'tickets.csv'), 'utf8')).toBe(whole);
    const state = await readFile(join(other, 'helpdesk-sync-state.json'), 'utf8');
    expect(state).not.toContain(TOKEN);
  });

  it('sends the credential nowhere but the configured origin', async () => {
    server.use(
      http.get(`${ORIGIN}/v1/tickets`, () =>
        HttpResponse.json({ results: [TICKETS[0]], paging: { next: 'https://evil.test/v1/tickets?offset=5' } }),
      ),
    );
    await expect(sync({ type: 'next-url', next: 'paging.next' })).rejects.toThrow(
      "the next page's URL is on https://evil.test, not https://api.helpdesk.test: cskit sends the credential to the configured origin only",
    );
  });

  it('turns a refused credential into a SourceAuthError, writing nothing', async () => {
    const error: unknown = await sync({ type: 'none' }, { secret: 'wrong', label: 'Helpdesk' }).catch(
      (e: unknown) => e,
    );
    expect(error).toEqual(new SourceAuthError('Helpdesk', 403));
    expect(await readdir(out)).toEqual([]);
  });

  it('says where it expected the records when a response has none there', async () => {
    await expect(
      sync({ type: 'none' }, { mapping: parseRestMapping({ ...spec({ type: 'none' }), records: 'data' }) }),
    ).rejects.toThrow(
      'the REST source answered without a list of records at "data" (https://api.helpdesk.test/v1/tickets)',
    );
  });
});

describe('linkNext', () => {
  it('finds rel="next" among other links, quoted or not, and nothing without one', () => {
    expect(linkNext('<https://a.test/p?page=1>; rel="prev", <https://a.test/p?page=3>; rel="next"')).toBe(
      'https://a.test/p?page=3',
    );
    expect(linkNext('<https://a.test/x>; rel=next')).toBe('https://a.test/x');
    expect(linkNext('<https://a.test/x>; rel="last"')).toBeNull();
    expect(linkNext(null)).toBeNull();
  });
});
