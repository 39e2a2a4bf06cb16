import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../model/usage-event.js';
import { seatUtilisation } from './seat-utilisation.js';

const event = (customerId: string, date: string, userId?: string): UsageEvent => ({
  customerId,
  date,
  name: 'login',
  value: 1,
  ...(userId === undefined ? {} : { userId }),
});

describe('seatUtilisation', () => {
  const events = [
    event('A', '2024-03-31', 'u1'),
    event('A', '2024-03-02', 'u2'), // first day of the window
    event('A', '2024-03-15', 'u1'), // same user again
    event('A', '2024-03-01', 'u3'), // a day before the window
    event('A', '2024-04-01', 'u4'), // after asOf
    event('A', '2024-03-20'), // no user
    event('B', '2024-03-10', 'u1'), // u1 of B is another person than u1 of A
    event('B', '2024-03-11', 'u2'),
    event('B', '2024-03-12', 'u3'),
    event('Z', '2024-03-12', 'u9'), // no seats given: not reported
  ];

  it('divides distinct users active in the last 30 days by purchased seats', () => {
    const result = seatUtilisation(events, { asOf: '2024-03-31', seats: { A: 4, B: 2, C: 0 } });
    expect(result.customers).toEqual([
      // window 2024-03-02 … 2024-03-31: u1, u2 → 2 ÷ 4
      { customerId: 'A', activeUsers: 2, seats: 4, utilisation: 0.5 },
      // 3 users on 2 seats → 1.5 (not clamped)
      { customerId: 'B', activeUsers: 3, seats: 2, utilisation: 1.5 },
      // no seats → null
      { customerId: 'C', activeUsers: 0, seats: 0, utilisation: null },
    ]);
    // (2 + 3 + 0) ÷ (4 + 2 + 0) = 5 ÷ 6
    expect(result).toMatchObject({ activeUsers: 5, seats: 6, utilisation: 5 / 6 });
  });

  it('takes seats as a Map, and a shorter window', () => {
    // 7 days: 2024-03-25 … 2024-03-31 → only u1 of A
    const result = seatUtilisation(events, { asOf: '2024-03-31', seats: new Map([['A', 4]]), windowDays: 7 });
    expect(result.customers).toEqual([{ customerId: 'A', activeUsers: 1, seats: 4, utilisation: 0.25 }]);
  });

  it('rejects malformed options', () => {
    expect(() => seatUtilisation([], { asOf: '31/03/2024', seats: {} })).toThrow(/asOf/);
    expect(() => seatUtilisation([], { asOf: '2024-03-31', seats: { A: 1.5 } })).toThrow(/customer A/);
    expect(() => seatUtilisation([], { asOf: '2024-03-31', seats: {}, windowDays: 0 })).toThrow(/windowDays/);
  });
});
