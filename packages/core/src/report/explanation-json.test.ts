import { describe, expect, it } from 'vitest';
import type { SubscriptionLine } from '../model/subscription-line.js';
import { readSubscriptionLines } from '../readers/subscription-lines.js';
import { analyseRevenue } from '../revenue/analyse-revenue.js';
import { explainMovement, explainRate } from '../revenue/explain.js';
import { buildReport } from './build-report.js';
import { movementExplanationJson, rateExplanationJson } from './explanation-json.js';
import { sampleDataset } from '../sample/index.js';

function lines(csv: string): SubscriptionLine[] {
  const [header = '', ...rows] = csv.trim().split('\n');
  const keys = header.split(',');
  return readSubscriptionLines(
    rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [keys[i] ?? '', value]))),
    { source: 'subs.csv' },
  ).records;
}

// Two yearly customers of 1 000.00 a year (83.333… a month each) churn at the end of February.
const SUBS = lines(`
line_id,customer_id,start_date,end_date,amount,interval,currency,product
L1,a,2024-01-01,2024-03-01,1000.00,year,USD,Platform
L2,b,2024-01-01,2024-03-01,1000.00,year,USD,
L3,c,2024-01-01,,50.00,month,USD,Platform
`);

describe('movementExplanationJson', () => {
  const analysis = analyseRevenue({ subscriptions: SUBS });

  it('writes money in major units, the total rounded once like the report', () => {
    const json = movementExplanationJson(analysis, explainMovement(analysis, '2024-03', 'churn'));
    // Each customer: 1 000 ÷ 12 = 83.333… → 83.33; the total 166.666… → 166.67, as buildReport prints it.
    expect(json).toEqual({
      version: 1,
      currency: 'USD',
      month: '2024-03',
      movement: 'churn',
      mrr: 166.67,
      customers: [
        {
          customerId: 'a',
          previousMrr: 83.33,
          mrr: 0,
          amount: 83.33,
          lines: [{ lineId: 'L1', subscriptionId: null, product: 'Platform', plan: null, previousMrr: 83.33, mrr: 0 }],
        },
        {
          customerId: 'b',
          previousMrr: 83.33,
          mrr: 0,
          amount: 83.33,
          lines: [{ lineId: 'L2', subscriptionId: null, product: null, plan: null, previousMrr: 83.33, mrr: 0 }],
        },
      ],
    });
    const march = buildReport({ subscriptions: SUBS }).months.find((m) => m.month === '2024-03');
    expect(json.mrr).toBe(march?.movements.churn.mrr);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('writes a rate with money in major units, and counts for the logo churn rate', () => {
    const gross = rateExplanationJson(analysis, explainRate(analysis, '2024-03', 'grossMrrChurnRate'));
    // (166.666… churn + 0 contraction) ÷ 216.666… (83.33… × 2 + 50)
    expect([gross.numerator, gross.denominator, gross.currency, gross.version]).toEqual([166.67, 216.67, 'USD', 1]);
    expect(gross.value).toBeCloseTo(2000 / 2600, 12);
    expect(gross.movements.map((m) => [m.movement, m.mrr])).toEqual([
      ['churn', 166.67],
      ['contraction', 0],
    ]);
    const logo = rateExplanationJson(analysis, explainRate(analysis, '2024-03', 'logoChurnRate'));
    expect([logo.numerator, logo.denominator]).toEqual([2, 3]);
  });

  it("gives the report's movement totals and customer counts for every month of the sample company", () => {
    const dataset = sampleDataset();
    const sample = analyseRevenue(dataset, { currency: dataset.currency });
    const report = buildReport(dataset, { currency: dataset.currency });
    expect(report.months.length).toBeGreaterThan(24);
    for (const month of report.months) {
      for (const movement of ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const) {
        const json = movementExplanationJson(sample, explainMovement(sample, month.month, movement));
        const where = `${month.month} ${movement}`;
        expect(json.mrr, where).toBe(month.movements[movement].mrr);
        expect(json.customers.length, where).toBe(month.movements[movement].customers);
        // Each amount is rounded to the cent on its own: the sum is within half a cent per customer.
        const sum = json.customers.reduce((total, c) => total + c.amount, 0);
        expect(Math.abs(sum - json.mrr), where).toBeLessThanOrEqual(0.005 * json.customers.length + 1e-9);
      }
    }
  });
});
