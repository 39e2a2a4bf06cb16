import { describe, expect, it } from 'vitest';
import { readChurnReasons } from './churn-reasons.js';

describe('readChurnReasons', () => {
  it('reads reasons with an optional voluntary flag', () => {
    const { records } = readChurnReasons(
      [
        { customer_id: 'c1', date: '2024-04-30', reason: 'price', voluntary: 'Yes', comment: 'too expensive' },
        { customer_id: 'c2', date: '2024-05-01', reason: 'payment failed', voluntary: 'false' },
        { customer_id: 'c3', date: '2024-05-02', reason: 'unknown', voluntary: '' },
      ],
      { source: 'churn.csv' },
    );
    expect(records).toEqual([
      { customerId: 'c1', date: '2024-04-30', reason: 'price', voluntary: true, comment: 'too expensive', row: 2 },
      { customerId: 'c2', date: '2024-05-01', reason: 'payment failed', voluntary: false, row: 3 },
      { customerId: 'c3', date: '2024-05-02', reason: 'unknown', row: 4 },
    ]);
  });

  it('reports an unreadable flag and missing fields', () => {
    const { issues } = readChurnReasons(
      [
        { customer_id: 'c1', date: '2024-04-30', reason: 'price', voluntary: 'maybe' },
        { customer_id: 'c2', date: '', reason: '' },
      ],
      { source: 'churn.csv', onError: 'skip' },
    );
    expect(issues).toEqual([
      {
        source: 'churn.csv',
        row: 2,
        id: 'c1',
        field: 'voluntary',
        value: 'maybe',
        reason: 'voluntary must be true/false, 1/0 or yes/no',
      },
      { source: 'churn.csv', row: 3, id: 'c2', field: 'date', value: '', reason: 'date is required' },
      { source: 'churn.csv', row: 3, id: 'c2', field: 'reason', value: '', reason: 'reason is required' },
    ]);
  });
});
