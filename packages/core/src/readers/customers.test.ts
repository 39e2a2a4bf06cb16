import { describe, expect, it } from 'vitest';
import { readCustomers } from './customers.js';

describe('readCustomers', () => {
  it('keeps name and creation date, and every other non-empty column as an attribute', () => {
    const { records } = readCustomers(
      [
        {
          customer_id: 'c1',
          name: 'Acme',
          created_at: '2024-01-31T20:00:00-08:00',
          segment: 'smb',
          industry: '',
          country: 'NZ',
        },
      ],
      { source: 'customers.csv', timeZone: 'Pacific/Auckland' },
    );
    // 2024-01-31 20:00 −08:00 = 2024-02-01 04:00 UTC = 2024-02-01 17:00 NZDT.
    expect(records).toEqual([
      { customerId: 'c1', name: 'Acme', createdAt: '2024-02-01', attributes: { segment: 'smb', country: 'NZ' } },
    ]);
  });

  it('reports missing and duplicate ids and bad timestamps', () => {
    const { records, issues } = readCustomers(
      [
        { customer_id: 'c1' },
        { customer_id: '' },
        { customer_id: 'c1' },
        { customer_id: 'c2', created_at: '31/01/2024' },
      ],
      { source: 'customers.csv', onError: 'skip' },
    );
    expect(records.map((customer) => customer.customerId)).toEqual(['c1']);
    expect(issues).toEqual([
      { source: 'customers.csv', row: 3, field: 'customer_id', value: '', reason: 'customer_id is required' },
      {
        source: 'customers.csv',
        row: 4,
        id: 'c1',
        field: 'customer_id',
        value: 'c1',
        reason: 'duplicate customer_id (first in row 2)',
      },
      {
        source: 'customers.csv',
        row: 5,
        id: 'c2',
        field: 'created_at',
        value: '31/01/2024',
        reason: 'created_at is not an ISO 8601 date or timestamp',
      },
    ]);
  });
});
