import { describe, expect, it } from 'vitest';
import { cartesian, extent, indexAt, linearScale, niceTicks, tickStep } from './scales.js';

describe('niceTicks', () => {
  it.each([
    // [start, stop, count, ticks]
    [0, 0.034, 4, [0, 0.01, 0.02, 0.03, 0.04]],
    [-0.004, 0.034, 4, [-0.01, 0, 0.01, 0.02, 0.03, 0.04]],
    [0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 146071.43, 5, [0, 50000, 100000, 150000]],
    [0, 7, 4, [0, 2, 4, 6, 8]],
  ])('%d…%d in about %d steps', (start, stop, count, ticks) => {
    expect(niceTicks(start, stop, count)).toEqual(ticks);
  });

  it('steps by 1, 2 or 5 × 10ⁿ', () => {
    // 0.034 / 4 = 0.0085 → between √50 × 0.001 (≈ 0.0071) and 0.01 → 0.01
    expect(tickStep(0, 0.034, 4)).toBe(0.01);
    expect(tickStep(0, 30, 4)).toBe(10);
    // 12 / 4 = 3 < √10 → 2 (as d3.tickStep)
    expect(tickStep(0, 12, 4)).toBe(2);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for y', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
  });
});

describe('cartesian', () => {
  it('fits the plot to its size and finds the band under a pixel', () => {
    const plot = cartesian(
      ['a', 'b', 'c', 'd'],
      extent([0.01, 0.03, null], [0]),
      { width: 400, height: 200 },
      {
        yFormat: (v) => `${v * 100}%`,
        padding: 0,
      },
    );
    expect(plot.yTicks[0]).toBe(0);
    expect(plot.y(0)).toBe(200 - plot.bottom);
    expect(plot.x.range()).toEqual([plot.left, 400 - plot.right]);
    const step = plot.x.step();
    expect(indexAt(plot, plot.left + step * 2.5)).toBe(2);
    expect(indexAt(plot, -10)).toBe(0);
    expect(indexAt(plot, 1000)).toBe(3);
  });
});
