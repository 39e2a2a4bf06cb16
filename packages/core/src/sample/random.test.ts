import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number): number[] => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws uniform numbers in [0, 1) with the mean and spread of a uniform distribution', () => {
    const random = new Random(1);
    const n = 100_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = random.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // The mean of n uniforms has a standard deviation of 1/sqrt(12 n) ≈ 0.0009: 0.005 is over 5 sigma.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });

  it('draws integers with both bounds included', () => {
    const random = new Random(2);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(3, 5));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  it('picks by weight', () => {
    const random = new Random(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        random.weighted([
          ['a', 1],
          ['b', 3],
        ] as const) === 'b'
      )
        heavy++;
    expect(heavy / 10_000).toBeCloseTo(0.75, 1);
  });

  it('draws Poisson counts with the requested mean', () => {
    const random = new Random(4);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += random.poisson(1.5);
    expect(sum / 20_000).toBeCloseTo(1.5, 1);
  });
});
