import { describe, expect, it } from 'vitest';
import { parseDate } from '../time/calendar-date.js';
import { createFxTable, MissingFxRateError } from './fx-table.js';
import { resolveReportingCurrency } from './reporting-currency.js';

const day = (text: string): number => parseDate(text) ?? Number.NaN;

describe('createFxTable', () => {
  const table = createFxTable(
    [
      { date: '2024-02-01', currency: 'EUR', rate: 1.1 },
      { date: '2024-01-01', currency: 'EUR', rate: 1.08 },
      { date: '2024-01-01', currency: 'USD', rate: 2 },
    ],
    'USD',
  );

  it('uses the latest rate on or before the date', () => {
    expect(table.rateOn('EUR', day('2024-01-01'))).toBe(1.08);
    expect(table.rateOn('EUR', day('2024-01-31'))).toBe(1.08);
    expect(table.rateOn('EUR', day('2024-02-01'))).toBe(1.1);
    expect(table.rateOn('EUR', day('2030-01-01'))).toBe(1.1);
  });

  it('converts the reporting currency at 1, ignoring rates for it', () => {
    expect(table.rateOn('USD', day('2020-01-01'))).toBe(1);
  });

  it('names currency and date when no rate exists', () => {
    expect(() => table.rateOn('EUR', day('2023-12-31'))).toThrow(new MissingFxRateError('EUR', '2023-12-31', 'USD'));
    expect(() => table.rateOn('GBP', day('2024-03-05'))).toThrow('No FX rate for GBP on or before 2024-03-05');
  });

  it('rejects two rates on one date', () => {
    expect(() =>
      createFxTable(
        [
          { date: '2024-01-01', currency: 'EUR', rate: 1 },
          { date: '2024-01-01', currency: 'EUR', rate: 2 },
        ],
        'USD',
      ),
    ).toThrow('Two FX rates for EUR on 2024-01-01');
  });
});

describe('resolveReportingCurrency', () => {
  it('takes the requested or the only currency', () => {
    expect(resolveReportingCurrency(new Set(['EUR']), undefined, 'usd')).toBe('USD');
    expect(resolveReportingCurrency(new Set(['EUR']), undefined, undefined)).toBe('EUR');
  });

  it('takes the one currency the fx table does not convert from', () => {
    expect(
      resolveReportingCurrency(
        new Set(['EUR', 'USD']),
        [{ date: '2024-01-01', currency: 'EUR', rate: 1.1 }],
        undefined,
      ),
    ).toBe('USD');
  });

  it('asks for a currency when several are present', () => {
    expect(() => resolveReportingCurrency(new Set(['USD', 'EUR']), undefined, undefined)).toThrow(
      'Several currencies in the subscriptions (EUR, USD)',
    );
    expect(() => resolveReportingCurrency(new Set(), undefined, undefined)).toThrow('No subscription lines');
    expect(() => resolveReportingCurrency(new Set(['USD']), undefined, 'XYZ')).toThrow(
      'Unknown reporting currency "XYZ"',
    );
  });
});
