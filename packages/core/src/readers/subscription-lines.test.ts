import { describe, expect, it } from 'vitest';
import { NO_END_DAY } from '../model/subscription-columns.js';
import { BILLING_INTERVALS, type SubscriptionLine } from '../model/subscription-line.js';
import { formatDate } from '../time/calendar-date.js';
import { CskitValidationError, type ValidationIssue } from '../validation/validation-error.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readSubscriptionColumns } from './subscription-columns-reader.js';
import { readSubscriptionLines } from './subscription-lines.js';

const base = { customer_id: 'c1', start_date: '2024-01-15', amount: '49.00', interval: 'month', currency: 'USD' };

/**
 * readSubscriptionColumns, with its columns turned back into line objects so that every test below runs
 * against both readers. Columns hold what the report needs: not line_id, subscription_id or plan.
 */
function readViaColumns(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<SubscriptionLine> {
  const { columns: c, issues } = readSubscriptionColumns(records, options);
  const lines = Array.from({ length: c.length }, (_, i): SubscriptionLine => {
    const end = c.endDay[i] as number;
    const product = c.products?.[c.product?.[i] as number] ?? '';
    return {
      customerId: c.customerIds[c.customer[i] as number] as string,
      startDate: formatDate(c.startDay[i] as number),
      ...(end === NO_END_DAY ? {} : { endDate: formatDate(end) }),
      amountMinor: c.amountMinor[i] as number,
      currency: c.currencies[c.currency[i] as number] as string,
      interval: BILLING_INTERVALS[c.interval[i] as number] as SubscriptionLine['interval'],
      intervalCount: c.intervalCount[i] as number,
      quantity: c.quantity[i] as number,
      ...(product === '' ? {} : { product }),
      isTrial: c.isTrial[i] === 1,
      row: c.row?.[i] as number,
    };
  });
  return { records: lines, issues };
}

function withoutUnheld({ lineId: _l, subscriptionId: _s, plan: _p, ...held }: SubscriptionLine): SubscriptionLine {
  return held;
}

describe.each([
  { reader: 'readSubscriptionLines', read: readSubscriptionLines, held: (line: SubscriptionLine) => line },
  { reader: 'readSubscriptionColumns', read: readViaColumns, held: withoutUnheld },
])('$reader', ({ read: readSubscriptionLines, held }) => {
  function issuesOf(records: CanonicalRecord[], defaultCurrency?: string): Omit<ValidationIssue, 'source'>[] {
    const { issues } = readSubscriptionLines(records, {
      source: 'subs.csv',
      onError: 'skip',
      ...(defaultCurrency ? { defaultCurrency } : {}),
    });
    return issues.map(({ source: _source, ...rest }) => rest);
  }

  function reasonsOf(record: CanonicalRecord): string[] {
    return issuesOf([record]).map((issue) => `${issue.field}: ${issue.reason}`);
  }

  it('types a valid record', () => {
    const { records, issues } = readSubscriptionLines(
      [
        {
          ...base,
          line_id: 'L1',
          subscription_id: 'S1',
          end_date: '2024-07-15',
          interval_count: '2',
          quantity: '3',
          product: 'Pro',
          plan: 'pro-m',
          is_trial: 'no',
        },
      ],
      { source: 'subs.csv' },
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      held({
        customerId: 'c1',
        lineId: 'L1',
        subscriptionId: 'S1',
        startDate: '2024-01-15',
        endDate: '2024-07-15',
        amountMinor: 4900,
        currency: 'USD',
        interval: 'month',
        intervalCount: 2,
        quantity: 3,
        product: 'Pro',
        plan: 'pro-m',
        isTrial: false,
        row: 2,
      }),
    ]);
  });

  it('reads an mrr column as a monthly amount, trims, and accepts lower-case currencies', () => {
    const { records } = readSubscriptionLines(
      [{ customer_id: ' c1 ', start_date: '2024-01-01', mrr: ' 25.5 ', currency: 'eur' }],
      { source: 's' },
    );
    expect(records[0]).toMatchObject({
      customerId: 'c1',
      amountMinor: 2550,
      currency: 'EUR',
      interval: 'month',
      intervalCount: 1,
      quantity: 1,
      isTrial: false,
    });
  });

  it('reads every boolean spelling of is_trial', () => {
    const spellings = ['true', 'FALSE', '1', '0', 'yes', 'No', ''];
    const { records } = readSubscriptionLines(
      spellings.map((is_trial) => ({ ...base, is_trial })),
      { source: 's' },
    );
    expect(records.map((line) => line.isTrial)).toEqual([true, false, true, false, true, false, false]);
  });

  it('reports each rule with field, value and reason', () => {
    expect(reasonsOf({ ...base, customer_id: '' })).toEqual(['customer_id: customer_id is required']);
    expect(reasonsOf({ ...base, start_date: undefined })).toEqual(['start_date: start_date is required']);
    expect(reasonsOf({ ...base, start_date: '2024-02-30' })).toEqual([
      'start_date: start_date is not a calendar date YYYY-MM-DD',
    ]);
    expect(reasonsOf({ ...base, start_date: '15/01/2024' })).toEqual([
      'start_date: start_date is not a calendar date YYYY-MM-DD',
    ]);
    expect(reasonsOf({ ...base, end_date: '2024-1-1' })).toEqual([
      'end_date: end_date is not a calendar date YYYY-MM-DD',
    ]);
    expect(reasonsOf({ ...base, end_date: '2024-01-14' })).toEqual(['end_date: end_date is before start_date']);
    expect(reasonsOf({ ...base, amount: '-5.00' })).toEqual(['amount: amounts cannot be negative']);
    expect(reasonsOf({ ...base, amount: '4,900' })).toEqual(['amount: not a decimal number (expected e.g. 49.00)']);
    expect(reasonsOf({ ...base, amount: '49.001' })).toEqual(['amount: more decimals than USD allows (2)']);
    expect(reasonsOf({ ...base, amount: '4900.5', currency: 'JPY' })).toEqual([
      'amount: more decimals than JPY allows (0)',
    ]);
    expect(reasonsOf({ ...base, interval: 'monthly' })).toEqual([
      'interval: unknown interval (expected day, week, month, quarter or year)',
    ]);
    expect(reasonsOf({ ...base, interval: undefined })).toEqual(['interval: interval is required with amount']);
    expect(reasonsOf({ ...base, currency: 'XYZ' })).toEqual([
      'currency: unknown currency code (expected ISO 4217, e.g. USD)',
    ]);
    expect(reasonsOf({ ...base, interval_count: '1.5' })).toEqual([
      'interval_count: interval_count must be a positive integer',
    ]);
    expect(reasonsOf({ ...base, interval_count: '0' })).toEqual([
      'interval_count: interval_count must be a positive integer',
    ]);
    expect(reasonsOf({ ...base, quantity: '2.5' })).toEqual(['quantity: quantity must be a non-negative integer']);
    expect(reasonsOf({ ...base, quantity: '-1' })).toEqual(['quantity: quantity must be a non-negative integer']);
    expect(reasonsOf({ ...base, is_trial: 'maybe' })).toEqual(['is_trial: is_trial must be true/false, 1/0 or yes/no']);
    expect(reasonsOf({ ...base, amount: undefined })).toEqual(['amount: amount (with interval) or mrr is required']);
    expect(reasonsOf({ ...base, mrr: '10' })).toEqual(['mrr: give either mrr or amount with interval, not both']);
    expect(
      reasonsOf({ customer_id: 'c', start_date: '2024-01-01', mrr: '10', interval: 'year', currency: 'USD' }),
    ).toEqual(['interval: a line given with mrr is monthly: interval must be empty or month']);
  });

  it('accepts end_date equal to start_date and amounts of zero', () => {
    expect(reasonsOf({ ...base, end_date: base.start_date })).toEqual([]);
    expect(reasonsOf({ ...base, amount: '0' })).toEqual([]);
  });

  it('reports duplicate line ids, keeping the first', () => {
    const { records, issues } = readSubscriptionLines(
      [
        { ...base, line_id: 'L1' },
        { ...base, line_id: 'L2' },
        { ...base, line_id: 'L1' },
      ],
      { source: 'subs.csv', onError: 'skip' },
    );
    expect(records.map((line) => line.row)).toEqual([2, 3]);
    expect(issues).toEqual([
      {
        source: 'subs.csv',
        row: 4,
        id: 'L1',
        field: 'line_id',
        value: 'L1',
        reason: 'duplicate line_id (first in row 2)',
      },
    ]);
  });

  it('throws one aggregated error by default, naming every bad row', () => {
    const run = (): unknown =>
      readSubscriptionLines([base, { ...base, end_date: '2024-01-01' }, { ...base, amount: '-1' }], {
        source: 'subs.csv',
      });
    expect(run).toThrow(CskitValidationError);
    expect(run).toThrow(
      'subs.csv row 3, field end_date, value "2024-01-01": end_date is before start_date\nsubs.csv row 4, field amount, value "-1": amounts cannot be negative',
    );
  });

  it('stops at the limit, even when skipping', () => {
    const bad = Array.from({ length: 10 }, () => ({ ...base, amount: 'x' }));
    let caught: unknown;
    try {
      readSubscriptionLines(bad, { source: 's', onError: 'skip', limit: 3, firstRow: 10 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CskitValidationError);
    const error = caught as CskitValidationError;
    expect(error.issues.map((issue) => issue.row)).toEqual([10, 11, 12]);
    expect(error.truncated).toBe(true);
  });

  describe('an empty currency', () => {
    const noCurrency = { customer_id: 'c', start_date: '2024-01-01', amount: '10.5', interval: 'month' };

    it('takes the default currency', () => {
      const { records } = readSubscriptionLines([noCurrency], { source: 's', defaultCurrency: 'jpy', onError: 'skip' });
      expect(records).toEqual([]);
      expect(issuesOf([noCurrency], 'JPY')).toEqual([
        { row: 2, field: 'amount', value: '10.5', reason: 'more decimals than JPY allows (0)' },
      ]);
      expect(readSubscriptionLines([noCurrency], { source: 's', defaultCurrency: 'BHD' }).records[0]).toMatchObject({
        currency: 'BHD',
        amountMinor: 10500,
      });
    });

    it('takes the only currency the other records name', () => {
      const { records } = readSubscriptionLines([noCurrency, { ...noCurrency, currency: 'EUR' }], { source: 's' });
      expect(records.map((line) => [line.currency, line.amountMinor])).toEqual([
        ['EUR', 1050],
        ['EUR', 1050],
      ]);
    });

    it('is an error when no record names one, reported once', () => {
      expect(issuesOf([noCurrency, noCurrency])).toEqual([
        {
          row: 2,
          field: 'currency',
          value: '',
          reason: 'no currency given: add a currency column or set a default currency (--currency)',
        },
      ]);
    });

    it('is an error for each such record when several currencies are named', () => {
      expect(issuesOf([{ ...noCurrency, currency: 'EUR' }, noCurrency, { ...noCurrency, currency: 'USD' }])).toEqual([
        {
          row: 3,
          field: 'currency',
          value: '',
          reason: 'currency is empty and the input has several (EUR, USD): set it or a default currency',
        },
      ]);
    });

    it('rejects an unknown default currency as a usage error', () => {
      expect(() => readSubscriptionLines([], { source: 's', defaultCurrency: 'ZZZ' })).toThrow(RangeError);
    });
  });
});
