import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDateOf, dayIndexOf, daysInMonth, formatDate, parseDate } from './calendar-date.js';

describe('parseDate', () => {
  it('reads YYYY-MM-DD as days since 1970-01-01', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    // 1970 has 365 days, 1971 too: 1972-01-01 is day 730.
    expect(parseDate('1972-01-01')).toBe(730);
    // 2024-03-01 = 19783 (2024-01-01 = 19723, + 31 January + 29 February).
    expect(parseDate('2024-01-01')).toBe(19723);
    expect(parseDate('2024-03-01')).toBe(19723 + 31 + 29);
    expect(parseDate('1969-12-31')).toBe(-1);
  });

  it('rejects impossible dates and other formats', () => {
    for (const text of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-1-05',
      '24-01-05',
      '2024/01/05',
      '2024-01-05T00:00',
      ' 2024-01-05',
      '',
    ]) {
      expect(parseDate(text), text).toBeUndefined();
    }
    expect(parseDate('2024-02-29')).toBeDefined();
    expect(parseDate('2000-02-29')).toBeDefined();
    expect(parseDate('1900-02-29')).toBeUndefined();
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30]);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('round-trips every day between years 1 and 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayIndexOf(1, 1, 1), max: dayIndexOf(9999, 12, 31) }), (day) => {
        const { year, month, day: d } = civilDateOf(day);
        expect(dayIndexOf(year, month, d)).toBe(day);
        expect(parseDate(formatDate(day))).toBe(day);
      }),
    );
  });
});
