import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../model/usage-event.js';
import { timeToFirstValue } from './time-to-first-value.js';

const event = (customerId: string, date: string, name: string): UsageEvent => ({ customerId, date, name, value: 1 });

describe('timeToFirstValue', () => {
  it('counts days from the first active month start to the first value event', () => {
    const events = [
      event('A', '2024-03-20', 'report_exported'),
      event('A', '2024-03-15', 'report_exported'), // earlier, though listed later
      event('A', '2024-03-02', 'login'), // not the value event
      event('B', '2024-05-01', 'report_exported'),
      event('D', '2024-02-25', 'report_exported'), // in a trial before the first paid month
    ];
    const result = timeToFirstValue(events, {
      firstValueEvent: 'report_exported',
      firstActiveMonths: { A: '2024-03', B: '2024-03', C: '2024-03', D: '2024-03' },
    });
    expect(result.customers).toEqual([
      // 2024-03-15 − 2024-03-01 = 14 days
      { customerId: 'A', firstActiveMonth: '2024-03', firstValueDate: '2024-03-15', days: 14 },
      // 2024-05-01 − 2024-03-01 = 31 + 30 = 61 days
      { customerId: 'B', firstActiveMonth: '2024-03', firstValueDate: '2024-05-01', days: 61 },
      { customerId: 'C', firstActiveMonth: '2024-03', firstValueDate: null, days: null },
      // 2024-02-25 is 5 days before 2024-03-01 (2024 is a leap year: 25 → 29 is 4 days, then 1)
      { customerId: 'D', firstActiveMonth: '2024-03', firstValueDate: '2024-02-25', days: -5 },
    ]);
    // days [−5, 14, 61]: median 14; p90 h = 2 × 0.9 = 1.8 → 14 + 0.8 × 47 = 51.6
    expect(result).toMatchObject({ reached: 3, notReached: 1, medianDays: 14 });
    expect(result.p90Days).toBeCloseTo(51.6, 10);
  });

  it('rejects a malformed first active month', () => {
    expect(() => timeToFirstValue([], { firstValueEvent: 'x', firstActiveMonths: { A: '2024-3' } })).toThrow(
      /customer A/,
    );
  });
});
