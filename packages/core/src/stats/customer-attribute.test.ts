import { describe, expect, it } from 'vitest';
import { churnComposition } from '../churn-composition/churn-composition.js';
import { healthReport } from '../health/health-report.js';
import type { Customer } from '../model/customer.js';
import type { NpsResponse } from '../model/nps-response.js';
import { readCustomers } from '../readers/customers.js';
import { analyseRevenue } from '../revenue/analyse-revenue.js';
import { withSegments } from '../segments/with-segments.js';
import { npsByGroup } from '../voice/nps-groups.js';
import { customerAttribute, groupByCustomerAttribute } from './group-by-attribute.js';
import { monthlyLine as line } from '../test-support/monthly-line.js';

// Customers as readCustomers builds them from a CSV with columns that shadow Object.prototype.
const { records: customers } = readCustomers(
  // Entries, not object literals: `{ __proto__: … }` would set a prototype instead of a column.
  [
    [
      ['customer_id', 'A'],
      ['name', 'Acme'],
      ['constructor', 'ctor-a'],
      ['__proto__', 'proto-a'],
      ['toString', 'str-a'],
    ],
    [
      ['customer_id', 'B'],
      ['name', 'Beta'],
    ],
    [
      ['customer_id', 'C'],
      ['constructor', 'ctor-a'],
    ],
  ].map((entries) => Object.fromEntries(entries)),
  { source: 'customers.csv' },
);

// A 10.00 and C 30.00 from January; B 20.00 from January to March (churns in March).
const subscriptions = [
  line('A', '2024-01-01', undefined, 1000),
  line('B', '2024-01-01', '2024-03-01', 2000),
  line('C', '2024-01-01', undefined, 3000),
];
const nps: NpsResponse[] = [
  { customerId: 'A', date: '2024-02-10', score: 10 },
  { customerId: 'B', date: '2024-02-10', score: 0 },
  { customerId: 'C', date: '2024-02-10', score: 8 },
];

/** Group → customers, as each module reports it (metrics.md §11, groupBy / attributes). */
function revenueGroups(groupBy: string): [string | null, number][] {
  const analysis = analyseRevenue({ subscriptions, customers }, { groupBy });
  // customers active in January, per group
  return analysis.groups.map((g) => [g.key, g.series.months[0]?.customers ?? 0]);
}
function npsGroups(groupBy: string): [string | null, number][] {
  return npsByGroup(nps, customers, { groupBy, period: { from: '2024-02-01', to: '2024-02-29' } }).map((g) => [
    g.value,
    g.responses,
  ]);
}

describe('one attribute accessor for every module (metrics.md §11)', () => {
  it('reads own keys only: prototype names are ordinary attribute names', () => {
    const a = customers[0] as Customer;
    expect(customerAttribute(a, 'constructor')).toBe('ctor-a');
    expect(customerAttribute(a, '__proto__')).toBe('proto-a');
    expect(customerAttribute(a, 'toString')).toBe('str-a');
    expect(customerAttribute(a, 'hasOwnProperty')).toBeNull();
    expect(customerAttribute(customers[1], 'constructor')).toBeNull();
    expect(customerAttribute(undefined, 'segment')).toBeNull();
    // `name` is the customer's name
    expect(customerAttribute(a, 'name')).toBe('Acme');
    expect(customerAttribute(customers[2], 'name')).toBeNull();
  });

  it('analyseRevenue, npsByGroup and groupByCustomerAttribute agree on constructor, __proto__ and name', () => {
    // constructor: A and C have "ctor-a", B has none → null. January: 2 and 1 customers; February: 2 and 1 answers.
    expect(revenueGroups('constructor')).toEqual([
      ['ctor-a', 2],
      [null, 1],
    ]);
    expect(npsGroups('constructor')).toEqual([
      ['ctor-a', 2],
      [null, 1],
    ]);
    // __proto__: only A
    expect(revenueGroups('__proto__')).toEqual([
      ['proto-a', 1],
      [null, 2],
    ]);
    expect(npsGroups('__proto__')).toEqual([
      ['proto-a', 1],
      [null, 2],
    ]);
    // toString on a customer without the column: null, never a function
    expect(revenueGroups('valueOf')).toEqual([[null, 3]]);
    expect(npsGroups('valueOf')).toEqual([[null, 3]]);
    // name: A "Acme", B "Beta", C has no name → null
    expect(revenueGroups('name')).toEqual([
      ['Acme', 1],
      ['Beta', 1],
      [null, 1],
    ]);
    expect(npsGroups('name')).toEqual([
      ['Acme', 1],
      ['Beta', 1],
      [null, 1],
    ]);
    expect(groupByCustomerAttribute(nps, customers, 'toString').map((g) => [g.value, g.records.length])).toEqual([
      ['str-a', 1],
      [null, 2],
    ]);
  });

  it('churnComposition groups the same way', () => {
    // B churns in March: name "Beta", constructor none → null
    const analysis = analyseRevenue({ subscriptions, customers });
    const by = (groupBy: string) =>
      churnComposition(analysis, { from: '2024-03', to: '2024-03', customers, groupBy }).groups.map((g) => g.key);
    expect(by('name')).toEqual(['Beta']);
    expect(by('constructor')).toEqual([null]);
  });

  it('healthReport segments by attribute the same way', () => {
    const report = healthReport(
      { subscriptions, customers },
      { asOf: '2024-01-31', segments: { attribute: 'constructor' } },
    );
    expect(report.customers.map((c) => [c.customerId, c.segment])).toEqual([
      ['A', 'ctor-a'],
      ['B', null],
      ['C', 'ctor-a'],
    ]);
    const byName = healthReport({ subscriptions, customers }, { asOf: '2024-01-31', segments: { attribute: 'name' } });
    expect(byName.customers.map((c) => c.segment)).toEqual(['Acme', 'Beta', null]);
  });

  it('withSegments can write a segment under a prototype name', () => {
    const segmented = withSegments(customers, new Map([['B', 'vip']]), '__proto__');
    expect(customerAttribute(segmented[1], '__proto__')).toBe('vip');
    expect(customerAttribute(segmented[0], '__proto__')).toBeNull();
  });
});
