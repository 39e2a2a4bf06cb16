import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket.js';
import { readTickets } from '../readers/tickets.js';
import type { ReportTickets } from '../report/report.js';
import { summariseTickets, supportByMonth, supportForPeriod, ticketsByMonth } from './ticket-statistics.js';

const at = (iso: string): number => Date.parse(iso);

function ticket(
  id: string,
  created: string,
  fields: Partial<Omit<Ticket, 'ticketId' | 'createdAt' | 'createdDate'>> & {
    response?: string;
    resolved?: string;
  } = {},
): Ticket {
  const { response, resolved, ...rest } = fields;
  return {
    ticketId: id,
    createdAt: at(created),
    createdDate: created.slice(0, 10),
    ...(response === undefined ? {} : { firstResponseAt: at(response) }),
    ...(resolved === undefined ? {} : { resolvedAt: at(resolved) }),
    ...rest,
  };
}

// January 2024, all in UTC:
//   T1 high:   response after 30 min, resolved after 4 h, handled 20 min, rated 5
//   T2 low:    response after 60 min, resolved after 24 h, handled 40 min, rated 2
//   T3 high:   response after 120 min, still open, no handle time
//   T4 urgent: no response, still open, handled 30 min
const january: Ticket[] = [
  ticket('T1', '2024-01-10T09:00:00Z', {
    priority: 'high',
    response: '2024-01-10T09:30:00Z',
    resolved: '2024-01-10T13:00:00Z',
    handleMinutes: 20,
    satisfaction: 5,
  }),
  ticket('T2', '2024-01-11T10:00:00Z', {
    priority: 'low',
    response: '2024-01-11T11:00:00Z',
    resolved: '2024-01-12T10:00:00Z',
    handleMinutes: 40,
    satisfaction: 2,
  }),
  ticket('T3', '2024-01-12T08:00:00Z', { priority: 'high', response: '2024-01-12T10:00:00Z' }),
  ticket('T4', '2024-01-20T00:00:00Z', { priority: 'urgent', handleMinutes: 30 }),
];

describe('summariseTickets', () => {
  it('gives median and p90 of the tickets that have the timestamps, the others counted open', () => {
    const result = summariseTickets(january);
    expect(result.created).toBe(4);
    // first response [30, 60, 120]: median h = 1 → 60; p90 h = 2 × 0.9 = 1.8 → 60 + 0.8 × 60 = 108
    expect(result.firstResponseMinutes.median).toBe(60);
    expect(result.firstResponseMinutes.p90).toBeCloseTo(108, 10);
    expect(result.firstResponseMinutes.measured).toBe(3);
    // resolution [4, 24]: median h = 0.5 → 4 + 0.5 × 20 = 14; p90 h = 0.9 → 4 + 0.9 × 20 = 22
    expect(result.resolutionHours).toEqual({ median: 14, p90: 22, measured: 2 });
    expect(result.open).toBe(2); // T3, T4
    expect(result.unanswered).toBe(1); // T4
    // AHT over the tickets with handle_minutes: (20 + 40 + 30) ÷ 3 = 30
    expect(result.averageHandleMinutes).toBe(30);
    expect(result.handled).toBe(3);
    // ratings 5, 2 → 1 of 2 satisfied
    expect(result.satisfaction).toBe(0.5);
  });

  it('has no SLA rate without targets', () => {
    const result = summariseTickets(january);
    expect(result.slaBreachRate).toBeNull();
    expect(result.sla).toEqual({ withTarget: 0, breached: 0, pending: 0 });
  });

  it('divides breaches by the tickets whose priority has a target', () => {
    // high 60 min: T1 (30) meets it, T3 (120) breaches; urgent 15 min: T4 has no response yet (pending,
    // not breached); low has no target → 1 breached ÷ 3 with a target
    const result = summariseTickets(january, { slaTargets: { high: 60, urgent: 15 } });
    expect(result.sla).toEqual({ withTarget: 3, breached: 1, pending: 1 });
    expect(result.slaBreachRate).toBe(1 / 3);
  });

  it('breaches an unanswered ticket once asOf is past its target, and not at the target exactly', () => {
    const targets = { high: 60, urgent: 15 };
    // T4 created 00:00, asOf 00:20 → waited 20 > 15 → breached: (T3 + T4) ÷ 3
    expect(summariseTickets(january, { slaTargets: targets, asOf: at('2024-01-20T00:20:00Z') }).slaBreachRate).toBe(
      2 / 3,
    );
    // asOf 00:15 → waited exactly 15, not exceeded → 1 ÷ 3
    expect(summariseTickets(january, { slaTargets: targets, asOf: at('2024-01-20T00:15:00Z') }).slaBreachRate).toBe(
      1 / 3,
    );
    // A response exactly at the target meets it: T1 answered after 30 with a 30 target
    expect(summariseTickets(january, { slaTargets: { high: 30 } }).sla).toEqual({
      withTarget: 2,
      breached: 1,
      pending: 0,
    });
  });

  it('gives created 0 and null statistics without tickets', () => {
    const result = summariseTickets([]);
    expect(result).toMatchObject({
      created: 0,
      firstResponseMinutes: { median: null, p90: null, measured: 0 },
      resolutionHours: { median: null, p90: null, measured: 0 },
      averageHandleMinutes: null,
      satisfaction: null,
    });
  });

  it('rejects negative durations and targets', () => {
    expect(() => summariseTickets([ticket('X', '2024-01-10T09:00:00Z', { response: '2024-01-10T08:00:00Z' })])).toThrow(
      /ticket X.*before creation/,
    );
    expect(() => summariseTickets([], { slaTargets: { high: -1 } })).toThrow(/high/);
  });
});

describe('ticketsByMonth', () => {
  it("gives exactly the report's tickets object per month", () => {
    const months: ReportTickets[] = ticketsByMonth(january, { from: '2023-12', to: '2024-01' });
    expect(months[0]).toEqual({
      created: 0,
      firstResponseMinutes: { median: null, p90: null },
      resolutionHours: { median: null, p90: null },
    });
    expect(Object.keys(months[1] ?? {})).toEqual(['created', 'firstResponseMinutes', 'resolutionHours']);
    expect(months[1]?.created).toBe(4);
    expect(months[1]?.resolutionHours).toEqual({ median: 14, p90: 22 });
  });

  it('gives a null statistic when no ticket of the month has its timestamp', () => {
    const open = [ticket('O1', '2024-01-05T10:00:00Z', { response: '2024-01-05T10:10:00Z' })];
    expect(ticketsByMonth(open, { from: '2024-01', to: '2024-01' })).toEqual([
      { created: 1, firstResponseMinutes: { median: 10, p90: 10 }, resolutionHours: { median: null, p90: null } },
    ]);
  });

  it('places tickets by their month in the reporting zone (Pacific/Auckland, UTC+13 in summer)', () => {
    const rows = [
      // 23:30 on 31 January in Auckland (10:30 UTC): January
      { ticket_id: 'A', created_at: '2024-01-31T23:30:00' },
      // 00:30 on 1 February in Auckland, given as an instant: 2024-01-31T11:30Z, January in UTC
      { ticket_id: 'B', created_at: '2024-01-31T11:30:00Z' },
      // 23:59 UTC on 31 December 2023 is 12:59 on 1 January in Auckland: January
      { ticket_id: 'C', created_at: '2023-12-31T23:59:00Z' },
    ];
    const inAuckland = readTickets(rows, { source: 'tickets.csv', timeZone: 'Pacific/Auckland' }).records;
    expect(inAuckland.map((t) => t.createdDate)).toEqual(['2024-01-31', '2024-02-01', '2024-01-01']);
    expect(ticketsByMonth(inAuckland, { from: '2023-12', to: '2024-02' }).map((m) => m.created)).toEqual([0, 2, 1]);

    // Read in UTC, then placed in Auckland by the option: the same months.
    const inUtc = readTickets(rows.slice(1), { source: 'tickets.csv' }).records;
    expect(inUtc.map((t) => t.createdDate)).toEqual(['2024-01-31', '2023-12-31']);
    expect(ticketsByMonth(inUtc, { from: '2023-12', to: '2024-02' }).map((m) => m.created)).toEqual([1, 1, 0]);
    expect(
      ticketsByMonth(inUtc, { from: '2023-12', to: '2024-02', timeZone: 'Pacific/Auckland' }).map((m) => m.created),
    ).toEqual([0, 1, 1]);
  });

  it('counts every ticket created in the range once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 365 * 24 * 60 }), { maxLength: 60 }), (minutes) => {
        const tickets = minutes.map((m, i) => {
          const created = Date.UTC(2024, 0, 1) + m * 60_000;
          return {
            ticketId: `t${i}`,
            createdAt: created,
            createdDate: new Date(created).toISOString().slice(0, 10),
            firstResponseAt: created + (m % 97) * 60_000,
          };
        });
        const months = ticketsByMonth(tickets, { from: '2024-01', to: '2024-12' });
        const inRange = tickets.filter((t) => t.createdDate < '2025-01-01').length;
        expect(months.reduce((sum, m) => sum + m.created, 0)).toBe(inRange);
        for (const m of months) {
          if (m.created > 0)
            expect(m.firstResponseMinutes.median as number).toBeLessThanOrEqual(m.firstResponseMinutes.p90 as number);
        }
      }),
    );
  });
});

describe('supportByMonth and supportForPeriod', () => {
  it('carry the richer fields per month and for a period', () => {
    const [month] = supportByMonth(january, { from: '2024-01', to: '2024-01', slaTargets: { high: 60 } });
    expect(month).toMatchObject({
      month: '2024-01',
      created: 4,
      open: 2,
      unanswered: 1,
      averageHandleMinutes: 30,
      slaBreachRate: 0.5,
    });
    // 10–12 January: T1, T2, T3
    expect(supportForPeriod(january, { period: { from: '2024-01-10', to: '2024-01-12' } })).toMatchObject({
      created: 3,
      open: 1,
    });
  });
});
