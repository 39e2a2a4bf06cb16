import { describe, expect, it } from 'vitest';
import { readTickets } from './tickets.js';

describe('readTickets', () => {
  it('reads timestamps as instants and dates them in the reporting zone', () => {
    const { records } = readTickets(
      [
        {
          ticket_id: 't1',
          customer_id: 'c1',
          created_at: '2024-03-01T09:30:00',
          first_response_at: '2024-03-01T09:45:00Z',
          resolved_at: '2024-03-01T12:00:00+01:00',
          priority: 'high',
          satisfaction: '4',
          handle_minutes: '12.5',
        },
        { ticket_id: 't2', created_at: '2024-03-02T00:00:00Z', first_response_at: '', resolved_at: '' },
      ],
      { source: 'tickets.csv', timeZone: 'Europe/Berlin' },
    );
    // 09:30 in Berlin (UTC+1 in March before the change) is 08:30 UTC
    expect(records[0]).toEqual({
      ticketId: 't1',
      customerId: 'c1',
      createdAt: Date.parse('2024-03-01T08:30:00Z'),
      createdDate: '2024-03-01',
      firstResponseAt: Date.parse('2024-03-01T09:45:00Z'),
      resolvedAt: Date.parse('2024-03-01T11:00:00Z'),
      priority: 'high',
      satisfaction: 4,
      handleMinutes: 12.5,
      row: 2,
    });
    expect(records[1]).toEqual({
      ticketId: 't2',
      createdAt: Date.parse('2024-03-02T00:00:00Z'),
      createdDate: '2024-03-02',
      row: 3,
    });
  });

  it('reports duplicate ids, missing or malformed timestamps, times before creation and bad ratings', () => {
    const { records, issues } = readTickets(
      [
        { ticket_id: 't1', created_at: '2024-03-01T10:00:00Z' },
        { ticket_id: 't1', created_at: '2024-03-01T10:00:00Z' },
        { ticket_id: 't3', created_at: '' },
        { ticket_id: 't4', created_at: '01/03/2024 10:00' },
        {
          ticket_id: 't5',
          created_at: '2024-03-01T10:00:00Z',
          first_response_at: '2024-03-01T09:59:00Z',
          resolved_at: '2024-02-28',
        },
        { ticket_id: 't6', created_at: '2024-03-01T10:00:00Z', satisfaction: '6', handle_minutes: '-3' },
        { ticket_id: '', created_at: '2024-03-01T10:00:00Z' },
      ],
      { source: 'tickets.csv', onError: 'skip' },
    );
    expect(records.map((t) => t.ticketId)).toEqual(['t1']);
    expect(issues.map(({ row, id, field, value, reason }) => [row, id, field, value, reason])).toEqual([
      [3, 't1', 'ticket_id', 't1', 'duplicate ticket_id (first in row 2)'],
      [4, 't3', 'created_at', '', 'created_at is required'],
      [5, 't4', 'created_at', '01/03/2024 10:00', 'created_at is not an ISO 8601 timestamp'],
      [6, 't5', 'first_response_at', '2024-03-01T09:59:00Z', 'first_response_at is before created_at'],
      [6, 't5', 'resolved_at', '2024-02-28', 'resolved_at is before created_at'],
      [7, 't6', 'satisfaction', '6', 'satisfaction must be an integer from 1 to 5'],
      [7, 't6', 'handle_minutes', '-3', 'handle_minutes must be a non-negative number'],
      [8, undefined, 'ticket_id', '', 'ticket_id is required'],
    ]);
  });

  it('rejects an unknown time zone', () => {
    expect(() => readTickets([], { source: 'tickets.csv', timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
