import { describe, expect, it } from 'vitest';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { analyseRevenue } from '../revenue/analyse-revenue.js';
import { csRoi } from '../roi/cs-roi.js';
import { MissingFxRateError } from './fx-table.js';

const line = (customerId: string, currency: string, row: number, lineId?: string): SubscriptionLine => ({
  customerId,
  startDate: '2024-01-01',
  amountMinor: 10000,
  currency,
  interval: 'month',
  intervalCount: 1,
  quantity: 1,
  isTrial: false,
  row,
  ...(lineId === undefined ? {} : { lineId }),
});

function thrown(run: () => unknown): MissingFxRateError {
  try {
    run();
  } catch (error) {
    if (error instanceof MissingFxRateError) return error;
    throw error;
  }
  throw new Error('expected a MissingFxRateError');
}

// metrics.md §11: a missing FX rate names the file and row of the line that needs it.
describe('a missing FX rate (metrics.md §11)', () => {
  // EUR rates start on 1 February; the EUR line of row 3 starts on 1 January.
  const fx = [{ date: '2024-02-01', currency: 'EUR', rate: 1.1 }];
  const subscriptions = [line('acme', 'USD', 2), line('globex', 'EUR', 3, 'L2')];

  it('names the row and id of the line that needs it, with currency and date', () => {
    const error = thrown(() => analyseRevenue({ subscriptions, fx }, { currency: 'USD' }));
    expect(error.record).toEqual({ kind: 'subscription line', row: 3, id: 'L2' });
    expect(error.message).toBe(
      'subscription line in row 3 (line_id "L2"): No FX rate for EUR on or before 2024-01-01 (needed to convert EUR to USD); add one to the fx table',
    );
  });

  it('names the file once a caller that knows it adds it', () => {
    const error = thrown(() => analyseRevenue({ subscriptions, fx }, { currency: 'USD' })).inSource('subs.csv');
    expect(error.message).toBe(
      'subs.csv row 3 (line_id "L2"): No FX rate for EUR on or before 2024-01-01 (needed to convert EUR to USD); add one to the fx table',
    );
    expect([error.currency, error.date, error.reportingCurrency]).toEqual(['EUR', '2024-01-01', 'USD']);
  });

  it('names the row of a CS cost too', () => {
    const analysis = analyseRevenue({ subscriptions: [line('acme', 'USD', 2)] });
    const error = thrown(() =>
      csRoi(analysis, [{ month: '2024-01', amountMinor: 500, currency: 'EUR', row: 4 }], {
        from: '2024-01',
        to: '2024-01',
      }),
    );
    expect(error.message).toMatch(/^CS cost in row 4: No FX rate for EUR on or before 2024-01-01/);
  });
});
