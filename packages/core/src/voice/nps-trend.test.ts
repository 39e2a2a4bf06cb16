import { describe, expect, it } from 'vitest';
import type { NpsResponse } from '../model/nps-response.js';
import type { ReportNps } from '../report/report.js';
import { npsByMonth, npsTrend } from './nps-trend.js';

// r1 answers in January (9) and March (5); r2 in January (7); r3 in March (10); an anonymous answer in
// February (0); r5 in December, before the reported months (10).
const responses: NpsResponse[] = [
  { date: '2023-12-01', score: 10, respondentId: 'r5', row: 2 },
  { date: '2024-01-10', score: 9, respondentId: 'r1', row: 3 },
  { date: '2024-01-15', score: 7, respondentId: 'r2', row: 4 },
  { date: '2024-02-29', score: 0, row: 5 },
  { date: '2024-03-05', score: 5, respondentId: 'r1', row: 6 },
  { date: '2024-03-20', score: 10, respondentId: 'r3', row: 7 },
];

describe('npsTrend', () => {
  it('gives one point per month, null in a month without answers', () => {
    const trend = npsTrend(responses, { from: '2024-01', to: '2024-04' });
    expect(trend.map((p) => [p.month, p.score, p.responses])).toEqual([
      // Jan: 9 (P), 7 (Pa) → 100 × (1 − 0) ÷ 2 = 50
      ['2024-01', 50, 2],
      // Feb: 0 (D) → −100
      ['2024-02', -100, 1],
      // Mar: 5 (D), 10 (P) → 0
      ['2024-03', 0, 2],
      ['2024-04', null, 0],
    ]);
  });

  it('dedupes across a rolling window, and fills early windows from earlier answers', () => {
    const trend = npsTrend(responses, { from: '2024-01', to: '2024-03', windowMonths: 3 });
    // Jan (Nov–Jan): r5 10, r1 9, r2 7 → P 2, Pa 1 → 100 × 2 ÷ 3
    expect(trend[0]).toEqual({
      month: '2024-01',
      windowStart: '2023-11',
      score: 200 / 3,
      responses: 3,
      promoters: 2,
      passives: 1,
      detractors: 0,
    });
    // Mar (Jan–Mar): r1's March 5 replaces its January 9; r2 7, r3 10, anonymous 0
    // → P 1, Pa 1, D 2 → 100 × (1 − 2) ÷ 4 = −25
    expect(trend[2]).toEqual({
      month: '2024-03',
      windowStart: '2024-01',
      score: -25,
      responses: 4,
      promoters: 1,
      passives: 1,
      detractors: 2,
    });
    // Without dedupe, Mar (Jan–Mar) counts 9, 7, 0, 5, 10 → P 2, Pa 1, D 2 → 0
    expect(npsTrend(responses, { from: '2024-03', to: '2024-03', windowMonths: 3, dedupe: 'none' })[0]?.score).toBe(0);
  });

  it('rejects a window that is not a positive integer, and reversed months', () => {
    expect(() => npsTrend(responses, { from: '2024-01', to: '2024-03', windowMonths: 0 })).toThrow(/windowMonths/);
    expect(() => npsTrend(responses, { from: '2024-01', to: '2024-03', windowMonths: 1.5 })).toThrow(/windowMonths/);
    expect(() => npsTrend(responses, { from: '2024-03', to: '2024-01' })).toThrow(RangeError);
  });
});

describe('npsByMonth', () => {
  it("gives exactly the report's nps object, or null", () => {
    const months: (ReportNps | null)[] = npsByMonth(responses, { from: '2024-01', to: '2024-04' });
    expect(months).toEqual([
      { score: 50, responses: 2, promoters: 1, passives: 1, detractors: 0 },
      { score: -100, responses: 1, promoters: 0, passives: 0, detractors: 1 },
      { score: 0, responses: 2, promoters: 1, passives: 0, detractors: 1 },
      null,
    ]);
    expect(Object.keys(months[0] ?? {})).toEqual(['score', 'responses', 'promoters', 'passives', 'detractors']);
  });
});
