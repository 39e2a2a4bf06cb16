import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NpsResponse } from '../model/nps-response.js';
import { npsCategory, npsForPeriod } from './nps.js';

const answer = (respondentId: string | undefined, date: string, score: number, row?: number): NpsResponse => ({
  date,
  score,
  ...(respondentId === undefined ? {} : { respondentId }),
  ...(row === undefined ? {} : { row }),
});

describe('npsCategory', () => {
  it('splits 0–6, 7–8, 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
});

describe('npsForPeriod', () => {
  it('is 100 × (promoters − detractors) ÷ responses', () => {
    // 10, 9 promoters; 8 passive; 3 detractor → 100 × (2 − 1) ÷ 4 = 25
    const responses = [
      answer('a', '2024-01-02', 10),
      answer('b', '2024-01-03', 9),
      answer('c', '2024-01-04', 8),
      answer('d', '2024-01-05', 3),
    ];
    expect(npsForPeriod(responses)).toEqual({ score: 25, responses: 4, promoters: 2, passives: 1, detractors: 1 });
  });

  it('counts passives in the denominator', () => {
    // 9, 7, 7, 7 → 100 × (1 − 0) ÷ 4 = 25, not 100 × 1 ÷ 1
    const responses = [
      answer('a', '2024-01-02', 9),
      answer('b', '2024-01-02', 7),
      answer('c', '2024-01-02', 7),
      answer('d', '2024-01-02', 7),
    ];
    expect(npsForPeriod(responses).score).toBe(25);
  });

  it('is null without responses', () => {
    expect(npsForPeriod([])).toEqual({ score: null, responses: 0, promoters: 0, passives: 0, detractors: 0 });
    expect(
      npsForPeriod([answer('a', '2023-12-31', 10)], { period: { from: '2024-01-01', to: '2024-01-31' } }).score,
    ).toBeNull();
  });

  it("keeps a respondent's latest answer in the period", () => {
    // r1: 3 on Jan 5, then 10 on Jan 20 → only the 10 counts: 1 promoter of 1 → 100
    const responses = [answer('r1', '2024-01-20', 10, 3), answer('r1', '2024-01-05', 3, 2)];
    expect(npsForPeriod(responses)).toEqual({ score: 100, responses: 1, promoters: 1, passives: 0, detractors: 0 });
  });

  it('breaks a same-day tie by the later row, whatever the array order', () => {
    // Both on Jan 10: row 5 (score 2) is later than row 4 (score 10) → 1 detractor → −100
    const responses = [answer('r1', '2024-01-10', 2, 5), answer('r1', '2024-01-10', 10, 4)];
    expect(npsForPeriod(responses).score).toBe(-100);
    expect(npsForPeriod([...responses].reverse()).score).toBe(-100);
  });

  it('breaks a same-day tie by array position when rows are absent', () => {
    // No rows: the second element (score 10) is the later one → 100
    expect(npsForPeriod([answer('r1', '2024-01-10', 2), answer('r1', '2024-01-10', 10)]).score).toBe(100);
  });

  it('dedupes only within the period: a later answer outside it does not replace one inside', () => {
    const responses = [answer('r1', '2024-01-31', 10, 2), answer('r1', '2024-02-01', 0, 3)];
    expect(npsForPeriod(responses, { period: { from: '2024-01-01', to: '2024-01-31' } }).score).toBe(100);
  });

  it("counts every answer with dedupe: 'none'", () => {
    // 3 and 10 → (1 − 1) ÷ 2 = 0
    const responses = [answer('r1', '2024-01-05', 3, 2), answer('r1', '2024-01-20', 10, 3)];
    expect(npsForPeriod(responses, { dedupe: 'none' })).toEqual({
      score: 0,
      responses: 2,
      promoters: 1,
      passives: 0,
      detractors: 1,
    });
  });

  it('takes customer_id as the respondent when respondent_id is empty', () => {
    const byCustomer: NpsResponse[] = [
      { date: '2024-01-05', score: 0, customerId: 'c1', row: 2 },
      { date: '2024-01-06', score: 9, customerId: 'c1', row: 3 },
    ];
    expect(npsForPeriod(byCustomer).responses).toBe(1);
    // Two people of one customer, with their own respondent ids, both count: (1 − 1) ÷ 2 = 0
    const twoPeople: NpsResponse[] = [
      { date: '2024-01-05', score: 0, customerId: 'c1', respondentId: 'u1', row: 2 },
      { date: '2024-01-06', score: 9, customerId: 'c1', respondentId: 'u2', row: 3 },
    ];
    expect(npsForPeriod(twoPeople)).toMatchObject({ responses: 2, score: 0 });
  });

  it('counts an answer without respondent and customer as its own respondent', () => {
    // Three anonymous answers on one day: none replaces another → 10, 10, 0 → 100 × (2 − 1) ÷ 3
    const responses = [
      answer(undefined, '2024-01-05', 10, 2),
      answer(undefined, '2024-01-05', 10, 3),
      answer(undefined, '2024-01-05', 0, 4),
    ];
    expect(npsForPeriod(responses)).toMatchObject({ responses: 3, score: 100 / 3 });
  });

  it('includes both ends of the period', () => {
    const responses = [answer('a', '2024-01-01', 10), answer('b', '2024-01-31', 0), answer('c', '2024-02-01', 10)];
    // 10 and 0 → (1 − 1) ÷ 2 = 0
    expect(npsForPeriod(responses, { period: { from: '2024-01-01', to: '2024-01-31' } })).toMatchObject({
      responses: 2,
      score: 0,
    });
  });

  it('rejects out-of-range or fractional scores and malformed dates', () => {
    expect(() => npsForPeriod([answer('a', '2024-01-01', 11, 7)])).toThrow(/row 7.*score 11/);
    expect(() => npsForPeriod([answer('a', '2024-01-01', 7.5)])).toThrow(RangeError);
    expect(() => npsForPeriod([answer('a', '2024-1-1', 7)])).toThrow(/date/);
    expect(() => npsForPeriod([], { dedupe: 'first' as never })).toThrow(/dedupe/);
  });

  const responsesArbitrary = fc
    .array(
      fc.record({
        respondent: fc.option(fc.constantFrom('r1', 'r2', 'r3', 'r4'), { nil: undefined }),
        day: fc.integer({ min: 1, max: 28 }),
        score: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 40 },
    )
    .map((drawn) =>
      drawn.map(({ respondent, day, score }, i): NpsResponse =>
        answer(respondent, `2024-02-${String(day).padStart(2, '0')}`, score, i + 2),
      ),
    );

  it('stays within [−100, 100] and matches its counts', () => {
    fc.assert(
      fc.property(responsesArbitrary, fc.constantFrom('latest' as const, 'none' as const), (responses, dedupe) => {
        const result = npsForPeriod(responses, { dedupe });
        expect(result.promoters + result.passives + result.detractors).toBe(result.responses);
        if (result.score === null) expect(result.responses).toBe(0);
        else {
          expect(result.score).toBeGreaterThanOrEqual(-100);
          expect(result.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('does not depend on the order of responses with distinct rows', () => {
    fc.assert(
      fc.property(
        responsesArbitrary.chain((responses) =>
          fc.tuple(
            fc.constant(responses),
            fc.shuffledSubarray(responses, { minLength: responses.length, maxLength: responses.length }),
          ),
        ),
        ([responses, shuffled]) => {
          expect(npsForPeriod(shuffled)).toEqual(npsForPeriod(responses));
          expect(npsForPeriod(shuffled, { dedupe: 'none' })).toEqual(npsForPeriod(responses, { dedupe: 'none' }));
        },
      ),
    );
  });
});
