import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, currencyExponent, isCurrencyCode } from './currencies.js';

describe('currencies', () => {
  it('pins ISO 4217 exponents', () => {
    expect(['USD', 'EUR', 'JPY', 'KRW', 'BHD', 'KWD', 'OMR', 'JOD', 'TND', 'CLF', 'IQD'].map(currencyExponent)).toEqual(
      [2, 2, 0, 0, 3, 3, 3, 3, 3, 4, 3],
    );
  });

  it('agrees with Intl wherever CLDR follows ISO for the common currencies', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'BHD', 'KWD', 'CHF', 'CAD', 'AUD', 'SEK']) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
      expect(currencyExponent(code), code).toBe(digits);
    }
  });

  it('knows only real codes with a minor unit, upper case', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XAU')).toBe(false);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(() => currencyExponent('ABC')).toThrow('Unknown currency code "ABC"');
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
  });
});
