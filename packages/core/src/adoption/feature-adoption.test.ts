import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../model/usage-event.js';
import { featureAdoption } from './feature-adoption.js';

const event = (customerId: string, date: string, name: string, value = 1): UsageEvent => ({
  customerId,
  date,
  name,
  value,
});

describe('featureAdoption', () => {
  it('divides active customers using each feature by active customers', () => {
    const events = [
      event('A', '2024-03-01', 'report_exported'),
      event('A', '2024-03-31', 'report_exported', 2),
      event('B', '2024-03-15', 'report_exported'),
      event('E', '2024-03-15', 'report_exported'), // not active: not counted
      event('C', '2024-02-29', 'report_exported'), // before the period
      event('C', '2024-03-05', 'api_call', 100),
    ];
    const result = featureAdoption(events, {
      period: { from: '2024-03-01', to: '2024-03-31' },
      activeCustomers: ['A', 'B', 'C', 'D'],
      features: ['sso_enabled'],
    });
    expect(result).toEqual([
      // C only → 1 ÷ 4
      { name: 'api_call', customers: 1, adoption: 0.25, events: 1, value: 100 },
      // A, B → 2 ÷ 4; A twice → 3 events, value 1 + 2 + 1 = 4
      { name: 'report_exported', customers: 2, adoption: 0.5, events: 3, value: 4 },
      // listed but unused → 0
      { name: 'sso_enabled', customers: 0, adoption: 0, events: 0, value: 0 },
    ]);
  });

  it('gives null adoption without active customers', () => {
    expect(
      featureAdoption([event('A', '2024-03-01', 'x')], {
        period: { from: '2024-03-01', to: '2024-03-31' },
        activeCustomers: [],
        features: ['x'],
      }),
    ).toEqual([{ name: 'x', customers: 0, adoption: null, events: 0, value: 0 }]);
  });
});
