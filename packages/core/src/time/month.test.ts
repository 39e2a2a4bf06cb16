import { describe, expect, it } from 'vitest';
import { parseDate } from './calendar-date.js';
import {
  addMonths,
  firstDayOfMonth,
  formatMonth,
  lastDayOfMonth,
  monthIndexOf,
  monthOfDay,
  monthsBetween,
  parseMonth,
} from './month.js';

describe('months', () => {
  it('are year × 12 + month − 1', () => {
    expect(monthIndexOf(2024, 1)).toBe(2024 * 12);
    expect(parseMonth('2024-03')).toBe(2024 * 12 + 2);
    expect(formatMonth(2024 * 12 + 11)).toBe('2024-12');
  });

  it('add across year ends', () => {
    const nov = parseMonth('2024-11') ?? 0;
    expect(formatMonth(addMonths(nov, 2))).toBe('2025-01');
    expect(formatMonth(addMonths(nov, -11))).toBe('2023-12');
    expect(monthsBetween(parseMonth('2023-12') ?? 0, parseMonth('2025-01') ?? 0)).toBe(13);
  });

  it('span from their first to their last day', () => {
    const feb = parseMonth('2024-02') ?? 0;
    expect(firstDayOfMonth(feb)).toBe(parseDate('2024-02-01'));
    expect(lastDayOfMonth(feb)).toBe(parseDate('2024-02-29'));
    expect(monthOfDay(parseDate('2024-02-29') ?? 0)).toBe(feb);
    expect(monthOfDay(parseDate('2024-03-01') ?? 0)).toBe(feb + 1);
  });

  it('parse strictly', () => {
    for (const text of ['2024-13', '2024-00', '2024-3', '2024-03-01', '202403'])
      expect(parseMonth(text), text).toBeUndefined();
  });
});
