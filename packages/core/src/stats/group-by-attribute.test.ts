import { describe, expect, it } from 'vitest';
import type { Customer } from '../model/customer.js';
import { groupByCustomerAttribute } from './group-by-attribute.js';

const customers: Customer[] = [
  { customerId: 'c1', name: 'Acme', attributes: { segment: 'vip' } },
  { customerId: 'c2', attributes: { segment: 'core' } },
  { customerId: 'c3', attributes: {} },
];

describe('groupByCustomerAttribute', () => {
  it('splits by value, sorted, with unplaceable records in a null group last', () => {
    const records = [
      { customerId: 'c1', n: 1 },
      { customerId: 'c3', n: 2 },
      { customerId: 'c2', n: 3 },
      { n: 4 },
      { customerId: 'c9', n: 5 },
      { customerId: 'c1', n: 6 },
    ];
    expect(
      groupByCustomerAttribute(records, customers, 'segment').map((g) => [g.value, g.records.map((r) => r.n)]),
    ).toEqual([
      ['core', [3]],
      ['vip', [1, 6]],
      [null, [2, 4, 5]],
    ]);
  });

  it('never reads inherited properties as attribute values', () => {
    const groups = groupByCustomerAttribute([{ customerId: 'c1' }], customers, 'constructor');
    expect(groups).toEqual([{ value: null, records: [{ customerId: 'c1' }] }]);
  });

  it('groups by name too', () => {
    expect(groupByCustomerAttribute([{ customerId: 'c1' }], customers, 'name')[0]?.value).toBe('Acme');
  });
});
