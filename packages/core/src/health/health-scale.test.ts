import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_BANDS, checkHealthBands, healthBandOf } from './health-bands.js';
import { checkHealthScale, scaleHealthValue, type HealthScale } from './health-scale.js';

describe('scaleHealthValue', () => {
  const linear: HealthScale = { kind: 'linear', min: 0, max: 0.8 };
  it('maps a linear range onto 0–100 and clamps outside it', () => {
    // (0.4 − 0) ÷ (0.8 − 0) × 100 = 50
    expect(scaleHealthValue(linear, 0.4)).toBe(50);
    expect(scaleHealthValue(linear, -1)).toBe(0);
    // 1.5 users per seat is above max: clamped to 100, not 187.5
    expect(scaleHealthValue(linear, 1.5)).toBe(100);
  });

  it('inverts, for values where less is better', () => {
    const days: HealthScale = { kind: 'linear', min: 0, max: 60, invert: true };
    // 100 − 15 ÷ 60 × 100 = 75
    expect(scaleHealthValue(days, 15)).toBe(75);
    expect(scaleHealthValue(days, 0)).toBe(100);
    expect(scaleHealthValue(days, 90)).toBe(0);
    // min −0.3, max 0.1: no change sits at 0.3 ÷ 0.4 = 75 %
    expect(scaleHealthValue({ kind: 'linear', min: -0.3, max: 0.1 }, 0)).toBeCloseTo(75, 12);
  });

  it('takes the first band whose upTo reaches the value; the last band is open upwards', () => {
    const nps: HealthScale = {
      kind: 'bands',
      bands: [
        { upTo: 6, score: 0 },
        { upTo: 8, score: 50 },
        { upTo: 10, score: 100 },
      ],
    };
    expect(scaleHealthValue(nps, 0)).toBe(0);
    expect(scaleHealthValue(nps, 6)).toBe(0); // upTo is included
    expect(scaleHealthValue(nps, 6.5)).toBe(50);
    expect(scaleHealthValue(nps, 8)).toBe(50);
    expect(scaleHealthValue(nps, 9)).toBe(100);
    expect(scaleHealthValue(nps, 11)).toBe(100); // above every upTo: the last band
    expect(scaleHealthValue(nps, -3)).toBe(0); // below every upTo: the first band
  });

  it('rejects bad scales', () => {
    expect(() => checkHealthScale({ kind: 'linear', min: 1, max: 1 }, 'f')).toThrow(/min < max/);
    expect(() => checkHealthScale({ kind: 'linear', min: 0, max: Number.POSITIVE_INFINITY }, 'f')).toThrow(/finite/);
    expect(() => checkHealthScale({ kind: 'bands', bands: [] }, 'f')).toThrow(/at least one band/);
    expect(() =>
      checkHealthScale(
        {
          kind: 'bands',
          bands: [
            { upTo: 5, score: 0 },
            { upTo: 5, score: 1 },
          ],
        },
        'f',
      ),
    ).toThrow(/above the previous/);
    expect(() => checkHealthScale({ kind: 'bands', bands: [{ upTo: 5, score: 101 }] }, 'f')).toThrow(/outside 0–100/);
    expect(() => checkHealthScale({ kind: 'log' } as unknown as HealthScale, 'f')).toThrow(/unknown scale kind/);
  });
});

describe('healthBandOf', () => {
  it('puts each edge in the upper band: red < 40 ≤ yellow < 70 ≤ green', () => {
    expect(healthBandOf(0)).toBe('red');
    expect(healthBandOf(39.999)).toBe('red');
    expect(healthBandOf(40)).toBe('yellow');
    expect(healthBandOf(69.999)).toBe('yellow');
    expect(healthBandOf(70)).toBe('green');
    expect(healthBandOf(100)).toBe('green');
  });

  it('takes other thresholds', () => {
    const bands = { red: 0, yellow: 50, green: 80 };
    expect(healthBandOf(49.9, bands)).toBe('red');
    expect(healthBandOf(79.9, bands)).toBe('yellow');
    expect(healthBandOf(80, bands)).toBe('green');
    expect(() => checkHealthBands({ red: 0, yellow: 80, green: 50 })).toThrow(/rise/);
    expect(() => checkHealthBands(DEFAULT_HEALTH_BANDS)).not.toThrow();
  });
});
