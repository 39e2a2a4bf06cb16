import { describe, expect, it } from 'vitest';
import { readCsCosts } from './cs-costs.js';

describe('readCsCosts', () => {
  it('reads amounts exactly into minor units of their currency', () => {
    const { records } = readCsCosts(
      [
        { month: '2024-01', amount: '12000.50', currency: 'usd', category: 'salaries' },
        { month: '2024-01', amount: '150000', currency: 'JPY' },
        { month: '2024-02', amount: '0.29', currency: 'USD' },
      ],
      { source: 'costs.csv' },
    );
    expect(records).toEqual([
      { month: '2024-01', amountMinor: 1_200_050, currency: 'USD', category: 'salaries', row: 2 },
      { month: '2024-01', amountMinor: 150_000, currency: 'JPY', row: 3 },
      // 0.29 read as text: 29 cents, not 28.999…
      { month: '2024-02', amountMinor: 29, currency: 'USD', row: 4 },
    ]);
  });

  it('takes an empty currency from the default, else from the only currency named', () => {
    expect(
      readCsCosts([{ month: '2024-01', amount: '10' }], { source: 'costs.csv', defaultCurrency: 'EUR' }).records[0],
    ).toMatchObject({ currency: 'EUR', amountMinor: 1000 });
    const only = readCsCosts(
      [
        { month: '2024-01', amount: '10.5' },
        { month: '2024-01', amount: '1', currency: 'BHD' },
      ],
      { source: 'costs.csv' },
    );
    // BHD has 3 decimals: 10.5 → 10500
    expect(only.records.map((r) => [r.currency, r.amountMinor])).toEqual([
      ['BHD', 10_500],
      ['BHD', 1000],
    ]);
  });

  it('reports bad months, negative or over-precise amounts and unknown currencies', () => {
    const { records, issues } = readCsCosts(
      [
        { month: '2024-1', amount: '10', currency: 'USD' },
        { month: '2024-01', amount: '-5', currency: 'USD' },
        { month: '2024-01', amount: '10.5', currency: 'JPY' },
        { month: '2024-01', amount: '10', currency: 'XXX' },
        { month: '2024-01', amount: '', currency: 'USD' },
      ],
      { source: 'costs.csv', onError: 'skip' },
    );
    expect(records).toEqual([]);
    expect(issues.map(({ row, field, value, reason }) => [row, field, value, reason])).toEqual([
      [2, 'month', '2024-1', 'month is not a month YYYY-MM'],
      [3, 'amount', '-5', 'costs cannot be negative'],
      [4, 'amount', '10.5', 'more decimals than JPY allows (0)'],
      [5, 'currency', 'XXX', 'unknown currency code (expected ISO 4217, e.g. USD)'],
      [6, 'amount', '', 'amount is required'],
    ]);
  });

  it('reports records without any currency to read them in', () => {
    const { issues } = readCsCosts(
      [
        { month: '2024-01', amount: '10' },
        { month: '2024-02', amount: '20' },
      ],
      { source: 'costs.csv', onError: 'skip' },
    );
    expect(issues).toEqual([
      {
        source: 'costs.csv',
        row: 2,
        field: 'currency',
        value: '',
        reason: 'no currency given: add a currency column or set a default currency',
      },
    ]);
    const several = readCsCosts(
      [
        { month: '2024-01', amount: '10' },
        { month: '2024-01', amount: '1', currency: 'USD' },
        { month: '2024-01', amount: '1', currency: 'EUR' },
      ],
      { source: 'costs.csv', onError: 'skip' },
    );
    expect(several.issues.map((i) => [i.row, i.reason])).toEqual([
      [2, 'currency is empty and the input has several (EUR, USD): set it or a default currency'],
    ]);
  });
});
