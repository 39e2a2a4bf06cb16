import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTicketsCsv } from '../csv/index.js';
import {
  demoZendeskAccount,
  driftZendeskSchema,
  generatedZendeskAccount,
  indexTicketLate,
  updateTicketDuringSync,
  ZENDESK_MOCK_ORIGIN,
  zendeskHandlers,
  zendeskMockTicket,
  zendeskRateLimited,
  zendeskServerError,
  type ZendeskMockAccount,
} from '../mocks/index.js';
import { SourceAuthError } from '../sync/source-auth-error.js';
import { expectResumesAfterAbort } from '../test-support/resume-after-abort.js';
import { syncZendesk, type SyncZendeskOptions, type ZendeskSyncProgress } from './sync-zendesk.js';

const server = setupServer();
let account: ZendeskMockAccount;
let out: string;
/** The query of every export request, in order. */
let requests: URLSearchParams[];

const EXPORT = `${ZENDESK_MOCK_ORIGIN}/api/v2/incremental/tickets/cursor.json`;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  account = demoZendeskAccount();
  requests = [];
  server.resetHandlers(
    http.get(EXPORT, ({ request }) => {
      requests.push(new URL(request.url).searchParams);
    }),
    ...zendeskHandlers(account),
  );
  out = await mkdtemp(join(tmpdir(), 'cskit-zendesk-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

function sync(options: Partial<SyncZendeskOptions> = {}) {
  return syncZendesk({
    subdomain: 'unused',
    baseUrl: ZENDESK_MOCK_ORIGIN,
    email: account.email,
    apiToken: account.apiToken,
    out,
    retry: { initialDelayMs: 5 },
    ...options,
  });
}

async function ticketsFile(dir = out): Promise<string> {
  return readFile(join(dir, 'tickets.csv'), 'utf8');
}

/** The synced tickets, read back through the CSV connector as `cskit report` reads them. */
async function readBack(dir = out) {
  return (await readTicketsCsv(await ticketsFile(dir), { source: 'tickets.csv' })).records;
}

describe('syncZendesk on the demo account', () => {
  it('maps each ticket with its metric set: first reply, solved, priority, satisfaction', async () => {
    const result = await sync();
    expect(result).toMatchObject({ tickets: 6, resumed: false, incremental: false });
    // First reply = created_at + reply_time_in_minutes.calendar (09:00 + 30 min); resolved_at = solved_at
    // while solved or closed (ticket 6 is pending); good → 5, bad → 1, "offered" is no answer;
    // ticket 7 is deleted and leaves; ticket 5 has no organization.
    expect(await ticketsFile()).toBe(
      [
        'ticket_id,customer_id,created_at,first_response_at,resolved_at,priority,satisfaction,updated_at',
        '1,101,2024-01-03T09:00:00Z,2024-01-03T09:30:00Z,2024-01-03T13:00:00Z,high,5,2024-01-04T10:00:00Z',
        '2,101,2024-01-10T12:00:00Z,2024-01-10T13:30:00Z,2024-01-11T12:00:00Z,normal,1,2024-01-12T09:00:00Z',
        '3,102,2024-01-20T08:00:00Z,2024-01-20T08:10:00Z,2024-01-20T10:00:00Z,urgent,1,2024-01-24T08:00:00Z',
        '4,102,2024-02-02T15:00:00Z,2024-02-02T19:00:00Z,2024-02-03T15:00:00Z,normal,,2024-02-04T15:00:00Z',
        '5,,2024-02-14T11:00:00Z,,,,,2024-02-14T11:00:00Z',
        '6,103,2024-02-20T10:00:00Z,2024-02-20T11:00:00Z,,low,,2024-02-21T10:00:00Z',
        '',
      ].join('\n'),
    );
    expect((await readBack()).map((ticket) => ticket.ticketId)).toEqual(['1', '2', '3', '4', '5', '6']);
    // One request: start_time 0, 1000 per page, metrics side-loaded.
    expect(requests.map((query) => Object.fromEntries(query))).toEqual([
      { start_time: '0', per_page: '1000', include: 'metric_sets' },
    ]);
  });

  it('writes a state file without the email or the token', async () => {
    const result = await sync();
    const state = await readFile(result.statePath, 'utf8');
    expect(JSON.parse(state)).toMatchObject({ source: 'zendesk', status: 'complete' });
    expect(state).not.toContain(account.apiToken);
    expect(state).not.toContain(account.email);
  });

  it('pages the export with after_cursor until end_of_stream', async () => {
    account = generatedZendeskAccount({ tickets: 2500 });
    server.resetHandlers(...zendeskHandlers(account));
    const pages: number[] = [];
    const result = await sync({
      onProgress: (event) =>
        event.type === 'page' && event.entity === 'tickets' ? pages.push(event.objects) : undefined,
    });
    expect(pages).toEqual([1000, 1000, 500]);
    expect(result.tickets).toBe(2500);
    expect((await readBack()).length).toBe(2500);
  });
});

describe('syncZendesk: the export repeats tickets, and later runs', () => {
  it('keeps the latest version of a ticket updated during the sync (it comes twice)', async () => {
    // Pages of 2 in update order: [1, 2], [3, 7], [4, 5], [6]. After page 1, ticket 1 gets a new
    // priority and updated_at, so the same export lists it again, last.
    updateTicketDuringSync(account, {
      afterPage: 1,
      ticketId: 1,
      updatedAt: '2024-03-30T12:00:00Z',
      changes: { priority: 'urgent' },
    });
    const versions: number[] = [];
    await sync({
      pageSize: 2,
      onProgress: (e) => (e.type === 'page' && e.entity === 'tickets' ? versions.push(e.records) : undefined),
    });
    // 7 tickets listed + ticket 1 once more = 8 versions committed.
    expect(versions.at(-1)).toBe(8);
    const tickets = await readBack();
    expect(tickets.filter((ticket) => ticket.ticketId === '1')).toEqual([
      expect.objectContaining({ ticketId: '1', priority: 'urgent' }),
    ]);
    expect(tickets).toHaveLength(6);
  });

  it('goes on from the last run with a lookback, picking up changed, new and deleted tickets', async () => {
    await sync();
    // Since: ticket 6 solved, ticket 2 deleted, ticket 8 created.
    account.now = '2024-04-10T00:00:00Z';
    const six = account.tickets.find((entry) => entry.ticket.id === 6);
    const two = account.tickets.find((entry) => entry.ticket.id === 2);
    if (six === undefined || two === undefined) throw new Error('the demo account lost a ticket');
    six.ticket = { ...six.ticket, status: 'solved', updated_at: '2024-04-02T09:00:00Z' };
    six.metricSet = { ...six.metricSet, solved_at: '2024-04-02T09:00:00Z' };
    two.ticket = { ...two.ticket, status: 'deleted', updated_at: '2024-04-03T09:00:00Z' };
    account.tickets.push(
      zendeskMockTicket({
        id: 8,
        organizationId: 103,
        createdAt: '2024-04-05T08:00:00Z',
        updatedAt: '2024-04-05T08:00:00Z',
        replyMinutes: 15,
      }),
    );
    requests = [];
    const events: ZendeskSyncProgress[] = [];
    const result = await sync({ onProgress: (e) => events.push(e) });
    expect(events[0]).toEqual({ type: 'start', resumed: false, incremental: true });
    // The latest updated_at seen was ticket 6's, 2024-02-21T10:00:00Z = 1708509600; less the default
    // lookback of 3600 s: 1708506000.
    expect(requests.map((query) => query.get('start_time'))).toEqual(['1708506000']);
    expect(result.tickets).toBe(6);
    const tickets = await readBack();
    expect(tickets.map((ticket) => ticket.ticketId)).toEqual(['1', '3', '4', '5', '6', '8']);
    expect(tickets.find((ticket) => ticket.ticketId === '6')?.resolvedAt).toBe(Date.parse('2024-04-02T09:00:00Z'));
    expect(tickets.find((ticket) => ticket.ticketId === '8')?.firstResponseAt).toBe(Date.parse('2024-04-05T08:15:00Z'));
  });

  it('finds a ticket indexed late behind the cursor, thanks to the lookback (and misses it without)', async () => {
    await sync();
    const second = join(out, 'no-lookback');
    await sync({ out: second });
    // Ticket 5 is solved at 09:30, before ticket 6's 10:00 that both syncs saw last, but enters the
    // export only on 2024-04-05.
    indexTicketLate(account, {
      ticketId: 5,
      updatedAt: '2024-02-21T09:30:00Z',
      listedFrom: '2024-04-05T00:00:00Z',
      changes: { status: 'solved', priority: 'high' },
    });
    account.now = '2024-04-10T00:00:00Z';
    await sync();
    await sync({ out: second, lookbackSeconds: 0 });
    expect((await readBack()).find((ticket) => ticket.ticketId === '5')?.priority).toBe('high');
    expect((await readBack(second)).find((ticket) => ticket.ticketId === '5')?.priority).toBeUndefined();
  });

  it('resumes after an abort and writes what an uninterrupted sync writes', async () => {
    account = generatedZendeskAccount({ tickets: 300 });
    server.resetHandlers(...zendeskHandlers(account));
    await expectResumesAfterAbort<ZendeskSyncProgress>((options) => sync({ ...options, pageSize: 40 }), {
      whole: join(out, 'whole'),
      resumed: join(out, 'resumed'),
      stopAfterPages: [1, 4, 7],
      files: ['tickets.csv', 'csat.csv', 'zendesk-sync-state.json'],
      firstEvent: { type: 'start', resumed: true, incremental: false },
    });
  });
});

describe('syncZendesk when the API fails', () => {
  it('waits as long as Retry-After says after a 429, then goes on', async () => {
    const times: number[] = [];
    server.use(
      http.get(EXPORT, () => {
        times.push(Date.now());
      }),
      zendeskRateLimited({ retryAfterSeconds: 1 }),
    );
    const events: ZendeskSyncProgress[] = [];
    await sync({ onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      { type: 'retry', attempt: 1, reason: 'HTTP 429 (rate limited)', waitMs: 1000 },
    ]);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
    expect(await readBack()).toHaveLength(6);
  });

  it('retries 5xx with backoff and gives up after maxRetries', async () => {
    server.use(zendeskServerError({ times: 2, status: 502 }));
    const events: ZendeskSyncProgress[] = [];
    await sync({ onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.reason)).toEqual([
      'HTTP 502',
      'HTTP 502',
    ]);

    server.use(zendeskServerError({ times: 3 }));
    await expect(sync({ out: join(out, 'again'), retry: { initialDelayMs: 5, maxRetries: 2 } })).rejects.toMatchObject({
      name: 'ZendeskHttpError',
      status: 503,
    });
  });

  it('gets through a 429 storm (every other request) with every ticket, and resumes after one that outlasts its retries', async () => {
    account = generatedZendeskAccount({ tickets: 60 });
    server.resetHandlers(...zendeskHandlers(account));
    const clean = join(out, 'clean');
    await sync({ out: clean, pageSize: 10 });

    server.use(zendeskRateLimited({ every: 2, retryAfterSeconds: 0 }));
    const events: ZendeskSyncProgress[] = [];
    const stormy = join(out, 'stormy');
    await sync({ out: stormy, pageSize: 10, onProgress: (e) => events.push(e) });
    const retries = events.filter((e) => e.type === 'retry');
    // Each request answered 429 is retried once, and the retry (the next request) goes through.
    expect(retries.length).toBeGreaterThanOrEqual(6);
    expect(retries.every((e) => e.type === 'retry' && e.attempt === 1 && e.reason === 'HTTP 429 (rate limited)')).toBe(
      true,
    );

    // Past the tickets, the ratings fail 4 times in a row: more than 2 retries can wait out.
    server.resetHandlers(
      zendeskRateLimited({ path: '/api/v2/satisfaction_ratings', times: 4, retryAfterSeconds: 0 }),
      ...zendeskHandlers(account),
    );
    const resumed = join(out, 'resumed');
    await expect(
      sync({ out: resumed, pageSize: 10, retry: { initialDelayMs: 1, maxRetries: 2 } }),
    ).rejects.toMatchObject({
      name: 'ZendeskHttpError',
      status: 429,
    });
    const after: ZendeskSyncProgress[] = [];
    await sync({ out: resumed, pageSize: 10, onProgress: (e) => after.push(e) });
    expect(after[0]).toEqual({ type: 'start', resumed: true, incremental: false });
    for (const file of ['tickets.csv', 'csat.csv']) {
      const expected = await readFile(join(clean, file), 'utf8');
      expect(await readFile(join(stormy, file), 'utf8')).toBe(expected);
      expect(await readFile(join(resumed, file), 'utf8')).toBe(expected);
    }
  });

  it('stops on a 401 without quoting the token, and writes nothing', async () => {
    const token = 'not-the-right-token-9876';
    const error: unknown = await sync({ apiToken: token }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect(error).toMatchObject({ status: 401 });
    expect(String((error as Error).message)).not.toContain('9876');
    expect(await readdir(out)).toEqual([]);
  });

  it('stops on a 403 for a user who may not export', async () => {
    await expect(sync({ email: account.endUserEmail ?? '' })).rejects.toMatchObject({
      name: 'SourceAuthError',
      status: 403,
    });
  });
});

describe('syncZendesk on schema drift and bad records', () => {
  it('ignores fields it does not know', async () => {
    await sync();
    const before = await ticketsFile();
    driftZendeskSchema(account);
    const drifted = join(out, 'drifted');
    await sync({ out: drifted });
    expect(await ticketsFile(drifted)).toBe(before);
  });

  it('names a ticket that lost a field Zendesk always sends, and writes nothing', async () => {
    driftZendeskSchema(account, { remove: { ticketId: 3, field: 'created_at' } });
    const error: unknown = await sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CskitValidationError);
    expect((error as CskitValidationError).issues).toEqual([
      {
        source: 'zendesk',
        id: '3',
        field: 'created_at',
        value: '',
        reason: 'the ticket has no created_at: Zendesk always sends it',
      },
    ]);
    expect(await readdir(out)).toEqual([]);
  });

  it('names a ticket core rejects by ticket id and field', async () => {
    const four = account.tickets.find((entry) => entry.ticket.id === 4);
    if (four === undefined) throw new Error('the demo account lost ticket 4');
    four.metricSet = { ...four.metricSet, solved_at: '2024-02-01T00:00:00Z' };
    const error: unknown = await sync().catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'tickets.csv id 4, field resolved_at, value "2024-02-01T00:00:00Z": resolved_at is before created_at',
    );
  });
});

describe('syncZendesk: CSAT from satisfaction ratings', () => {
  it('writes csat.csv: received ratings only, good → 5, bad → 1, dated in the time zone, with the ticket’s organization', async () => {
    // Ratings (dated at the tickets' solved_at): 1 good 2024-01-03T13:00Z, 2 bad 2024-01-11T12:00Z,
    // 3 bad 2024-01-20T10:00Z; ticket 5's "offered" is no answer. In Auckland (UTC+13 in summer)
    // 13:00Z is 02:00 the next day, 12:00Z 01:00 the next day, 10:00Z 23:00 the same day.
    const result = await sync({ timeZone: 'Pacific/Auckland' });
    expect(result.csatResponses).toBe(3);
    expect(await readFile(join(out, 'csat.csv'), 'utf8')).toBe(
      [
        'date,score,customer_id,ticket_id,rating_id',
        '2024-01-04,5,101,1,7000001',
        '2024-01-12,1,101,2,7000002',
        '2024-01-20,1,102,3,7000003',
        '',
      ].join('\n'),
    );
  });

  it('pages the ratings with page[after] and lists them whole on a later run', async () => {
    account = generatedZendeskAccount({ tickets: 600 });
    server.resetHandlers(...zendeskHandlers(account));
    const pages: number[] = [];
    const first = await sync({
      onProgress: (e) => (e.type === 'page' && e.entity === 'ratings' ? pages.push(e.objects) : undefined),
    });
    const rated = account.tickets.filter((entry) =>
      ['good', 'bad'].includes(String((entry.ticket['satisfaction_rating'] as { score?: string } | null)?.score)),
    ).length;
    expect(first.csatResponses).toBe(rated);
    expect(rated).toBeGreaterThan(100);
    // 100 per page: full pages, then the rest.
    expect(pages).toEqual([...Array.from({ length: Math.floor(rated / 100) }, () => 100), rated % 100]);
    const again = await sync();
    expect(again).toMatchObject({ incremental: true, csatResponses: rated });
  });

  it('names a rating that lost a field Zendesk always sends', async () => {
    server.use(
      http.get(`${ZENDESK_MOCK_ORIGIN}/api/v2/satisfaction_ratings`, () =>
        Response.json({ satisfaction_ratings: [{ id: 9, ticket_id: 1, score: 'good' }], meta: { has_more: false } }),
      ),
    );
    await expect(sync()).rejects.toThrow(
      'zendesk id rating 9, field created_at, value "": the rating has no created_at timestamp: Zendesk always sends it',
    );
  });
});
