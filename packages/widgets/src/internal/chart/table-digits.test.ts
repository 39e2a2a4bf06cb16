import { afterEach, describe, expect, it } from 'vitest';
import { createSample, elementSamples } from '../../test-support/element-samples.js';
import { tableText, type TableSpec } from './data-table.js';
import { columnDigits, fractionDigitsNeeded } from './numbers.js';

/*
 * Every numeric column of every element's table view shows its numbers with one number of fraction
 * digits (the most the column needs, within the metric's precision), so the values line up (issue 10:
 * "1.5%" above "1.25%").
 */

afterEach(() => {
  document.body.replaceChildren();
});

describe('fraction digits of a column', () => {
  it('counts what a value needs, within the cap, despite binary noise', () => {
    expect(fractionDigitsNeeded(2, 2)).toBe(0);
    expect(fractionDigitsNeeded(2.5, 2)).toBe(1);
    // 0.0252 × 100 = 2.5200000000000005 in binary: two digits, not the cap of 4.
    expect(fractionDigitsNeeded(0.0252 * 100, 4)).toBe(2);
    expect(fractionDigitsNeeded(1 / 3, 2)).toBe(2);
  });

  it('takes the most any value of the column needs; money keeps its currency digits', () => {
    // 1.5 %, 1.25 %, 2 % need 1, 2 and 0 digits: the column shows 2.
    expect(columnDigits([0.015, 0.0125, 0.02, null], { style: 'percent', maxDigits: 2 })).toBe(2);
    expect(columnDigits([22.5, 40], { style: 'decimal', maxDigits: 1 })).toBe(1);
    expect(columnDigits([10000, 10450], { style: 'currency', currency: 'USD', maxDigits: 0 })).toBe(2);
    expect(columnDigits([1000], { style: 'currency', currency: 'JPY', maxDigits: 2 })).toBe(0);
  });

  it('writes a spec with aligned columns, per locale, leaving text cells alone', () => {
    const spec: TableSpec = {
      caption: 'Churn',
      columns: ['Period', 'Rate', 'Change'],
      rows: [
        ['Jan', { value: 0.015, style: 'percent', maxDigits: 2 }, 'No change'],
        [
          'Feb',
          { value: 0.0125, style: 'percent', maxDigits: 2 },
          { value: -0.25, style: 'decimal', maxDigits: 2, signed: true, suffix: ' pp' },
        ],
        [
          'Mar',
          { value: 0.02, style: 'percent', maxDigits: 2 },
          { value: 0.75, style: 'decimal', maxDigits: 2, signed: true, suffix: ' pp' },
        ],
        [
          'Apr',
          { value: null, style: 'percent', maxDigits: 2 },
          { value: null, style: 'decimal', maxDigits: 2, suffix: ' pp' },
        ],
      ],
    };
    expect(tableText(spec, 'en')).toEqual([
      ['Jan', '1.50%', 'No change'],
      ['Feb', '1.25%', '-0.25 pp'],
      ['Mar', '2.00%', '+0.75 pp'],
      ['Apr', '–', '–'],
    ]);
    expect(tableText(spec, 'pl').map((row) => row[1])).toEqual(['1,50%', '1,25%', '2,00%', '–']);
  });
});

/** Data whose numbers need different decimals within a column, for each element. */
const varied: Readonly<Record<string, () => unknown>> = {
  // 1.5 %, 1.25 %, 2 %: changes of -0.25 and +0.75 points.
  'cs-kpi': () => ({
    points: [
      { period: '2024-01', value: 0.015 },
      { period: '2024-02', value: 0.0125 },
      { period: '2024-03', value: 0.02 },
    ],
    format: 'percent',
  }),
};

/**
 * Columns to check exactly, by index (after the row header). Arithmetic: churn rates 0.021, 0.0252,
 * 0.03, 0.034 need up to 2 digits (2.52 %); NPS (20 − 11) / 40 = 22.5 and (30 − 10) / 50 = 40 need 1;
 * the health contributions 40, 25.2 and 16 need 1, scores 100, 63 and 80 none.
 */
const expected: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  // The KPI table writes what the tile writes (one precision rule): rates with one decimal, and a
  // change as the difference of the rates shown: 1.3 − 1.5 = −0.2 pp, 2.0 − 1.3 = +0.7 pp.
  'cs-kpi': { 0: ['1.5%', '1.3%', '2.0%'], 1: ['', '-0.2 pp', '+0.7 pp'] },
  'cs-health-card': {
    1: ['100', '63', '80', '–', '–', '–'],
    2: ['40%', '40%', '20%', '–', '–', '–'],
    3: ['40.0', '25.2', '16.0', '–', '–', '–'],
  },
  'cs-churn-chart': { 0: ['2.10%', '2.52%', '3.00%', '3.40%'] },
  'cs-nps-trend': { 0: ['22.5', '40.0'] },
};

/** The fraction digits of a number written in English ("1,210.50" → 2, "40" → 0), or null for text. */
function digitsOf(text: string): number | null {
  const match = /\d[\d,]*(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  return match[1]?.length ?? 0;
}

/** The table's body, column by column (row headers left out). */
async function openTable(el: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<string[][]> {
  const root = el.shadowRoot as ShadowRoot;
  root.querySelector<HTMLElement>('[part~="table-toggle"]')?.click();
  await el.updateComplete;
  const rows = [...root.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? ''));
}

describe.each(elementSamples.map((sample) => [sample.tag, sample] as const))('<%s> table view', (tag, sample) => {
  it('writes every number of a column with the same fraction digits', async () => {
    const el = createSample(sample) as HTMLElement & { data?: unknown; updateComplete?: Promise<unknown> };
    el.data = (varied[tag] ?? sample.data)();
    const host = document.createElement('div');
    host.lang = 'en';
    host.style.width = '640px';
    host.append(el);
    document.body.append(host);
    await el.updateComplete;
    await el.updateComplete;
    const columns = await openTable(el);
    expect(columns.length).toBeGreaterThan(0);
    // The health card's raw values are in each factor's own unit: not one column of numbers.
    const numeric = tag === 'cs-health-card' ? columns.slice(1) : columns;
    for (const column of numeric) {
      const digits = new Set(column.map(digitsOf).filter((d) => d !== null));
      expect(digits.size, `column ${JSON.stringify(column)}`).toBeLessThanOrEqual(1);
    }
    for (const [index, texts] of Object.entries(expected[tag] ?? {})) expect(columns[Number(index)]).toEqual(texts);
  });
});
