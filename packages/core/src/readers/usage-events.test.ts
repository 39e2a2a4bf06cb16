import { describe, expect, it } from 'vitest';
import { readUsageEvents } from './usage-events.js';

describe('readUsageEvents', () => {
  it('reads events with a default value of 1', () => {
    const { records } = readUsageEvents(
      [
        { customer_id: 'c1', date: '2024-03-01', name: 'login', user_id: 'u1' },
        { customer_id: 'c1', date: '2024-03-02', name: 'api_call', value: '250' },
      ],
      { source: 'usage.csv' },
    );
    expect(records).toEqual([
      { customerId: 'c1', date: '2024-03-01', name: 'login', value: 1, userId: 'u1', row: 2 },
      { customerId: 'c1', date: '2024-03-02', name: 'api_call', value: 250, row: 3 },
    ]);
  });

  it('reports missing fields and negative or non-numeric values', () => {
    const { issues } = readUsageEvents(
      [
        { customer_id: '', date: '2024-03-01', name: '' },
        { customer_id: 'c2', date: '2024-03-01', name: 'x', value: '-1' },
        { customer_id: 'c3', date: '2024-3-1', name: 'x', value: 'lots' },
      ],
      { source: 'usage.csv', onError: 'skip' },
    );
    expect(issues.map(({ row, id, field, value }) => [row, id, field, value])).toEqual([
      [2, undefined, 'customer_id', ''],
      [2, undefined, 'name', ''],
      [3, 'c2', 'value', '-1'],
      [4, 'c3', 'date', '2024-3-1'],
      [4, 'c3', 'value', 'lots'],
    ]);
  });
});
