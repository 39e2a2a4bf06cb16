import { describe, expect, it } from 'vitest';
import { assignSegments, defaultSegmentRules } from '../segments/segment-rules.js';
import type { CustomerFacts } from '../segments/customer-facts.js';
import { healthBandOf } from './health-bands.js';
import { healthReport } from './health-report.js';
import type { HealthModel } from './health-model.js';
import { healthRollUps, type CustomerHealth } from './score-customers.js';
import { scaleHealthValue } from './health-scale.js';
import { scoreHealth } from './score-health.js';
import { monthlyLine as line } from '../test-support/monthly-line.js';

// metrics.md §11, "Band edges": a score meets band edges after rounding to 6 decimal places.
describe('band edges (metrics.md §11)', () => {
  it('a default-model customer whose MRR fell 2 % is green at 70', () => {
    // MRR 100.00 on 2024-03-31, 98.00 on 2024-06-30: change (98 − 100) ÷ 100 = −0.02.
    // Scale linear −0.3 … 0.1: (−0.02 + 0.3) ÷ 0.4 × 100 = 70 (69.99999999999999 in doubles).
    // No NPS, usage or tickets source: mrrChange is the only factor, so the score is 70 → green.
    const report = healthReport(
      { subscriptions: [line('A', '2024-01-01', '2024-04-15', 10000), line('A', '2024-04-15', undefined, 9800)] },
      { asOf: '2024-06-30' },
    );
    const [customer] = report.customers;
    expect(customer?.factors.map((f) => f.key)).toEqual(['mrrChange']);
    // reported without the float noise, so a reader comparing score ≥ 70 itself agrees with the band
    expect(customer?.score).toBe(70);
    expect(customer?.band).toBe('green');
    // the roll-up of its segment is the same score: green too
    expect(report.segments.map((s) => s.band)).toEqual(['green']);
  });

  it('a custom model at 40 is yellow', () => {
    // (0.1·0 + 0.2·60) ÷ 0.3 = 12 ÷ 0.3 = 40 (39.99999999999999 in doubles) → yellow.
    const model: HealthModel<Readonly<Record<string, number>>> = {
      factors: [
        { key: 'a', weight: 0.1, value: (s) => s.a, scale: { kind: 'linear', min: 0, max: 100 } },
        { key: 'b', weight: 0.2, value: (s) => s.b, scale: { kind: 'linear', min: 0, max: 100 } },
      ],
    };
    const result = scoreHealth(model, { a: 0, b: 60 }, 0);
    expect(result.score).toBe(40);
    expect(result.band).toBe('yellow');
  });

  it('bands of every threshold meet the rounded score', () => {
    expect(healthBandOf(69.99999999999999)).toBe('green');
    expect(healthBandOf(39.99999999999999)).toBe('yellow');
    // a real shortfall stays below the edge
    expect(healthBandOf(69.9999)).toBe('yellow');
    expect(healthBandOf(69.9999994)).toBe('yellow');
    expect(healthBandOf(69.9999996)).toBe('green');
  });

  it('a roll-up at 70 is green', () => {
    // one customer scoring (−0.02 + 0.3) ÷ 0.4 × 100 = 69.99999999999999 (70 on paper): its roll-up is 70 → green
    const customer = (customerId: string, score: number, mrr: number): CustomerHealth => ({
      customerId,
      name: undefined,
      mrr,
      score,
      band: null,
      factors: [],
      missing: [],
      trend: null,
      previous: null,
    });
    const [rollUp] = healthRollUps([customer('x', 69.99999999999999, 100)], () => 'all');
    expect(rollUp?.band).toBe('green');
  });

  it('a bands scale compares a computed rate with upTo after rounding', () => {
    // 0.1 + 0.2 = 0.30000000000000004 is 0.3 on paper: it falls in the band "up to 0.3".
    const scale = {
      kind: 'bands',
      bands: [
        { upTo: 0.3, score: 100 },
        { upTo: 1, score: 0 },
      ],
    } as const;
    expect(scaleHealthValue(scale, 0.1 + 0.2)).toBe(100);
    expect(scaleHealthValue(scale, 0.3001)).toBe(0);
  });

  it('segment thresholds compare rounded rates', () => {
    const population = { activeCustomers: 20, medianMrr: 1000, mrrPercentile: () => 1000 };
    const facts = (overrides: Partial<CustomerFacts>): CustomerFacts => ({
      customerId: 'x',
      customer: undefined,
      attributes: {},
      mrr: 500,
      mrrShareAtOrAbove: 0.5,
      seatUtilisation: null,
      monthsSinceExpansion: null,
      population,
      ...overrides,
    });
    const segment = (overrides: Partial<CustomerFacts>): string | null =>
      assignSegments([facts(overrides)], defaultSegmentRules()).get('x') ?? null;
    // utilisation 0.7 + 0.1 = 0.7999999999999999 is 80 % on paper → potential
    expect(segment({ seatUtilisation: 0.7 + 0.1 })).toBe('potential');
    // a share of 0.1 with noise above (0.1 + 2^-56) is still the top 10 % → vip
    expect(segment({ mrrShareAtOrAbove: 0.30000000000000004 / 3 })).toBe('vip');
  });
});
