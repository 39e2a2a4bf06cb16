import { describe, expect, it } from 'vitest';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { readSubscriptionLines } from '../readers/subscription-lines.js';
import { buildReport } from './build-report.js';

function lines(csv: string): SubscriptionLine[] {
  const [header = '', ...rows] = csv.trim().split('\n');
  const keys = header.split(',');
  return readSubscriptionLines(
    rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [keys[i] ?? '', value]))),
    { source: 'subs.csv' },
  ).records;
}

const SUBS = lines(`
customer_id,start_date,end_date,amount,interval,currency
a,2024-01-01,,100.00,month,USD
b,2024-01-10,2024-03-01,1200.00,year,USD
c,2024-02-15,,49.99,month,USD
a,2024-03-01,,20.00,month,USD
`);

describe('buildReport', () => {
  const report = buildReport({ subscriptions: SUBS });

  it('prints every month from the first active one to the latest date, in major units', () => {
    // Jan: a 100 + b 1 200 ÷ 12 = 100 → 200. Feb: + c 49.99 → 249.99. Mar: b churns 100, a grows 20 → 169.99.
    expect(report.months.map((m) => [m.month, m.mrr, m.customers])).toEqual([
      ['2024-01', 200, 2],
      ['2024-02', 249.99, 3],
      ['2024-03', 169.99, 2],
    ]);
    expect(report).toMatchObject({ version: 1, currency: 'USD', timeZone: 'UTC' });
  });

  it('has exactly the fields of report.md', () => {
    const march = report.months[2];
    expect(march).toEqual({
      month: '2024-03',
      mrr: 169.99,
      arr: 2039.88, // 12 × 169.99
      customers: 2,
      arpa: 85, // 169.99 ÷ 2 = 84.995 → half-to-even → 85.00
      movements: {
        new: { mrr: 0, customers: 0 },
        expansion: { mrr: 20, customers: 1 },
        contraction: { mrr: 0, customers: 0 },
        churn: { mrr: 100, customers: 1 },
        reactivation: { mrr: 0, customers: 0 },
      },
      netNewMrr: -80,
      logoChurnRate: 1 / 3,
      grossMrrChurnRate: 10000 / 24999, // 100 ÷ 249.99
      netMrrChurnRate: 8000 / 24999, // (100 − 20) ÷ 249.99
      grr: 14999 / 24999,
      nrr: 16999 / 24999,
      nrr12: null,
      grr12: null,
      quickRatio: 0.2, // 20 ÷ 100
      ltv: null, // mean churn of Jan (null) and Feb (0) is 0
      nps: null,
      tickets: null,
      csat: null,
    });
  });

  it('lists cohorts starting in the range, ages up to `to`', () => {
    expect(report.cohorts).toEqual([
      { cohort: '2024-01', customers: 2, mrr: 200, logoRetention: [1, 1, 0.5], revenueRetention: [1, 1, 120 / 200] },
      { cohort: '2024-02', customers: 1, mrr: 49.99, logoRetention: [1, 1], revenueRetention: [1, 1] },
    ]);
    const cut = buildReport({ subscriptions: SUBS }, { from: '2024-02', to: '2024-02' });
    expect(cut.months.map((m) => m.month)).toEqual(['2024-02']);
    expect(cut.cohorts).toEqual([
      { cohort: '2024-02', customers: 1, mrr: 49.99, logoRetention: [1], revenueRetention: [1] },
    ]);
  });

  it('uses all history but prints from `from` to `to`, including empty months', () => {
    const late = buildReport({ subscriptions: SUBS }, { from: '2024-03', to: '2024-05' });
    // March still sees February as the month before: churn and expansion, not "new".
    expect(late.months.map((m) => [m.month, m.movements.new.customers, m.movements.churn.customers])).toEqual([
      ['2024-03', 0, 1],
      ['2024-04', 0, 0],
      ['2024-05', 0, 0],
    ]);
    const early = buildReport({ subscriptions: SUBS }, { from: '2023-11', to: '2024-01' });
    expect(early.months.map((m) => [m.month, m.mrr])).toEqual([
      ['2023-11', 0],
      ['2023-12', 0],
      ['2024-01', 200],
    ]);
  });

  it('rounds money half-to-even once, from unrounded sums', () => {
    const report = buildReport({
      subscriptions: lines(`
customer_id,start_date,amount,interval,currency
t,2024-01-01,1.98,year,USD
u,2024-01-01,1.00,year,USD
v,2024-01-01,1.00,year,USD
w,2024-01-01,1.00,year,USD
`),
    });
    // 198 ÷ 12 = 16.5 cents; 3 × 100 ÷ 12 = 25 cents; total 41.5 cents → half-to-even → 0.42 (rounding each line first would give 0.16 + 3 × 0.08 = 0.40).
    expect(report.months[0]).toMatchObject({ mrr: 0.42, arr: 4.98, arpa: 0.1 }); // ARR 12 × 41.5 = 498 cents; ARPA 41.5 ÷ 4 = 10.375 → 0.10
    const tie = buildReport({
      subscriptions: lines(`customer_id,start_date,amount,interval,currency\nt,2024-01-01,1.98,year,USD`),
    });
    expect(tie.months[0]?.mrr).toBe(0.16); // 16.5 → 16 (even)
  });

  it('reports JPY without decimals and BHD with three', () => {
    const jpy = buildReport({
      subscriptions: lines(`customer_id,start_date,amount,interval,currency\na,2024-01-01,10000,quarter,JPY`),
    });
    // ¥10 000 ÷ 3 = 3 333.33… → ¥3 333.
    expect(jpy.months[0]).toMatchObject({ mrr: 3333, arr: 40000 });
    const bhd = buildReport({
      subscriptions: lines(`customer_id,start_date,amount,interval,currency\na,2024-01-01,100.000,year,BHD`),
    });
    // 100.000 BHD ÷ 12 = 8.333 33… → 8.333; ARR 100.000.
    expect(bhd.months[0]).toMatchObject({ mrr: 8.333, arr: 100 });
  });

  it('converts with fx and fails clearly without it', () => {
    const mixed = lines(
      `customer_id,start_date,amount,interval,currency\na,2024-01-01,100.00,month,USD\nb,2024-01-15,100.00,month,EUR`,
    );
    expect(() => buildReport({ subscriptions: mixed })).toThrow(
      'Several currencies in the subscriptions (EUR, USD): give the reporting currency (--currency) and an fx table',
    );
    expect(() => buildReport({ subscriptions: mixed }, { currency: 'USD' })).toThrow(
      'No FX rate for EUR on or before 2024-01-15',
    );
    const report = buildReport({ subscriptions: mixed, fx: [{ date: '2024-01-01', currency: 'EUR', rate: 1.0834 }] });
    // 100 + 100 × 1.0834 = 208.34 USD.
    expect(report).toMatchObject({ currency: 'USD', months: [{ mrr: 208.34 }] });
  });

  it('adds NPS and tickets per month when they are given', () => {
    const nps = [10, 9, 7, 3].map((score, i) => ({ date: '2024-02-10', score, respondentId: `r${i}` }));
    const at = (iso: string): number => Date.parse(iso);
    const tickets = [
      // 30 minutes to first response, resolved after 4 hours.
      {
        ticketId: 't1',
        createdAt: at('2024-02-01T10:00:00Z'),
        createdDate: '2024-02-01',
        firstResponseAt: at('2024-02-01T10:30:00Z'),
        resolvedAt: at('2024-02-01T14:00:00Z'),
      },
      // 60 minutes to first response, still open.
      {
        ticketId: 't2',
        createdAt: at('2024-02-10T08:00:00Z'),
        createdDate: '2024-02-10',
        firstResponseAt: at('2024-02-10T09:00:00Z'),
      },
    ];
    const report = buildReport({ subscriptions: SUBS, nps, tickets });
    const [january, february] = report.months;
    // February: promoters 10 and 9, passive 7, detractor 3 → 100 × (2 − 1) ÷ 4 = 25.
    expect(february?.nps).toEqual({ score: 25, responses: 4, promoters: 2, passives: 1, detractors: 1 });
    // First responses 30 and 60 minutes: median 45, p90 = 30 + 0.9 × 30 = 57; one resolution of 4 h.
    expect(february?.tickets).toEqual({
      created: 2,
      firstResponseMinutes: { median: 45, p90: 57 },
      resolutionHours: { median: 4, p90: 4 },
    });
    expect(january?.nps).toBeNull();
    expect(january?.tickets).toEqual({
      created: 0,
      firstResponseMinutes: { median: null, p90: null },
      resolutionHours: { median: null, p90: null },
    });
    expect(report.months[0]?.month).toBe('2024-01');
    // Without them, both stay null.
    expect(buildReport({ subscriptions: SUBS }).months[1]).toMatchObject({ nps: null, tickets: null });
  });

  it('adds CSAT per month when answers are given, every answer counted', () => {
    // February: 5, 4, 4, 2 and 1 from the same customer → satisfied 3 of 5 = 0.6; March: one 3 → 0 of 1.
    const csat = [
      ...[5, 4, 4, 2, 1].map((score) => ({ date: '2024-02-20', score, customerId: 'a' })),
      { date: '2024-03-31', score: 3 },
    ];
    const report = buildReport({ subscriptions: SUBS, csat });
    expect(report.months.map((month) => [month.month, month.csat])).toEqual([
      ['2024-01', null],
      ['2024-02', { score: 0.6, responses: 5, satisfied: 3 }],
      ['2024-03', { score: 0, responses: 1, satisfied: 0 }],
    ]);
    // The revenue numbers do not change with CSAT.
    const without = buildReport({ subscriptions: SUBS });
    expect(report.months.map(({ csat: _csat, ...rest }) => rest)).toEqual(
      without.months.map(({ csat: _csat, ...rest }) => rest),
    );
    // A CSAT answer is a date of the input: it extends the default last month.
    const late = buildReport({ subscriptions: SUBS, csat: [{ date: '2024-05-02', score: 5 }] });
    expect(late.months.at(-1)).toMatchObject({ month: '2024-05', csat: { score: 1, responses: 1, satisfied: 1 } });
  });

  it('counts NPS and ticket dates towards the default last month', () => {
    const late = buildReport({ subscriptions: SUBS, nps: [{ date: '2024-05-02', score: 9 }] });
    expect(late.months.at(-1)).toMatchObject({ month: '2024-05', nps: { score: 100, responses: 1 } });
  });

  it('echoes the time zone and copes with no lines when the currency is known', () => {
    expect(buildReport({ subscriptions: [] }, { currency: 'EUR', timeZone: 'Europe/Berlin' })).toEqual({
      version: 1,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      months: [],
      cohorts: [],
    });
    expect(() => buildReport({ subscriptions: [] })).toThrow('No subscription lines');
  });
});
