import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HealthFactor, HealthModel } from './health-model.js';
import type { HealthScale } from './health-scale.js';
import { healthRollUps, type CustomerHealth } from './score-customers.js';
import { scoreHealth } from './score-health.js';

type Subject = Readonly<Record<string, number | undefined>>;

const factor = (key: string, weight: number, scale: HealthScale): HealthFactor<Subject> => ({
  key,
  label: key.toUpperCase(),
  weight,
  value: (subject) => subject[key],
  scale,
});

const model: HealthModel<Subject> = {
  factors: [
    factor('a', 2, { kind: 'linear', min: 0, max: 10 }),
    factor('b', 1, {
      kind: 'bands',
      bands: [
        { upTo: 6, score: 0 },
        { upTo: 8, score: 50 },
        { upTo: 10, score: 100 },
      ],
    }),
    factor('c', 1, { kind: 'linear', min: 0, max: 10, invert: true }),
  ],
};

describe('scoreHealth', () => {
  it('is the weighted mean of the scaled factors, each with its contribution', () => {
    // a 5 → 50, b 7 → 50 (7 ≤ 8), c 2.5 inverted → 100 − 25 = 75
    // (2·50 + 1·50 + 1·75) ÷ 4 = 225 ÷ 4 = 56.25 → yellow
    const result = scoreHealth(model, { a: 5, b: 7, c: 2.5 }, 0);
    expect(result.score).toBe(56.25);
    expect(result.band).toBe('yellow');
    expect(result.missing).toEqual([]);
    expect(result.factors).toEqual([
      // weight = 2 ÷ 4, contribution = 2·50 ÷ 4 = 25
      { key: 'a', label: 'A', raw: 5, score: 50, weight: 0.5, contribution: 25, modelWeight: 2 },
      { key: 'b', label: 'B', raw: 7, score: 50, weight: 0.25, contribution: 12.5, modelWeight: 1 },
      { key: 'c', label: 'C', raw: 2.5, score: 75, weight: 0.25, contribution: 18.75, modelWeight: 1 },
    ]);
  });

  it('leaves a missing factor and its weight out', () => {
    // b missing: (2·50 + 1·75) ÷ 3 = 175 ÷ 3 = 58.33
    const result = scoreHealth(model, { a: 5, c: 2.5 }, 0);
    expect(result.score).toBeCloseTo(175 / 3, 12);
    expect(result.missing).toEqual(['b']);
    expect(result.factors.map((f) => [f.key, f.weight])).toEqual([
      ['a', 2 / 3],
      ['c', 1 / 3],
    ]);
    // 100 ÷ 3 + 75 ÷ 3 = 58.33: the contributions still add up to the score
    expect(result.factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(175 / 3, 12);
  });

  it('is null, with no band, when no factor has a value or all present weights are 0', () => {
    expect(scoreHealth(model, {}, 0)).toEqual({ score: null, band: null, factors: [], missing: ['a', 'b', 'c'] });
    const zero: HealthModel<Subject> = {
      factors: [
        factor('a', 0, { kind: 'linear', min: 0, max: 10 }),
        factor('b', 1, { kind: 'linear', min: 0, max: 10 }),
      ],
    };
    const result = scoreHealth(zero, { a: 5 }, 0);
    expect(result.score).toBeNull();
    expect(result.factors).toEqual([
      { key: 'a', label: 'A', raw: 5, score: 50, weight: 0, contribution: 0, modelWeight: 0 },
    ]);
  });

  it('bands the score with the model thresholds, edges going up', () => {
    const one = (bands?: HealthModel<Subject>['bands']): HealthModel<Subject> => ({
      factors: [factor('x', 1, { kind: 'linear', min: 0, max: 100 })],
      bands,
    });
    const band = (raw: number, bands?: HealthModel<Subject>['bands']): unknown =>
      scoreHealth(one(bands), { x: raw }, 0).band;
    expect([39.999, 40, 69.999, 70].map((raw) => band(raw))).toEqual(['red', 'yellow', 'yellow', 'green']);
    expect([49, 50, 79, 80].map((raw) => band(raw, { red: 0, yellow: 50, green: 80 }))).toEqual([
      'red',
      'yellow',
      'yellow',
      'green',
    ]);
  });

  it('rejects bad models and bad values', () => {
    const linear: HealthScale = { kind: 'linear', min: 0, max: 1 };
    expect(() => scoreHealth({ factors: [] }, {}, 0)).toThrow(/at least one factor/);
    expect(() => scoreHealth({ factors: [factor('a', 1, linear), factor('a', 1, linear)] }, {}, 0)).toThrow(/twice/);
    expect(() => scoreHealth({ factors: [factor('a', -1, linear)] }, {}, 0)).toThrow(/non-negative/);
    expect(() => scoreHealth({ factors: [factor('a', 1, linear)] }, { a: Number.NaN }, 0)).toThrow(/finite number/);
    expect(() =>
      scoreHealth({ factors: [factor('a', 1, linear)], bands: { red: 0, yellow: 90, green: 10 } }, {}, 0),
    ).toThrow(/rise/);
  });
});

describe('health properties', () => {
  const scaleArb: fc.Arbitrary<HealthScale> = fc.oneof(
    fc
      .tuple(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.boolean(),
      )
      .map(([min, span, invert]) => ({ kind: 'linear' as const, min, max: min + span, invert })),
    fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 5 }).chain((edges) =>
      fc
        .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: edges.length, maxLength: edges.length })
        .map((scores) => ({
          kind: 'bands' as const,
          bands: [...edges].sort((x, y) => x - y).map((upTo, i) => ({ upTo, score: scores[i] as number })),
        })),
    ),
  );
  const modelArb = fc
    // Weights 0 or from 1e-6 up: subnormal weights would underflow to 0 when scaled, which is not the property.
    .array(fc.tuple(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1000, noNaN: true })), scaleArb), {
      minLength: 1,
      maxLength: 6,
    })
    .map((factors): HealthModel<Subject> => ({
      factors: factors.map(([weight, scale], i) => factor(`f${i}`, weight, scale)),
    }));
  const subjectArb = fc
    .array(fc.option(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { nil: undefined }), {
      minLength: 6,
      maxLength: 6,
    })
    .map((values): Subject => Object.fromEntries(values.map((value, i) => [`f${i}`, value])));

  it('keeps the health within [0, 100], and contributions add up to it', () => {
    fc.assert(
      fc.property(modelArb, subjectArb, (m, subject) => {
        const { score, factors } = scoreHealth(m, subject, 0);
        if (score === null) return;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(score, 6);
      }),
    );
  });

  it('changes no score when every weight is scaled by a positive constant', () => {
    fc.assert(
      fc.property(modelArb, subjectArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (m, subject, k) => {
        const scaled: HealthModel<Subject> = { factors: m.factors.map((f) => ({ ...f, weight: f.weight * k })) };
        const before = scoreHealth(m, subject, 0).score;
        const after = scoreHealth(scaled, subject, 0).score;
        if (before === null) expect(after).toBeNull();
        else expect(after).toBeCloseTo(before, 8);
      }),
    );
  });

  it('rolls a segment of one customer up to that customer', () => {
    fc.assert(
      fc.property(
        modelArb,
        subjectArb,
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.constantFrom('mrr' as const, 'mean' as const),
        (m, subject, mrr, weighting) => {
          const health = scoreHealth(m, subject, 0);
          const customer: CustomerHealth = {
            customerId: 'c',
            name: undefined,
            mrr,
            trend: null,
            previous: null,
            ...health,
          };
          const [rollUp] = healthRollUps([customer], () => 'vip', { weighting });
          expect(rollUp).toMatchObject({ segment: 'vip', customers: 1, score: health.score, band: health.band });
        },
      ),
    );
  });
});
