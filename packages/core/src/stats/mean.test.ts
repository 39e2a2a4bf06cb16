import { describe, expect, it } from 'vitest';
import { mean, ratio } from './mean.js';

describe('mean and ratio', () => {
  it('averages, and is null without values', () => {
    // (20 + 40 + 30) ÷ 3 = 30
    expect(mean([20, 40, 30])).toBe(30);
    expect(mean([])).toBeNull();
  });

  it('divides, and is null over 0 (never NaN or Infinity)', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});
