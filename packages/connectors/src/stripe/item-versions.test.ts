import { describe, expect, it } from 'vitest';
import type { BilledPeriod } from './billed-periods.js';
import { itemVersions } from './item-versions.js';

const DAY = 86_400;
const period = (start: number, price: string, quantity: number): BilledPeriod => ({
  item: 'si_x',
  start: start * DAY,
  end: (start + 30) * DAY,
  price,
  quantity,
});

describe('itemVersions', () => {
  it('starts a version at the first period billed at other terms, and carries a gap forward', () => {
    // Days 0, 30, (no invoice at 60), 90: the gap keeps 2 seats, the change shows at day 90.
    const periods = [period(90, 'p', 3), period(0, 'p', 2), period(30, 'p', 2)];
    expect(itemVersions(periods, 0, { price: 'p', quantity: 3 })).toEqual({
      versions: [
        { start: 0, price: 'p', quantity: 2 },
        { start: 90 * DAY, price: 'p', quantity: 3 },
      ],
      billedUntil: 120 * DAY,
    });
  });

  it('carries the first billed terms back to the start, and drops periods that end by then (a trial)', () => {
    const trial = { ...period(0, 'p', 9), end: 14 * DAY };
    const { versions } = itemVersions([trial, period(44, 'p', 2)], 14 * DAY, { price: 'p', quantity: 2 });
    expect(versions).toEqual([{ start: 14 * DAY, price: 'p', quantity: 2 }]);
  });

  it('starts current terms not invoiced yet where the last billed period ends', () => {
    const { versions } = itemVersions([period(0, 'p', 2)], 0, { price: 'q', quantity: 2 });
    expect(versions).toEqual([
      { start: 0, price: 'p', quantity: 2 },
      { start: 30 * DAY, price: 'q', quantity: 2 },
    ]);
  });

  it('gives an item without invoices its current terms from the start, and a removed one only what was billed', () => {
    expect(itemVersions([], 5, { price: 'p', quantity: 1 }).versions).toEqual([{ start: 5, price: 'p', quantity: 1 }]);
    expect(itemVersions([period(0, 'p', 1)], 0)).toEqual({
      versions: [{ start: 0, price: 'p', quantity: 1 }],
      billedUntil: 30 * DAY,
    });
  });
});
