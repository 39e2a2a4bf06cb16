import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../model/survey-response.js';
import { ces, cesByMonth, csat, csatByMonth } from './survey-scores.js';

const scores = (pairs: [string, number][]): SurveyResponse[] =>
  pairs.map(([date, score], i) => ({ date, score, row: i + 2 }));

describe('CSAT', () => {
  it('is the share of 4 and 5', () => {
    // 5, 4 satisfied of 5, 4, 3, 1 → 2 ÷ 4 = 0.5
    expect(
      csat(
        scores([
          ['2024-01-01', 5],
          ['2024-01-02', 4],
          ['2024-01-03', 3],
          ['2024-01-04', 1],
        ]),
      ),
    ).toEqual({ score: 0.5, responses: 4, satisfied: 2 });
    expect(csat([])).toEqual({ score: null, responses: 0, satisfied: 0 });
  });

  it('counts a period and each month', () => {
    const answers = scores([
      ['2024-01-31', 5],
      ['2024-02-01', 2],
      ['2024-02-10', 4],
      ['2024-02-29', 4],
    ]);
    // Feb 1–10: 2, 4 → 1 ÷ 2
    expect(csat(answers, { period: { from: '2024-02-01', to: '2024-02-10' } }).score).toBe(0.5);
    expect(csatByMonth(answers, { from: '2024-01', to: '2024-03' })).toEqual([
      { month: '2024-01', score: 1, responses: 1, satisfied: 1 },
      // Feb: 2, 4, 4 → 2 ÷ 3
      { month: '2024-02', score: 2 / 3, responses: 3, satisfied: 2 },
      { month: '2024-03', score: null, responses: 0, satisfied: 0 },
    ]);
  });

  it('rejects scores outside 1–5', () => {
    expect(() => csat(scores([['2024-01-01', 6]]))).toThrow(/row 2.*1 to 5/);
    expect(() => csat(scores([['2024-01-01', 0]]))).toThrow(RangeError);
  });
});

describe('CES', () => {
  it('is the mean score', () => {
    // (7 + 5 + 3) ÷ 3 = 5
    expect(
      ces(
        scores([
          ['2024-01-01', 7],
          ['2024-01-02', 5],
          ['2024-01-03', 3],
        ]),
      ),
    ).toEqual({ score: 5, responses: 3 });
    expect(ces([]).score).toBeNull();
    expect(
      cesByMonth(
        scores([
          ['2024-02-01', 2],
          ['2024-02-28', 7],
        ]),
        { from: '2024-01', to: '2024-02' },
      ),
    ).toEqual([
      { month: '2024-01', score: null, responses: 0 },
      // (2 + 7) ÷ 2 = 4.5
      { month: '2024-02', score: 4.5, responses: 2 },
    ]);
  });

  it('rejects scores outside 1–7', () => {
    expect(() => ces(scores([['2024-01-01', 8]]))).toThrow(/1 to 7/);
  });
});
