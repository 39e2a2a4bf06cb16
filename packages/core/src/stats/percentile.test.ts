import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile, sortedNumbers } from './percentile.js';

describe('percentile (type 7, numpy default)', () => {
  it('interpolates between the closest ranks', () => {
    // h = (4 − 1) × 0.9 = 2.7 → x[2] + 0.7 × (x[3] − x[2]) = 3 + 0.7 = 3.7 (numpy.percentile: 3.7)
    expect(percentile([1, 2, 3, 4], 90)).toBe(3.7);
    // h = 4 × 0.9 = 3.6 → 40 + 0.6 × 10 = 46
    expect(percentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46, 12);
    // h = 4 × 0.4 = 1.6 → 20 + 0.6 × (35 − 20) = 29
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
    // h = 2 × 0.25 = 0.5 → 1 + 0.5 × (10 − 1) = 5.5
    expect(percentile([1, 10, 100], 25)).toBe(5.5);
  });

  it('gives the extremes at 0 and 100, and the value itself for one value', () => {
    expect(percentile([3, 5, 8], 0)).toBe(3);
    expect(percentile([3, 5, 8], 100)).toBe(8);
    expect(percentile([7], 90)).toBe(7);
  });

  it('is null without values', () => {
    expect(percentile([], 50)).toBeNull();
    expect(median([])).toBeNull();
  });

  it('rejects p outside [0, 100]', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('takes the median as the 50th percentile', () => {
    // even count: h = 3 × 0.5 = 1.5 → 2 + 0.5 × 1 = 2.5; odd count: the middle value
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([1, 2, 9])).toBe(2);
  });

  it('sorts numbers numerically, not as text', () => {
    expect([...sortedNumbers([10, 9, 100, -1])]).toEqual([-1, 9, 10, 100]);
  });

  const sortedArrays = fc
    .array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 50 })
    .map((values) => sortedNumbers(values));

  it('never decreases as p grows', () => {
    fc.assert(
      fc.property(
        sortedArrays,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(percentile(values, low) as number).toBeLessThanOrEqual(percentile(values, high) as number);
        },
      ),
    );
  });

  it('stays within the smallest and largest value', () => {
    fc.assert(
      fc.property(sortedArrays, fc.double({ min: 0, max: 100, noNaN: true }), (values, p) => {
        const result = percentile(values, p) as number;
        expect(result).toBeGreaterThanOrEqual(values[0] as number);
        expect(result).toBeLessThanOrEqual(values[values.length - 1] as number);
      }),
    );
  });
});
