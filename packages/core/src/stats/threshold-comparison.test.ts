import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachesThreshold, roundedForComparison, withinThreshold, withoutFloatNoise } from './threshold-comparison.js';

describe('roundedForComparison (metrics.md §11, band edges)', () => {
  it('rounds binary-float noise to 6 decimal places', () => {
    // (−0.02 + 0.3) ÷ 0.4 × 100 is 70 on paper and 69.99999999999999 in doubles.
    const noisy = ((-0.02 + 0.3) / 0.4) * 100;
    expect(noisy).not.toBe(70);
    expect(roundedForComparison(noisy)).toBe(70);
    // (0.1·0 + 0.2·60) ÷ 0.3 = 12 ÷ 0.3 = 40 on paper, 39.99999999999999 in doubles.
    expect(roundedForComparison((0.1 * 0 + 0.2 * 60) / 0.3)).toBe(40);
    expect(roundedForComparison(69.9999994)).toBe(69.999999);
    expect(roundedForComparison(69.9999996)).toBe(70);
    expect(roundedForComparison(-0.0000001)).toBe(0);
    expect(Object.is(roundedForComparison(-0.0000001), 0)).toBe(true);
  });

  it('leaves huge and non-finite values alone', () => {
    expect(roundedForComparison(1e12 + 0.5)).toBe(1e12 + 0.5);
    expect(roundedForComparison(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('compares rounded values with a threshold', () => {
    expect(reachesThreshold(69.99999999999999, 70)).toBe(true);
    expect(reachesThreshold(69.9999, 70)).toBe(false);
    expect(withinThreshold(0.10000000000000002, 0.1)).toBe(true);
    expect(withinThreshold(0.1001, 0.1)).toBe(false);
  });

  it('removes float noise only, keeping real digits', () => {
    expect(withoutFloatNoise(69.99999999999999)).toBe(70);
    expect(withoutFloatNoise(0.30000000000000004)).toBe(0.3);
    // 13.75 ÷ 0.45 = 30.5555…: real digits beyond the 6th decimal stay
    expect(withoutFloatNoise(13.75 / 0.45)).toBe(13.75 / 0.45);
    expect(withoutFloatNoise(69.9999996)).toBe(69.9999996);
    // 5e-8 from 100 is a real digit, not noise: kept, so scaling the weights cannot snap one score
    // and not the other (a property test of scoreHealth found it).
    expect(withoutFloatNoise(99.99999995)).toBe(99.99999995);
  });

  it('moves a value by at most half a millionth', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        expect(Math.abs(roundedForComparison(value) - value)).toBeLessThanOrEqual(5e-7 + 1e-9);
      }),
    );
  });
});
