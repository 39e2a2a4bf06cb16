import { describe, expect, it } from 'vitest';
import { dayRangeOf, monthRangeOf } from './period.js';

describe('periods', () => {
  it('reads inclusive day and month ranges', () => {
    const [from, to] = dayRangeOf({ from: '2024-01-01', to: '2024-01-31' });
    expect(to - from).toBe(30);
    const [first, last] = monthRangeOf({ from: '2023-11', to: '2024-02' });
    expect(last - first).toBe(3);
  });

  it('rejects malformed or reversed ranges', () => {
    expect(() => dayRangeOf({ from: '2024-1-1', to: '2024-01-31' })).toThrow(/not a date/);
    expect(() => dayRangeOf({ from: '2024-02-01', to: '2024-01-31' })).toThrow(/before/);
    expect(() => monthRangeOf({ from: '2024-13', to: '2024-12' })).toThrow(/not a month/);
    expect(() => monthRangeOf({ from: '2024-03', to: '2024-02' })).toThrow(/before/);
  });
});
