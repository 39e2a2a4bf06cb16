import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthReport } from '../health/health-report.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import type { Ticket } from '../model/ticket.js';
import { slaStatus } from './sla-breach.js';
import { summariseTickets, supportByMonth, supportForPeriod } from './ticket-statistics.js';

const at = (iso: string): number => Date.parse(iso);
const ticket = (ticketId: string, created: string, priority: string, response?: string): Ticket => ({
  ticketId,
  customerId: 'A',
  createdAt: at(created),
  createdDate: created.slice(0, 10),
  priority,
  ...(response === undefined ? {} : { firstResponseAt: at(response) }),
});
const subscriptions: SubscriptionLine[] = [
  {
    customerId: 'A',
    startDate: '2024-01-01',
    amountMinor: 10000,
    currency: 'USD',
    interval: 'month',
    intervalCount: 1,
    quantity: 1,
    isTrial: false,
  },
];

// Customer A, targets high 60 minutes, all in UTC:
//   T1 created 2024-05-10 09:00, answered 09:30 → 30 ≤ 60: met
//   T2 created 2024-06-01 10:00, answered 10:45 → 45 ≤ 60: met
//   T3 created 2024-06-20 08:00, never answered → by the end of 2024-06-30 it waited days > 60: breached
const tickets = [
  ticket('T1', '2024-05-10T09:00:00Z', 'high', '2024-05-10T09:30:00Z'),
  ticket('T2', '2024-06-01T10:00:00Z', 'high', '2024-06-01T10:45:00Z'),
  ticket('T3', '2024-06-20T08:00:00Z', 'high'),
];
const targets = { high: 60 };

describe('one SLA rule (metrics.md §11)', () => {
  it('the health factor and supportForPeriod give the same rate on the same tickets', () => {
    // asOf 2024-06-30: the 90-day window is 2024-04-02 … 2024-06-30 and holds T1, T2, T3 → 1 breach ÷ 3
    const report = healthReport({ subscriptions, tickets }, { asOf: '2024-06-30', slaTargets: targets });
    const factor = report.customers[0]?.factors.find((f) => f.key === 'slaBreachRate');
    expect(factor?.raw).toBe(1 / 3);
    const period = supportForPeriod(tickets, { period: { from: '2024-04-02', to: '2024-06-30' }, slaTargets: targets });
    expect(period.sla).toEqual({ withTarget: 3, breached: 1, pending: 0 });
    expect(period.slaBreachRate).toBe(1 / 3);
    // and per month: June holds T2 (met) and T3 (breached by the end of June) → 1 ÷ 2
    const june = supportByMonth(tickets, { from: '2024-06', to: '2024-06', slaTargets: targets })[0];
    expect(june?.slaBreachRate).toBe(1 / 2);
  });

  it('judges a period as known at its end: a later response was not known yet', () => {
    // T4 created 2024-06-30 23:30, answered 2024-07-01 01:00 (90 minutes, late).
    // At the end of 30 June (midnight) it had waited 30 minutes ≤ 60: pending in June's figures and in
    // the health factor on 2024-06-30 alike.
    const late = [...tickets, ticket('T4', '2024-06-30T23:30:00Z', 'high', '2024-07-01T01:00:00Z')];
    const period = supportForPeriod(late, { period: { from: '2024-04-02', to: '2024-06-30' }, slaTargets: targets });
    expect(period.sla).toEqual({ withTarget: 4, breached: 1, pending: 1 });
    const report = healthReport({ subscriptions, tickets: late }, { asOf: '2024-06-30', slaTargets: targets });
    expect(report.customers[0]?.factors.find((f) => f.key === 'slaBreachRate')?.raw).toBe(1 / 4);
    // judged on 1 July at 02:00, the late response is known: breached (90 > 60) → 2 ÷ 4
    const later = supportForPeriod(late, {
      period: { from: '2024-04-02', to: '2024-06-30' },
      slaTargets: targets,
      asOf: at('2024-07-01T02:00:00Z'),
    });
    expect(later.sla).toEqual({ withTarget: 4, breached: 2, pending: 0 });
  });

  it('classifies one ticket: late response, unanswered past target, within target, exactly at target', () => {
    const created = '2024-01-01T00:00:00Z';
    expect(slaStatus(ticket('a', created, 'high', '2024-01-01T01:01:00Z'), 60, undefined)).toBe('breached');
    expect(slaStatus(ticket('b', created, 'high', '2024-01-01T01:00:00Z'), 60, undefined)).toBe('met');
    expect(slaStatus(ticket('c', created, 'high'), 60, undefined)).toBe('pending');
    expect(slaStatus(ticket('c', created, 'high'), 60, at('2024-01-01T01:00:00Z'))).toBe('pending');
    expect(slaStatus(ticket('c', created, 'high'), 60, at('2024-01-01T01:00:01Z'))).toBe('breached');
    // answered late after asOf, asOf still within target: not known yet
    expect(slaStatus(ticket('d', created, 'high', '2024-01-01T02:00:00Z'), 60, at('2024-01-01T00:30:00Z'))).toBe(
      'pending',
    );
  });

  it('a priority named like a prototype member has no target unless given one', () => {
    const odd = [ticket('X', '2024-01-01T00:00:00Z', 'constructor')];
    expect(summariseTickets(odd, { slaTargets: targets }).sla.withTarget).toBe(0);
  });

  it('summariseTickets with asOf = end of the period equals supportForPeriod (property)', () => {
    const day = 86_400_000;
    const start = at('2024-03-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 10 * day - 1 }),
            wait: fc.option(fc.integer({ min: 0, max: 3 * day }), { nil: undefined }),
          }),
          { maxLength: 20 },
        ),
        (specs) => {
          const generated = specs.map(({ offset, wait }, i): Ticket => {
            const createdAt = start + offset;
            return {
              ticketId: `t${i}`,
              createdAt,
              createdDate: new Date(createdAt).toISOString().slice(0, 10),
              priority: 'high',
              ...(wait === undefined ? {} : { firstResponseAt: createdAt + wait }),
            };
          });
          const period = supportForPeriod(generated, {
            period: { from: '2024-03-01', to: '2024-03-10' },
            slaTargets: targets,
          });
          const direct = summariseTickets(generated, { slaTargets: targets, asOf: at('2024-03-11T00:00:00Z') });
          expect(period.sla).toEqual(direct.sla);
        },
      ),
    );
  });
});
