import { describe, expect, it } from 'vitest';
import { scaleBand } from 'd3-scale';
import { bandScale, cartesian, extent, indexAt, linearScale, niceTicks, tickStep } from './scales.js';

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

describe('bandScale', () => {
  it('spreads the bands over the range with inner and outer padding in steps', () => {
    const x = bandScale(['a', 'b', 'c', 'd'], [0, 100], 0.2, 0.1);
    // step = 100 / (4 − 0.2 + 2 × 0.1) = 25; bandwidth = 25 × (1 − 0.2) = 20;
    // the bands span 25 × (4 − 0.2) = 95, centred: the first starts at (100 − 95) / 2 = 2.5
    expect(x.step()).toBe(25);
    expect(x.bandwidth()).toBe(20);
    expect(['a', 'b', 'c', 'd'].map(x)).toEqual([2.5, 27.5, 52.5, 77.5]);
    expect(x('z')).toBeUndefined();
    expect(x.range()).toEqual([0, 100]);
  });

  it('draws one band over the whole range without padding, and gives a repeated key its first band', () => {
    const x = bandScale(['a', 'b', 'a'], [10, 50], 0, 0);
    // two distinct keys: step = 40 / 2 = 20
    expect([x('a'), x('b'), x.bandwidth()]).toEqual([10, 30, 20]);
  });

  it("places every band where d3-scale's scaleBand does", () => {
    const keys = Array.from({ length: 37 }, (_, i) => `k${i}`);
    for (const [n, range, inner, outer] of [
      [1, [40, 300], 0.2, 0.1],
      [12, [33, 1188], 0.2, 0.1],
      [37, [20, 270], 0, 0],
      [7, [0, 1], 0.5, 0.25],
    ] as const) {
      const ours = bandScale(keys.slice(0, n), range, inner, outer);
      const d3 = scaleBand<string>().domain(keys.slice(0, n)).range(range).paddingInner(inner).paddingOuter(outer);
      expect(keys.slice(0, n).map(ours)).toEqual(keys.slice(0, n).map(d3));
      expect([ours.step(), ours.bandwidth()]).toEqual([d3.step(), d3.bandwidth()]);
    }
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
