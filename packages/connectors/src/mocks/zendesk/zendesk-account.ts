import {
  zendeskMetricSet,
  zendeskTicket,
  type ZendeskMetricSetObject,
  type ZendeskTicketInput,
  type ZendeskTicketObject,
} from './zendesk-objects.js';

/** One ticket of the mock: its current version, its metrics, and when the export starts listing it. */
export interface ZendeskMockTicket {
  ticket: ZendeskTicketObject;
  metricSet: ZendeskMetricSetObject;
  /**
   * Server time (ISO 8601) from which the export lists this version; default its `updated_at`. A later
   * time than `updated_at` is a ticket indexed late: it enters the export behind tickets with a later
   * `updated_at` (the cursor's edge).
   */
  listedFrom?: string;
  /**
   * When the requester rated the ticket (its satisfaction rating's `created_at`); default the metric
   * set's `solved_at`, else the ticket's `updated_at`.
   */
  ratedAt?: string;
}

/**
 * What the Zendesk mock serves: one account's tickets, the credentials it accepts, and the server's
 * clock. Handlers read it on every request, so a test may change it between two syncs (solve a ticket,
 * move the clock) or during one (`onPageServed`).
 */
export interface ZendeskMockAccount {
  /** The agent's email; requests authenticate as `{email}/token:{apiToken}`. */
  email: string;
  apiToken: string;
  /** An end user's email: valid with the token, but not allowed to export (403). */
  endUserEmail?: string;
  /** The server's clock (ISO 8601): the export leaves out what changed in the minute before it. */
  now: string;
  tickets: ZendeskMockTicket[];
  /** Called after each export page is answered, with the number of pages answered so far. */
  onPageServed?: (pages: number) => void;
}

/** The credentials of the demo accounts. Not a real token. */
export const ZENDESK_MOCK_EMAIL = 'agent@example.com';
export const ZENDESK_MOCK_API_TOKEN = 'cskit-mock-zendesk-token-4242';

/** A ticket of the mock from one description of it and its metrics. */
export function zendeskMockTicket(
  input: ZendeskTicketInput & { readonly replyMinutes?: number | null; readonly solvedAt?: string | null },
): ZendeskMockTicket {
  return {
    ticket: zendeskTicket(input),
    metricSet: zendeskMetricSet({
      ticketId: input.id,
      createdAt: input.createdAt,
      replyMinutes: input.replyMinutes ?? null,
      solvedAt: input.solvedAt ?? null,
    }),
  };
}

/**
 * A small hand-made account whose ticket statistics are computed by hand in the tests and in
 * docs/connectors.md (server clock 2024-04-01T00:00:00Z):
 *
 * | id | organization | created (UTC) | first reply | solved | priority | rating |
 * |---|---|---|---|---|---|---|
 * | 1 | 101 | 2024-01-03 09:00 | 30 min | 2024-01-03 13:00 (4 h) | high | good |
 * | 2 | 101 | 2024-01-10 12:00 | 90 min | 2024-01-11 12:00 (24 h) | normal | bad |
 * | 3 | 102 | 2024-01-20 08:00 | 10 min | 2024-01-20 10:00 (2 h), closed | urgent | bad |
 * | 4 | 102 | 2024-02-02 15:00 | 240 min | 2024-02-03 15:00 (24 h) | normal | — |
 * | 5 | — | 2024-02-14 11:00 | — | open | — | offered |
 * | 6 | 103 | 2024-02-20 10:00 | 60 min | pending | low | — |
 * | 7 | 101 | 2024-01-25 10:00 | deleted | | | |
 */
export function demoZendeskAccount(): ZendeskMockAccount {
  return {
    email: ZENDESK_MOCK_EMAIL,
    apiToken: ZENDESK_MOCK_API_TOKEN,
    endUserEmail: 'customer@example.org',
    now: '2024-04-01T00:00:00Z',
    tickets: [
      zendeskMockTicket({
        id: 1,
        organizationId: 101,
        createdAt: '2024-01-03T09:00:00Z',
        updatedAt: '2024-01-04T10:00:00Z',
        status: 'solved',
        priority: 'high',
        satisfaction: 'good',
        replyMinutes: 30,
        solvedAt: '2024-01-03T13:00:00Z',
        subject: 'Invoice shows the wrong VAT, "urgent", <b>please</b>',
      }),
      zendeskMockTicket({
        id: 2,
        organizationId: 101,
        createdAt: '2024-01-10T12:00:00Z',
        updatedAt: '2024-01-12T09:00:00Z',
        status: 'solved',
        priority: 'normal',
        satisfaction: 'bad',
        replyMinutes: 90,
        solvedAt: '2024-01-11T12:00:00Z',
      }),
      zendeskMockTicket({
        id: 3,
        organizationId: 102,
        createdAt: '2024-01-20T08:00:00Z',
        updatedAt: '2024-01-24T08:00:00Z',
        status: 'closed',
        priority: 'urgent',
        satisfaction: 'bad',
        replyMinutes: 10,
        solvedAt: '2024-01-20T10:00:00Z',
      }),
      zendeskMockTicket({
        id: 7,
        organizationId: 101,
        createdAt: '2024-01-25T10:00:00Z',
        updatedAt: '2024-01-26T10:00:00Z',
        status: 'deleted',
      }),
      zendeskMockTicket({
        id: 4,
        organizationId: 102,
        createdAt: '2024-02-02T15:00:00Z',
        updatedAt: '2024-02-04T15:00:00Z',
        status: 'solved',
        priority: 'normal',
        replyMinutes: 240,
        solvedAt: '2024-02-03T15:00:00Z',
      }),
      zendeskMockTicket({
        id: 5,
        createdAt: '2024-02-14T11:00:00Z',
        updatedAt: '2024-02-14T11:00:00Z',
        status: 'open',
        satisfaction: 'offered',
      }),
      zendeskMockTicket({
        id: 6,
        organizationId: 103,
        createdAt: '2024-02-20T10:00:00Z',
        updatedAt: '2024-02-21T10:00:00Z',
        status: 'pending',
        priority: 'low',
        replyMinutes: 60,
      }),
    ],
  };
}

/** Options of {@link generatedZendeskAccount}. */
export interface GeneratedZendeskAccountOptions {
  /** Tickets (default 2500). */
  readonly tickets?: number;
  /** Seed of the deterministic generator (default 12). */
  readonly seed?: number;
}

const PRIORITIES = ['urgent', 'high', 'normal', 'normal', 'low', null] as const;
const RATINGS = ['good', 'good', 'bad', 'offered', null, null] as const;

/**
 * A larger account for paging and interruption tests: tickets created through 2024 by 40 organizations,
 * most answered and solved, some rated; the same options always give the same account.
 */
export function generatedZendeskAccount(options: GeneratedZendeskAccountOptions = {}): ZendeskMockAccount {
  const count = options.tickets ?? 2500;
  let state = (options.seed ?? 12) >>> 0 || 1;
  const next = (n: number): number => {
    // xorshift32: small, deterministic, good enough for fixtures.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % n;
  };
  const start = Date.parse('2024-01-01T00:00:00Z');
  const tickets: ZendeskMockTicket[] = [];
  for (let id = 1; id <= count; id++) {
    const created = start + next(300 * 24 * 60) * 60_000;
    const replyMinutes = next(10) === 0 ? null : 1 + next(600);
    const solved = replyMinutes !== null && next(4) !== 0 ? created + (replyMinutes + next(3000)) * 60_000 : null;
    const updated = (solved ?? created) + next(600) * 60_000;
    tickets.push(
      zendeskMockTicket({
        id,
        organizationId: 1000 + next(40),
        createdAt: iso(created),
        updatedAt: iso(updated),
        status: solved === null ? (replyMinutes === null ? 'new' : 'open') : 'solved',
        priority: PRIORITIES[next(PRIORITIES.length)] ?? null,
        satisfaction: solved === null ? null : (RATINGS[next(RATINGS.length)] ?? null),
        replyMinutes,
        solvedAt: solved === null ? null : iso(solved),
      }),
    );
  }
  return {
    email: ZENDESK_MOCK_EMAIL,
    apiToken: ZENDESK_MOCK_API_TOKEN,
    now: '2025-01-01T00:00:00Z',
    tickets,
  };
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
