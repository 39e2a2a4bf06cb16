import { describe, expect, it } from 'vitest';
import { readCustomers } from '../readers/customers.js';
import { readFxRates } from '../readers/fx-rates.js';
import { readNpsResponses } from '../readers/nps-responses.js';
import { readSubscriptionLines } from '../readers/subscription-lines.js';
import { readTickets } from '../readers/tickets.js';
import { formatDate } from '../time/calendar-date.js';
import { lastDayOfMonth, parseMonth } from '../time/month.js';
import {
  generateSample,
  SAMPLE_COLUMNS,
  type SampleCompany,
  type SampleEntity,
  type SampleRow,
} from './generate-sample.js';

const sample = generateSample();

describe('generateSample', () => {
  it('is deterministic: the same seed and options give the same company, another seed another', () => {
    const options = { seed: 42, customers: 200, months: 18, endMonth: '2024-06' };
    expect(generateSample(options)).toEqual(generateSample(options));
    expect(generateSample({ ...options, seed: 43 }).subscriptions).not.toEqual(generateSample(options).subscriptions);
  });

  it('leaves customers, subscriptions and FX unchanged when activity is turned off', () => {
    const options = { seed: 5, customers: 300 };
    const full = generateSample(options);
    const lean = generateSample({ ...options, activity: false });
    expect(lean.nps).toEqual([]);
    expect(lean.tickets).toEqual([]);
    expect(lean.customers).toEqual(full.customers);
    expect(lean.subscriptions).toEqual(full.subscriptions);
    expect(lean.fx).toEqual(full.fx);
  });

  it('has the requested customers over 36 months ending 2025-12 by default', () => {
    expect(sample.customers).toHaveLength(2000);
    expect(sample.firstMonth).toBe('2023-01');
    expect(sample.lastMonth).toBe('2025-12');
    expect(sample.reportingCurrency).toBe('USD');
    expect(sample.fx).toHaveLength(36 * 2);
  });

  it('rejects options out of range', () => {
    expect(() => generateSample({ customers: 0 })).toThrow(RangeError);
    expect(() => generateSample({ months: 1.5 })).toThrow('months must be an integer from 1 to 1200, got 1.5');
    expect(() => generateSample({ endMonth: '2025-13' })).toThrow('endMonth must be YYYY-MM, got 2025-13');
    expect(() => generateSample({ seed: Number.NaN })).toThrow(RangeError);
  });
});

describe('the sample records', () => {
  it('have exactly the canonical columns of their file', () => {
    for (const entity of Object.keys(SAMPLE_COLUMNS) as SampleEntity[]) {
      const columns = [...SAMPLE_COLUMNS[entity]].sort();
      const odd = sample[entity].filter((record) => Object.keys(record).sort().join() !== columns.join());
      expect(odd, entity).toEqual([]);
    }
  });

  it("pass core's readers without a single issue", () => {
    const options = (source: string) => ({ source, onError: 'throw' as const });
    expect(readCustomers(sample.customers, options('customers')).records).toHaveLength(sample.customers.length);
    expect(readSubscriptionLines(sample.subscriptions, options('subscriptions')).records).toHaveLength(
      sample.subscriptions.length,
    );
    expect(readFxRates(sample.fx, options('fx')).records).toHaveLength(sample.fx.length);
    expect(readNpsResponses(sample.nps, options('nps')).records).toHaveLength(sample.nps.length);
    expect(readTickets(sample.tickets, options('tickets')).records).toHaveLength(sample.tickets.length);
  });

  it('have unique ids, and every reference points at a known customer', () => {
    const customerIds = new Set(sample.customers.map((c) => c.customer_id));
    expect(customerIds.size).toBe(sample.customers.length);
    expect(new Set(sample.subscriptions.map((l) => l.line_id)).size).toBe(sample.subscriptions.length);
    expect(new Set(sample.tickets.map((t) => t.ticket_id)).size).toBe(sample.tickets.length);
    for (const entity of ['subscriptions', 'nps', 'tickets'] as const) {
      expect(
        sample[entity].filter((r) => !customerIds.has(r.customer_id as string)),
        entity,
      ).toEqual([]);
    }
  });

  it('are valid subscription lines: dates inside the history, end after start, amounts and counts well formed', () => {
    const first = '2023-01-01';
    const last = '2025-12-31';
    const bad = sample.subscriptions.filter(
      (l) =>
        !(l.start_date >= first && l.start_date <= last) ||
        !(l.end_date === '' || (l.end_date > l.start_date && l.end_date <= last)) ||
        !/^\d+\.\d{2}$/.test(l.amount) ||
        Number(l.amount) <= 0 ||
        !/^[1-9]\d*$/.test(l.quantity) ||
        !['month', 'year'].includes(l.interval) ||
        l.interval_count !== '1' ||
        !['USD', 'EUR', 'GBP'].includes(l.currency) ||
        !['true', 'false'].includes(l.is_trial),
    );
    expect(bad).toEqual([]);
  });

  it('have an FX rate on or before the start of every line in another currency', () => {
    const firstRate = sample.fx.map((r) => r.date).sort()[0] ?? '';
    expect(sample.subscriptions.every((l) => l.start_date >= firstRate)).toBe(true);
    expect(sample.fx.every((r) => /^\d+\.\d{4}$/.test(r.rate) && ['EUR', 'GBP'].includes(r.currency))).toBe(true);
  });

  it('are valid NPS responses and tickets', () => {
    const inHistory = (timestamp: string): boolean => timestamp >= '2023-01-01T' && timestamp < '2026-01-01T';
    const badNps = sample.nps.filter(
      (r) => !/^(10|\d)$/.test(r.score) || !(r.date >= '2023-01-01' && r.date <= '2025-12-31'),
    );
    expect(badNps).toEqual([]);
    const badTickets = sample.tickets.filter(
      (t) =>
        !inHistory(t.created_at) ||
        !(t.first_response_at === '' || (inHistory(t.first_response_at) && t.first_response_at >= t.created_at)) ||
        !(t.resolved_at === '' || (inHistory(t.resolved_at) && t.resolved_at >= t.first_response_at)) ||
        !/^[1-5]?$/.test(t.satisfaction) ||
        !/^[1-9]\d*$/.test(t.handle_minutes),
    );
    expect(badTickets).toEqual([]);
  });

  it('quote-worthy values occur, so CSV writers and readers are exercised', () => {
    expect(sample.customers.some((c) => c.name.includes(','))).toBe(true);
    expect(sample.nps.some((r) => r.comment.includes('"'))).toBe(true);
  });
});

describe('the sample company behaves like a real one', () => {
  const history = monthlyHistory(sample);
  const lastYear = history.slice(-12);

  it('has every kind of movement, trials that convert or not, and several products and currencies', () => {
    const lines = sample.subscriptions;
    expect(new Set(lines.map((l) => l.product))).toEqual(new Set(['Platform', 'Insights', 'Premium Support']));
    expect(new Set(lines.map((l) => l.currency))).toEqual(new Set(['USD', 'EUR', 'GBP']));
    expect(new Set(lines.map((l) => l.interval))).toEqual(new Set(['month', 'year']));
    const trialCustomers = new Set(lines.filter((l) => l.is_trial === 'true').map((l) => l.customer_id));
    const payingCustomers = new Set(lines.filter((l) => l.is_trial === 'false').map((l) => l.customer_id));
    const converted = [...trialCustomers].filter((c) => payingCustomers.has(c)).length;
    expect(converted / trialCustomers.size).toBeGreaterThan(0.3);
    expect(converted / trialCustomers.size).toBeLessThan(0.8);
    for (const movement of ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const) {
      expect(lastYear.filter((m) => m[movement] > 0).length, movement).toBeGreaterThanOrEqual(10);
    }
  });

  it('loses a few percent of its customers a month', () => {
    const mean = lastYear.reduce((sum, m) => sum + m.churnedCustomers / m.previousCustomers, 0) / 12;
    expect(mean).toBeGreaterThan(0.01);
    expect(mean).toBeLessThan(0.05);
  });

  it('keeps 100–115 % of its revenue from the customers it had a year earlier (NRR)', () => {
    const mean = lastYear.reduce((sum, m) => sum + (m.nrr12 ?? Number.NaN), 0) / 12;
    expect(mean).toBeGreaterThan(1);
    expect(mean).toBeLessThan(1.15);
    for (const month of lastYear) {
      expect(month.nrr12).toBeGreaterThan(0.95);
      expect(month.nrr12).toBeLessThan(1.2);
    }
  });

  it('grows: more revenue and more customers every year', () => {
    const mrr = (k: number): number => history[k]?.mrr ?? Number.NaN;
    expect(mrr(35)).toBeGreaterThan(mrr(23) * 1.2);
    expect(mrr(23)).toBeGreaterThan(mrr(11) * 1.2);
  });

  it('has a positive but not perfect NPS and prompt support', () => {
    const scores = sample.nps.map((r) => Number(r.score));
    const nps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
    expect(nps).toBeGreaterThan(0);
    expect(nps).toBeLessThan(60);
    expect(sample.tickets.length / sample.customers.length).toBeGreaterThan(2);
  });
});

interface MonthFacts {
  mrr: number;
  previousCustomers: number;
  churnedCustomers: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  nrr12: number | undefined;
}

/**
 * An independent, deliberately plain reading of metrics.md section 2 over the sample (USD, month-end
 * snapshots), to check the generator's realism without depending on the engine under test.
 */
function monthlyHistory(company: SampleCompany): MonthFacts[] {
  const first = monthOf(company.firstMonth);
  const count = monthOf(company.lastMonth) - first + 1;
  const lastDays = Array.from({ length: count }, (_, k) => formatDate(lastDayOfMonth(first + k)));
  const rate = (line: SampleRow<'subscriptions'>): number => {
    if (line.currency === 'USD') return 1;
    const known = company.fx.filter((r) => r.currency === line.currency && r.date <= line.start_date);
    return Number(known.sort((a, b) => a.date.localeCompare(b.date)).at(-1)?.rate);
  };
  const mrr = new Map<string, number[]>();
  for (const line of company.subscriptions) {
    if (line.is_trial === 'true') continue;
    const value = (Number(line.amount) * Number(line.quantity) * rate(line)) / (line.interval === 'year' ? 12 : 1);
    const series = mrr.get(line.customer_id) ?? new Array<number>(count).fill(0);
    mrr.set(line.customer_id, series);
    lastDays.forEach((day, k) => {
      if (line.start_date <= day && (line.end_date === '' || line.end_date > day)) series[k] = (series[k] ?? 0) + value;
    });
  }
  const facts: MonthFacts[] = [];
  for (let k = 0; k < count; k++) {
    const month: MonthFacts = {
      mrr: 0,
      previousCustomers: 0,
      churnedCustomers: 0,
      new: 0,
      expansion: 0,
      contraction: 0,
      churn: 0,
      reactivation: 0,
      nrr12: undefined,
    };
    let base = 0;
    let kept = 0;
    for (const series of mrr.values()) {
      const q = series[k] ?? 0;
      const p = series[k - 1] ?? 0;
      month.mrr += q;
      if (p > 0) month.previousCustomers++;
      if (p > 0 && q === 0) {
        month.churnedCustomers++;
        month.churn += p;
      } else if (p > 0 && q > p) month.expansion += q - p;
      else if (p > 0 && q < p) month.contraction += p - q;
      else if (p === 0 && q > 0) {
        if (series.slice(0, k).some((x) => x > 0)) month.reactivation += q;
        else month.new += q;
      }
      const yearAgo = series[k - 12] ?? 0;
      if (yearAgo > 0) {
        base += yearAgo;
        kept += q;
      }
    }
    if (k >= 12) month.nrr12 = kept / base;
    facts.push(month);
  }
  return facts;
}

function monthOf(text: string): number {
  const index = parseMonth(text);
  if (index === undefined) throw new Error(`not a month: ${text}`);
  return index;
}
