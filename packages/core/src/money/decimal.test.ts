import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent } from './currencies.js';
import { formatMinorUnits, parseMinorUnits, roundHalfEven, toMajorUnits } from './decimal.js';

describe('parseMinorUnits', () => {
  it('reads decimal text exactly into minor units', () => {
    expect(parseMinorUnits('49.00', 2)).toEqual({ ok: true, minor: 4900 });
    // 0.29 as a binary float × 100 is 28.999999999999996; read as text it is 29.
    expect(parseMinorUnits('0.29', 2)).toEqual({ ok: true, minor: 29 });
    expect(parseMinorUnits('49.9', 2)).toEqual({ ok: true, minor: 4990 });
    expect(parseMinorUnits('49', 2)).toEqual({ ok: true, minor: 4900 });
    expect(parseMinorUnits('49.900', 2)).toEqual({ ok: true, minor: 4990 });
  });

  it('follows the ISO exponent: JPY 0, BHD 3, CLF 4', () => {
    expect(parseMinorUnits('4900', currencyExponent('JPY'))).toEqual({ ok: true, minor: 4900 });
    expect(parseMinorUnits('4900.5', currencyExponent('JPY'))).toEqual({ ok: false, problem: 'too-many-decimals' });
    expect(parseMinorUnits('12.345', currencyExponent('BHD'))).toEqual({ ok: true, minor: 12345 });
    expect(parseMinorUnits('12.3456', currencyExponent('KWD'))).toEqual({ ok: false, problem: 'too-many-decimals' });
    expect(parseMinorUnits('1.0001', currencyExponent('CLF'))).toEqual({ ok: true, minor: 10001 });
  });

  it('names what is wrong', () => {
    expect(parseMinorUnits('-5.00', 2)).toEqual({ ok: false, problem: 'negative' });
    expect(parseMinorUnits('-0', 2)).toEqual({ ok: true, minor: 0 });
    for (const text of ['1,000.00', '1e3', '.5', '5.', 'abc', '$5', ''])
      expect(parseMinorUnits(text, 2), text).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseMinorUnits('99999999999999999', 2)).toEqual({ ok: false, problem: 'too-large' });
    expect(parseMinorUnits('1.001', 2)).toEqual({ ok: false, problem: 'too-many-decimals' });
  });
});

describe('roundHalfEven', () => {
  it('rounds ties to the even neighbour', () => {
    expect([16.5, 17.5, 0.5, 1.5, 2.5, -2.5, -3.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([
      16, 18, 0, 2, 2, -2, -4, 2, 3,
    ]);
  });

  it('is within half a unit and idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        const rounded = roundHalfEven(value);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.5);
        expect(roundHalfEven(rounded)).toBe(rounded);
      }),
    );
  });
});

describe('major units', () => {
  it('round once, half to even, to the minor unit', () => {
    // 1 234 567.5 cents is a tie: the even neighbour is 1 234 568 → 12 345.68.
    expect(toMajorUnits(1234567.5, 2)).toBe(12345.68);
    expect(toMajorUnits(1234566.5, 2)).toBe(12345.66);
    expect(toMajorUnits(825, 0)).toBe(825);
    expect(toMajorUnits(12345, 3)).toBe(12.345);
  });

  it('format as exact decimal text', () => {
    expect(formatMinorUnits(-1205, 2)).toBe('-12.05');
    expect(formatMinorUnits(5, 3)).toBe('0.005');
    expect(formatMinorUnits(4900, 0)).toBe('4900');
    expect(formatMinorUnits(16.5, 2)).toBe('0.16');
  });
});
