import { describe, expect, it } from 'vitest';
import { zendeskMetricSet, zendeskTicket } from '../mocks/index.js';
import { mapZendeskTicket } from './map-ticket.js';

const ticket = zendeskTicket({
  id: 42,
  organizationId: 7,
  createdAt: '2024-05-01T10:00:00Z',
  updatedAt: '2024-05-03T10:00:00Z',
  status: 'open',
  priority: 'high',
});
const metrics = zendeskMetricSet({
  ticketId: 42,
  createdAt: '2024-05-01T10:00:00Z',
  replyMinutes: 125,
  solvedAt: '2024-05-02T10:00:00Z',
});

describe('mapZendeskTicket', () => {
  it('adds the reply minutes to created_at, and leaves resolved_at empty on a reopened ticket', () => {
    // 10:00 + 125 min = 12:05. solved_at is set, but the ticket is open again: not resolved.
    expect(mapZendeskTicket(ticket, metrics)).toEqual({
      kind: 'ticket',
      record: {
        ticket_id: '42',
        customer_id: '7',
        created_at: '2024-05-01T10:00:00Z',
        first_response_at: '2024-05-01T12:05:00Z',
        resolved_at: '',
        priority: 'high',
        satisfaction: '',
        updated_at: '2024-05-03T10:00:00Z',
      },
    });
  });

  it('reads only good and bad as ratings, never a name from the prototype', () => {
    for (const [score, expected] of [
      ['good', '5'],
      ['bad', '1'],
      ['offered', ''],
      ['constructor', ''],
      ['toString', ''],
    ] as const) {
      const mapped = mapZendeskTicket({ ...ticket, satisfaction_rating: { score } }, metrics);
      expect(mapped.kind === 'ticket' && mapped.record['satisfaction']).toBe(expected);
    }
  });

  it('names a reply time that is not a number of minutes, by ticket id', () => {
    const mapped = mapZendeskTicket(ticket, { ...metrics, reply_time_in_minutes: { calendar: '125' } });
    expect(mapped).toEqual({
      kind: 'invalid',
      issues: [
        {
          source: 'zendesk',
          id: '42',
          field: 'metric_set.reply_time_in_minutes.calendar',
          value: '125',
          reason: 'reply time must be a number of minutes',
        },
      ],
    });
  });

  it('names a ticket without id, and every required field it lacks', () => {
    const mapped = mapZendeskTicket({ subject: 'no id' }, undefined);
    expect(mapped.kind === 'invalid' && mapped.issues.map((issue) => [issue.id, issue.field])).toEqual([
      ['(a ticket without id)', 'id'],
      ['(a ticket without id)', 'created_at'],
      ['(a ticket without id)', 'updated_at'],
      ['(a ticket without id)', 'status'],
    ]);
  });
});
