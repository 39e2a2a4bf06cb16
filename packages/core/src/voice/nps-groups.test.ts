import { describe, expect, it } from 'vitest';
import type { Customer } from '../model/customer.js';
import type { NpsResponse } from '../model/nps-response.js';
import { npsByGroup } from './nps-groups.js';

const customers: Customer[] = [
  { customerId: 'c1', attributes: { segment: 'vip' } },
  { customerId: 'c2', attributes: { segment: 'core' } },
  { customerId: 'c3', attributes: {} },
];

describe('npsByGroup', () => {
  it('computes NPS per attribute value, unplaceable answers in a null group', () => {
    const responses: NpsResponse[] = [
      { date: '2024-01-02', score: 10, customerId: 'c1', respondentId: 'u1', row: 2 },
      { date: '2024-01-03', score: 6, customerId: 'c1', respondentId: 'u2', row: 3 },
      { date: '2024-01-04', score: 9, customerId: 'c2', row: 4 },
      { date: '2024-01-05', score: 3, customerId: 'c3', row: 5 },
      { date: '2024-01-06', score: 8, customerId: 'c9', row: 6 },
      { date: '2024-01-07', score: 10, row: 7 },
    ];
    const groups = npsByGroup(responses, customers, {
      groupBy: 'segment',
      period: { from: '2024-01-01', to: '2024-01-31' },
    });
    expect(groups.map((g) => [g.value, g.score, g.responses])).toEqual([
      // core: 9 → 100
      ['core', 100, 1],
      // vip: 10, 6 → (1 − 1) ÷ 2 = 0
      ['vip', 0, 2],
      // no segment (c3 3), unknown customer (c9 8), anonymous (10) → (1 − 1) ÷ 3 = 0
      [null, 0, 3],
    ]);
  });
});
