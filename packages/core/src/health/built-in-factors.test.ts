import { describe, expect, it } from 'vitest';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { formatDate, parseDate } from '../time/calendar-date.js';
import {
  DEFAULT_HEALTH_MODEL_JSON,
  defaultHealthModel,
  healthModelFromJson,
  sameDayMonthsBefore,
  type HealthFactorJson,
} from './built-in-factors.js';
import { prepareCustomerData, type HealthDataset } from './customer-data.js';
import { scoreCustomers } from './score-customers.js';

const day = (text: string): number => parseDate(text) ?? Number.NaN;
const line = (
  customerId: string,
  startDate: string,
  amountMinor: number,
  extra: Partial<SubscriptionLine> = {},
): SubscriptionLine => ({
  customerId,
  startDate,
  amountMinor,
  currency: 'USD',
  interval: 'month',
  intervalCount: 1,
  quantity: 1,
  isTrial: false,
  ...extra,
});

/** Raw values of one factor for every active customer on asOf. */
function raws(
  dataset: HealthDataset,
  factor: Omit<HealthFactorJson, 'key' | 'weight' | 'scale'>,
  asOf: string,
  options = {},
): Record<string, number | undefined> {
  const model = healthModelFromJson({
    factors: [{ key: 'f', weight: 1, scale: { kind: 'linear', min: 0, max: 1 }, ...factor }],
  });
  const scored = scoreCustomers(prepareCustomerData(dataset, options), model, { asOf });
  return Object.fromEntries(scored.customers.map((c) => [c.customerId, c.factors[0]?.raw]));
}

describe('sameDayMonthsBefore', () => {
  it('keeps the day, or the month end', () => {
    const back = (text: string, months: number): string => formatDate(sameDayMonthsBefore(day(text), months));
    expect(back('2024-03-15', 3)).toBe('2023-12-15');
    // month end → month end, so month-end asOf compares month-end snapshots
    expect(back('2024-06-30', 3)).toBe('2024-03-31');
    expect(back('2025-02-28', 1)).toBe('2025-01-31');
    // a day the earlier month lacks → its last day (2024 is a leap year)
    expect(back('2024-05-30', 3)).toBe('2024-02-29');
  });
});

describe('built-in metrics', () => {
  it('nps: latest answer, the later row on one date, and an optional maximum age', () => {
    const dataset: HealthDataset = {
      subscriptions: [line('A', '2024-01-01', 100), line('B', '2024-01-01', 100)],
      nps: [
        { customerId: 'A', date: '2024-03-01', score: 10, row: 3 },
        { customerId: 'A', date: '2024-03-01', score: 4, row: 2 }, // same date, earlier row: replaced
        { customerId: 'B', date: '2023-01-01', score: 8, row: 4 },
        { date: '2024-03-02', score: 0, row: 5 }, // no customer: nobody's health
      ],
    };
    expect(raws(dataset, { metric: 'nps' }, '2024-03-31')).toEqual({ A: 10, B: 8 });
    // 2024-03-31 − 2023-01-01 = 455 days ≥ 365 → too old
    expect(raws(dataset, { metric: 'nps', maxAgeDays: 365 }, '2024-03-31')).toEqual({ A: 10, B: undefined });
  });

  it('mrrChange: relative change against 3 months earlier, converted like the revenue engine', () => {
    const dataset: HealthDataset = {
      subscriptions: [
        line('A', '2024-01-01', 10000, { endDate: '2024-05-01' }),
        // 120.00 EUR a year = 10.00 EUR a month at 1.1 (rate of 1 May) → 1100 cents
        line('A', '2024-05-01', 12000, { currency: 'EUR', interval: 'year' }),
      ],
      fx: [
        { date: '2024-01-01', currency: 'EUR', rate: 1.2 },
        { date: '2024-05-01', currency: 'EUR', rate: 1.1 },
      ],
    };
    // (1100 − 10000) ÷ 10000 = −0.89
    expect(raws(dataset, { metric: 'mrrChange' }, '2024-06-30', { currency: 'USD' }).A).toBeCloseTo(-0.89, 12);
    // 1 month back: 31 May had the EUR line already → 0
    expect(raws(dataset, { metric: 'mrrChange', months: 1 }, '2024-06-30', { currency: 'USD' }).A).toBeCloseTo(0, 12);
  });

  it('seatUtilisation: seat products only, trials never', () => {
    const dataset: HealthDataset = {
      subscriptions: [
        line('A', '2024-01-01', 100, { quantity: 4, product: 'Platform' }),
        line('A', '2024-01-01', 100, { quantity: 1, product: 'Insights' }),
        line('A', '2024-01-01', 0, { quantity: 10, product: 'Platform', isTrial: true }),
      ],
      usage: [
        { customerId: 'A', date: '2024-03-31', name: 'login', value: 1, userId: 'u1' },
        { customerId: 'A', date: '2024-03-02', name: 'login', value: 1, userId: 'u2' },
        { customerId: 'A', date: '2024-03-20', name: 'login', value: 1 }, // no user: no seat
      ],
    };
    // 2 users ÷ (4 + 1) seats = 0.4; with seatProducts ['Platform'] 2 ÷ 4 = 0.5
    expect(raws(dataset, { metric: 'seatUtilisation' }, '2024-03-31').A).toBe(0.4);
    expect(raws(dataset, { metric: 'seatUtilisation' }, '2024-03-31', { seatProducts: ['Platform'] }).A).toBe(0.5);
    // usageEvents: 3 events in 30 days; only login events named "export": 0
    expect(raws(dataset, { metric: 'usageEvents' }, '2024-03-31').A).toBe(3);
    expect(raws(dataset, { metric: 'usageEvents', event: 'export' }, '2024-03-31').A).toBe(0);
  });

  it('slaBreachRate: a response exactly at the target meets it', () => {
    const created = Date.parse('2024-03-10T09:00:00Z');
    const dataset: HealthDataset = {
      subscriptions: [line('A', '2024-01-01', 100)],
      tickets: [
        {
          ticketId: 't1',
          customerId: 'A',
          createdAt: created,
          createdDate: '2024-03-10',
          priority: 'urgent',
          firstResponseAt: created + 60 * 60_000,
        },
        {
          ticketId: 't2',
          customerId: 'A',
          createdAt: created,
          createdDate: '2024-03-10',
          priority: 'urgent',
          firstResponseAt: created + 61 * 60_000,
        },
        { ticketId: 't3', customerId: 'A', createdAt: created, createdDate: '2024-03-10', priority: 'low' },
      ],
    };
    // t1 at 60 min meets, t2 at 61 breaches; t3 has no target → 1 ÷ 2
    expect(raws(dataset, { metric: 'slaBreachRate', slaTargets: { urgent: 60 } }, '2024-03-31').A).toBe(0.5);
    expect(raws(dataset, { metric: 'ticketVolume', windowDays: 7 }, '2024-03-31').A).toBe(0);
  });

  it('attribute: a numeric customer attribute', () => {
    const dataset: HealthDataset = {
      subscriptions: [line('A', '2024-01-01', 100), line('B', '2024-01-01', 100), line('C', '2024-01-01', 100)],
      customers: [
        { customerId: 'A', attributes: { sentiment: '4.5' } },
        { customerId: 'B', attributes: { sentiment: 'good' } },
      ],
    };
    expect(raws(dataset, { metric: 'attribute', attribute: 'sentiment' }, '2024-03-31')).toEqual({
      A: 4.5,
      B: undefined,
      C: undefined,
    });
  });
});

describe('healthModelFromJson', () => {
  it('reads the default model back from its JSON text', () => {
    const model = healthModelFromJson(JSON.parse(JSON.stringify(DEFAULT_HEALTH_MODEL_JSON)));
    expect(model.factors.map((f) => [f.key, f.weight])).toEqual([
      ['nps', 0.25],
      ['seatUtilisation', 0.2],
      ['daysSinceLastUsage', 0.15],
      ['mrrChange', 0.2],
      ['ticketVolume', 0.1],
      ['slaBreachRate', 0.1],
    ]);
  });

  it('names the problem of a bad model', () => {
    const scale = { kind: 'linear', min: 0, max: 1 };
    expect(() => healthModelFromJson([])).toThrow(/factors array/);
    expect(() => healthModelFromJson({ factors: [{ key: 'x', weight: 1, metric: 'mood', scale }] })).toThrow(
      /unknown metric "mood"/,
    );
    // a typo is an error, not a silently ignored option
    expect(() =>
      healthModelFromJson({ factors: [{ key: 'x', weight: 1, metric: 'ticketVolume', windowDay: 30, scale }] }),
    ).toThrow(/takes no "windowDay"/);
    expect(() =>
      healthModelFromJson({ factors: [{ key: 'x', weight: 1, metric: 'ticketVolume', windowDays: 0, scale }] }),
    ).toThrow(/windowDays/);
    expect(() => healthModelFromJson({ factors: [{ key: 'x', weight: '1', metric: 'nps', scale }] })).toThrow(/weight/);
    expect(() =>
      healthModelFromJson({
        factors: [{ key: 'x', weight: 1, metric: 'nps', scale: { kind: 'linear', min: 1, max: 0 } }],
      }),
    ).toThrow(/min < max/);
    expect(() =>
      healthModelFromJson({
        factors: [{ key: 'x', weight: 1, metric: 'slaBreachRate', slaTargets: { high: -1 }, scale }],
      }),
    ).toThrow(/non-negative/);
    expect(() => healthModelFromJson({ factors: [], colour: 'red' })).toThrow(/Unknown health model property "colour"/);
    expect(() => defaultHealthModel({ weights: { mood: 1 } })).toThrow(/no factor "mood"/);
  });

  it('changes default weights by key', () => {
    const model = defaultHealthModel({ weights: { nps: 0 } });
    expect(model.factors.find((f) => f.key === 'nps')?.weight).toBe(0);
  });
});
