import { describe, expect, it } from 'vitest';
import { readFxRates } from './fx-rates.js';

describe('readFxRates', () => {
  it('reads date, currency and rate', () => {
    expect(
      readFxRates([{ date: '2024-01-01', currency: 'eur', rate: '1.0834' }], { source: 'fx.csv' }).records,
    ).toEqual([{ date: '2024-01-01', currency: 'EUR', rate: 1.0834 }]);
  });

  it('reports bad dates, codes, rates and duplicates', () => {
    const { issues } = readFxRates(
      [
        { date: '2024-01-01', currency: 'EUR', rate: '1.1' },
        { date: '2024-01-01', currency: 'EUR', rate: '1.2' },
        { date: '2024-13-01', currency: 'EUR', rate: '1.1' },
        { date: '2024-01-02', currency: 'EURO', rate: '1.1' },
        { date: '2024-01-03', currency: 'EUR', rate: '0' },
        { date: '2024-01-04', currency: 'EUR', rate: '-1' },
      ],
      { source: 'fx.csv', onError: 'skip' },
    );
    expect(issues.map((issue) => [issue.row, issue.field, issue.reason])).toEqual([
      [3, 'date', 'duplicate rate for EUR on 2024-01-01 (first in row 2)'],
      [4, 'date', 'date is not a calendar date YYYY-MM-DD'],
      [5, 'currency', 'unknown currency code (expected ISO 4217, e.g. EUR)'],
      [6, 'rate', 'rate must be a positive decimal number'],
      [7, 'rate', 'rate must be a positive decimal number'],
    ]);
  });
});
