import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './cs-churn-chart.js';
import type { CsChurnChart } from './churn-chart.js';
import type { PointSelectDetail } from '../internal/chart/chart-element.js';
import { sampleReportJson } from '../test-support/sample-churn.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { atWidth, layoutProblemsAtCardWidths } from '../test-support/card-widths.js';
import { contrast } from '../test-support/contrast.js';

import { dailyChurnSeries, sampleChurnBreakdown } from '../test-support/sample-churn.js';
import { preloadEveryLanguage } from '../test-support/languages.js';

const XSS = '<img src=x onerror=alert(1)>';

/** Four hand-written months: small enough to check every number by eye. */
function report() {
  const month = (month: string, logo: number, gross: number, net: number, customers: number, mrr: number) => ({
    month,
    mrr: 10000,
    logoChurnRate: logo,
    grossMrrChurnRate: gross,
    netMrrChurnRate: net,
    movements: {
      new: { mrr: 0, customers: 0 },
      expansion: { mrr: 0, customers: 0 },
      contraction: { mrr: 0, customers: 0 },
      churn: { mrr, customers },
      reactivation: { mrr: 0, customers: 0 },
    },
  });
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: [
      month('2024-01', 0.021, 0.0152, -0.004, 3, 200),
      month('2024-02', 0.0252, 0.018, 0.002, 4, 310.5),
      month('2024-03', 0.03, 0.021, 0.006, 5, 420),
      month('2024-04', 0.034, 0.022, 0.01, 6, 515.25),
    ],
  };
}

async function mount(setup: (el: CsChurnChart) => void, lang = 'en'): Promise<CsChurnChart> {
  const host = document.createElement('div');
  host.lang = lang;
  host.style.width = '640px';
  document.body.append(host);
  const el = document.createElement('cs-churn-chart');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

/** Mounts and waits until the ResizeObserver has measured the plot and the SVG is drawn. */
async function drawn(setup: (el: CsChurnChart) => void, lang = 'en'): Promise<CsChurnChart> {
  const el = await mount(setup, lang);
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
  return el;
}

function $(el: CsChurnChart, selector: string): Element | null {
  return el.shadowRoot?.querySelector(selector) ?? null;
}

function $$(el: CsChurnChart, selector: string): Element[] {
  return [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];
}

function text(el: CsChurnChart, part: string): string {
  return ($(el, `[part~="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function plot(el: CsChurnChart): HTMLElement {
  return $(el, '[part="plot"]') as HTMLElement;
}

async function settle(el: CsChurnChart): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
}

/** The tooltip's rows as "label: value", after its title. */
function tooltipRows(el: CsChurnChart): string[] {
  const tip = $(el, '[part="tooltip"]');
  if (!tip) return [];
  const cells = [...tip.querySelectorAll('dt, dd')].map((c) => c.textContent?.trim() ?? '');
  const rows = [tip.querySelector('strong')?.textContent?.trim() ?? ''];
  for (let i = 0; i < cells.length; i += 2) rows.push(`${cells[i]}: ${cells[i + 1]}`);
  return rows;
}

beforeAll(async () => {
  await page.viewport(1280, 900);
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

// These tests check what each language says; how a language loads on first use is locales.test.ts's.
beforeAll(preloadEveryLanguage);

describe('<cs-churn-chart>', () => {
  it('draws the three rates of a report as lines and summarises each', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = report();
    });
    expect($$(el, 'path.line')).toHaveLength(3);
    // One dot per month and series: 4 × 3.
    expect($$(el, 'circle.dot')).toHaveLength(12);
    expect($$(el, 'button[part="legend-item"]').map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'true',
      'true',
      'true',
    ]);
    // 0.021 → 2.1 %, 0.034 → 3.4 %; −0.004 → −0.4 %, 0.01 → 1 %.
    expect(text(el, 'summary')).toBe(
      'Logo churn rose from 2.1% to 3.4% over 4 months. Gross MRR churn rose from 1.5% to 2.2% over 4 months. ' +
        'Net MRR churn rose from -0.4% to 1% over 4 months.',
    );
    expect(text(el, 'axis')).toContain('%');
  });

  it('draws only the series chosen by the series attribute', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.setAttribute('series', 'logo net');
      el.data = report();
    });
    expect($$(el, 'path.line')).toHaveLength(2);
    expect($$(el, 'button[part="legend-item"]').map((b) => b.textContent?.trim())).toEqual([
      'Logo churn',
      'Net MRR churn',
    ]);
  });

  it('moves the tooltip with the arrow keys, Home and End, and selects with Enter', async () => {
    const selected: PointSelectDetail[] = [];
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = report();
      el.addEventListener('cs-point-select', (e) => selected.push(e.detail));
    });
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).not.toBe(plot(el));
    plot(el).focus();
    await settle(el);
    // Focus shows the first month, with exact rates and the churned customers and MRR behind them.
    expect(tooltipRows(el)).toEqual([
      'January 2024',
      'Logo churn: 2.1%',
      'Gross MRR churn: 1.52%',
      'Net MRR churn: -0.4%',
      'Churned customers: 3',
      'Churned MRR: $200.00',
    ]);
    expect($(el, '[aria-live]')?.textContent).toContain('January 2024. Logo churn: 2.1%');
    await userEvent.keyboard('{ArrowRight}');
    expect(tooltipRows(el).slice(0, 2)).toEqual(['February 2024', 'Logo churn: 2.52%']);
    await userEvent.keyboard('{End}');
    expect(tooltipRows(el)[0]).toBe('April 2024');
    await userEvent.keyboard('{ArrowRight}');
    expect(tooltipRows(el)[0]).toBe('April 2024');
    await userEvent.keyboard('{Home}');
    expect(tooltipRows(el)[0]).toBe('January 2024');
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(selected).toEqual([
      {
        index: 1,
        period: '2024-02',
        values: { logo: 0.0252, gross: 0.018, net: 0.002, churnedCustomers: 4, churnedMrr: 310.5 },
      },
    ]);
    expect($$(el, '.guide')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    expect($(el, '[part="tooltip"]')).toBeNull();
  });

  it('shows the tooltip on hover and selects the month under a click', async () => {
    const selected: string[] = [];
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = report();
      el.addEventListener('cs-point-select', (e) => selected.push(e.detail.period));
    });
    const box = plot(el).getBoundingClientRect();
    // The third of four columns spans roughly 50–75 % of the plot's width.
    await userEvent.click(plot(el), { position: { x: box.width * 0.66, y: box.height / 2 } });
    expect(selected).toEqual(['2024-03']);
    expect(tooltipRows(el)[0]).toBe('March 2024');
  });

  it('toggles a series from the legend', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = report();
    });
    const gross = $$(el, 'button[part="legend-item"]')[1] as HTMLButtonElement;
    await userEvent.click(gross);
    expect(gross.getAttribute('aria-pressed')).toBe('false');
    expect($$(el, 'path.line')).toHaveLength(2);
    expect(text(el, 'summary')).not.toContain('Gross');
    plot(el).focus();
    await settle(el);
    expect(tooltipRows(el).join()).not.toContain('Gross');
    await userEvent.click(gross);
    expect(gross.getAttribute('aria-pressed')).toBe('true');
    expect($$(el, 'path.line')).toHaveLength(3);
  });

  it('shows the same data as a table', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = report();
    });
    const toggle = $(el, '[part="table-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Hide table');
    const table = $(el, 'table') as HTMLTableElement;
    const cells = (selector: string): string[] =>
      [...table.querySelectorAll(selector)].map((c) => c.textContent?.trim() ?? '');
    expect(cells('thead th')).toEqual([
      'Period',
      'Logo churn',
      'Gross MRR churn',
      'Net MRR churn',
      'Churned customers',
      'Churned MRR',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(4);
    // Each column keeps the decimals its values need (2.52 %, 1.52 %, 0.4 %): 3.4 % is written 3.40 %.
    expect(cells('tbody tr:last-child > *')).toEqual(['April 2024', '3.40%', '2.20%', '1.0%', '6', '$515.25']);
    expect(table.caption?.textContent?.trim()).toBe('Churn');
    await expectNoAxeViolations(el);
  });

  it('draws grouped bars with type="bar", and a target line with its count in the summary', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.type = 'bar';
      el.target = 0.025;
      el.setAttribute('series', 'logo');
      el.data = report();
    });
    expect($$(el, '.plot rect.bar')).toHaveLength(4);
    expect($$(el, 'path.line')).toHaveLength(0);
    expect($(el, 'line.target')).not.toBeNull();
    expect(text(el, 'svg')).toContain('Target 2.5%');
    // Above 2.5 %: 2.52 %, 3 %, 3.4 % → 3 of 4.
    expect(text(el, 'summary')).toBe(
      'Logo churn rose from 2.1% to 3.4% over 4 months. Logo churn was above the 2.5% target in 3 of 4 periods.',
    );
  });

  it('stacks churned customers or MRR by segment from a breakdown', async () => {
    const data = {
      ...report(),
      breakdown: {
        by: 'segment',
        months: [
          {
            month: '2024-01',
            groups: [
              { key: 'SMB', customers: 2, mrr: 100 },
              { key: 'Enterprise', customers: 1, mrr: 100 },
            ],
          },
          { month: '2024-02', groups: [{ key: 'SMB', customers: 4, mrr: 310.5 }] },
          {
            month: '2024-03',
            groups: [
              { key: 'SMB', customers: 3, mrr: 120 },
              { key: XSS, customers: 2, mrr: 300 },
            ],
          },
        ],
      },
    };
    const el = await drawn((el) => {
      el.label = 'Churn by segment';
      el.breakdown = 'customers';
      el.data = data;
    });
    // Groups by total churned customers: SMB 9, XSS 2, Enterprise 1; segments drawn only where > 0: 3 + 1 + 1.
    expect($$(el, 'button[part="legend-item"]').map((b) => b.textContent?.trim())).toEqual(['SMB', XSS, 'Enterprise']);
    expect($$(el, '.plot rect.bar')).toHaveLength(5);
    // 12 customers: SMB 9/12 = 75 %, 2/12 ≈ 17 %, 1/12 ≈ 8 %.
    expect(text(el, 'summary')).toBe(`Churned customers over 4 months: 12 (SMB 75%, ${XSS} 17%, and Enterprise 8%).`);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
    el.breakdown = 'mrr';
    await settle(el);
    // MRR: SMB 530.5, XSS 300, Enterprise 100 → 930.5.
    expect(text(el, 'summary')).toBe(`Churned MRR over 4 months: $930.50 (SMB 57%, ${XSS} 32%, and Enterprise 11%).`);
    plot(el).focus();
    await settle(el);
    expect(tooltipRows(el)).toEqual([
      'January 2024',
      'SMB: $100.00 (50%)',
      `${XSS}: $0.00 (0%)`,
      'Enterprise: $100.00 (50%)',
      'Total: $200.00',
    ]);
    await userEvent.click($(el, '[part="table-toggle"]') as HTMLElement);
    expect(text(el, 'table')).toContain(XSS);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
    await expectNoAxeViolations(el);
  });

  it('formats numbers, dates and sentences in Polish and Chinese', async () => {
    const pl = await drawn((el) => {
      el.label = 'Odpływ';
      el.setAttribute('series', 'logo');
      el.data = report();
    }, 'pl');
    expect(text(pl, 'summary')).toBe('Odpływ klientów: wzrost z 2,1% do 3,4% (4 miesiące).');
    plot(pl).focus();
    await settle(pl);
    expect(tooltipRows(pl)).toEqual([
      'styczeń 2024',
      'Odpływ klientów: 2,1%',
      'Utraceni klienci: 3',
      'Utracony MRR: 200,00\u00a0USD', // Intl puts a no-break space before the code
    ]);
    expect(text(pl, 'table-toggle')).toBe('Pokaż tabelę');

    const zh = await drawn((el) => {
      el.label = '流失';
      el.locale = 'zh-Hans';
      el.setAttribute('series', 'logo');
      el.data = report();
    });
    expect(text(zh, 'summary')).toBe('客户流失率在4个月内从2.1%上升到3.4%。');
    plot(zh).focus();
    await settle(zh);
    expect(tooltipRows(zh)[0]).toBe('2024年1月');
    expect(text(zh, 'table-toggle')).toBe('显示表格');
  });

  it('follows the theme attribute, with series colours of at least 4.5:1 on the background', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = sampleReportJson();
    });
    const colours = (): { background: string; series: string[]; text: string[] } => {
      const style = getComputedStyle($(el, 'figure') as Element);
      const probe = (cls: string): string => {
        const g = $(el, `.${cls}`) ?? $(el, 'figure');
        return getComputedStyle(g as Element).color;
      };
      return {
        background: style.backgroundColor,
        series: ['c1', 'c2', 'c3'].map(probe),
        text: [style.color, getComputedStyle($(el, '.summary') as Element).color],
      };
    };
    const light = colours();
    expect(light.background).toBe('rgb(255, 255, 255)');
    for (const c of [...light.series, ...light.text]) expect(contrast(c, light.background)).toBeGreaterThanOrEqual(4.5);
    el.theme = 'dark';
    await settle(el);
    const dark = colours();
    expect(dark.background).toBe('rgb(22, 27, 34)');
    for (const c of [...dark.series, ...dark.text]) expect(contrast(c, dark.background)).toBeGreaterThanOrEqual(4.5);
    await expectNoAxeViolations(el);
  });

  it('lets authors override colours through custom properties', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.style.setProperty('--cs-churn-chart-series-1', 'rgb(1, 2, 3)');
      el.style.setProperty('--cs-surface', 'rgb(250, 250, 250)');
      el.data = report();
    });
    expect(getComputedStyle($(el, '.c1') as Element).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle($(el, 'figure') as Element).backgroundColor).toBe('rgb(250, 250, 250)');
  });

  it('has no axe violations with a realistic report, focused, in light and dark', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn rates';
      el.target = 0.03;
      el.data = sampleReportJson();
    });
    await expectNoAxeViolations(el);
    plot(el).focus();
    el.theme = 'dark';
    await settle(el);
    await expectNoAxeViolations(el);
  });

  it('follows its width from 280 px to 1200 px without moving its height', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = sampleReportJson();
    });
    const svgWidth = (): number => Number($(el, '.plot > svg')?.getAttribute('width'));
    const height = el.getBoundingClientRect().height;
    el.style.width = '280px';
    // 280 px minus the figure's padding and border leaves 246 px, which the plot fills (it never scrolls).
    await vi.waitFor(() => expect(svgWidth()).toBe(246));
    el.style.width = '900px';
    await vi.waitFor(() => expect(svgWidth()).toBe(900 - 34));
    el.style.width = '1600px';
    await vi.waitFor(() => expect(svgWidth()).toBe(1200));
    expect(el.getBoundingClientRect().height).toBe(height);
    // Fewer month labels fit at 280 px than at 1200 px, and none overlap.
    el.style.width = '280px';
    await vi.waitFor(() => expect(svgWidth()).toBe(246));
    expect($$(el, '.axis.x text').length).toBeLessThan(24);
  });

  it('draws in the task of its first render, without waiting a frame for the ResizeObserver', async () => {
    const el = await mount((el) => {
      el.label = 'Churn';
      el.data = report();
    });
    // mount() awaited the first update only; the measured size schedules one more in the same task.
    await el.updateComplete;
    expect(Number($(el, '.plot > svg')?.getAttribute('width'))).toBe(640 - 34);
  });

  it('reserves its loaded height while loading, so data arriving moves nothing', async () => {
    let resolve: (value: Response) => void = () => undefined;
    vi.spyOn(window, 'fetch').mockImplementation(() => new Promise((r) => (resolve = r)));
    const el = await mount((el) => {
      el.label = 'Churn';
      el.src = '/api/report.json';
    });
    await vi.waitFor(() => expect(text(el, 'state')).toBe('Loading…'));
    const before = el.getBoundingClientRect().height;
    resolve(new Response(JSON.stringify(report()), { headers: { 'content-type': 'application/json' } }));
    await vi.waitFor(() => expect($(el, '.plot > svg')).not.toBeNull());
    expect(el.getBoundingClientRect().height).toBe(before);
  });

  it('loads a report from src, aborting the previous request when src changes', async () => {
    const signals: AbortSignal[] = [];
    const url = URL.createObjectURL(new Blob([JSON.stringify(report())], { type: 'application/json' }));
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      if (init?.signal) signals.push(init.signal);
      return String(input).startsWith('blob:') ? realFetch(input, init) : new Promise(() => undefined);
    });
    const el = await mount((el) => {
      el.label = 'Churn';
      el.src = '/api/slow.json';
    });
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    el.src = url;
    await vi.waitFor(() => expect($(el, '.plot > svg')).not.toBeNull());
    expect(signals[0]?.aborted).toBe(true);
    expect(text(el, 'summary')).toContain('Logo churn rose from 2.1% to 3.4%');
  });

  it('shows an error state when src cannot be loaded, without an unhandled rejection', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.label = 'Churn';
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.src = '/does-not-exist/report.json';
    });
    await vi.waitFor(() => expect(text(el, 'state')).toBe('Could not load the data'));
    expect($(el, '[part="state"]')?.getAttribute('role')).toBe('alert');
    expect(reasons[0]).toMatch(/404/);
    await expectNoAxeViolations(el);
  });

  it.each([
    ['a report of another version', { version: 2, currency: 'USD', months: [] }, 'unsupported report version 2'],
    [
      'a rate that is not a number',
      { version: 1, currency: 'USD', months: [{ month: '2024-01', logoChurnRate: '2%' }] },
      'report month 2024-01.logoChurnRate is "2%", not a number or null',
    ],
    ['a malformed period', { points: [{ period: 'Jan 2024', logo: 0.02 }] }, 'points[0].period is not a YYYY-MM'],
    [
      'a breakdown with a negative count',
      {
        points: [],
        breakdown: { by: 'segment', months: [{ month: '2024-01', groups: [{ key: 'a', customers: -1, mrr: 0 }] }] },
      },
      'breakdown.months[0].groups[0].customers is not a non-negative number',
    ],
    ['null', null, 'data is not an object'],
  ])('shows an error state for %s, logs why and fires cs-data-error', async (_name, data, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.label = 'Churn';
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.data = data as never;
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(reason));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(reason);
  });

  it('reports an unknown series and a breakdown view without breakdown data', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.label = 'Churn';
      el.setAttribute('series', 'logo revenue');
      el.data = report();
    });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('unknown series "revenue"'));
    el.setAttribute('series', 'logo');
    el.breakdown = 'mrr';
    await settle(el);
    expect(errors).toHaveBeenLastCalledWith(expect.stringContaining('needs a breakdown in the data'));
    expect(text(el, 'state')).toBe('The data could not be read');
  });

  it('shows an empty state for a report without months', async () => {
    const el = await mount((el) => {
      el.label = 'Churn';
      el.data = { version: 1, currency: 'USD', months: [] };
    });
    expect(text(el, 'state')).toBe('No data for this period');
    expect(plot(el).hasAttribute('tabindex')).toBe(false);
    await expectNoAxeViolations(el);
  });

  it('renders labels as text, never as markup', async () => {
    const el = await drawn((el) => {
      el.label = XSS;
      el.data = report();
    });
    expect(text(el, 'label')).toBe(XSS);
    expect(plot(el).getAttribute('aria-label')).toBe(XSS);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('warns when it has no accessible name, and falls back to a generic one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const el = await drawn((el) => {
      el.data = report();
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('<cs-churn-chart> has no label'));
    expect(plot(el).getAttribute('aria-label')).toBe('Chart');
  });

  it("stacks the sample company's churned customers by size, from core's churn composition", async () => {
    const report = sampleReportJson();
    const el = await drawn((el) => {
      el.label = 'Churned customers by size';
      el.breakdown = 'customers';
      el.data = { ...report, breakdown: sampleChurnBreakdown() };
    });
    expect($$(el, 'rect.segment').length).toBeGreaterThan(0);
    ($(el, '[part="table-toggle"]') as HTMLButtonElement).click();
    await settle(el);
    // Core counts each churn once, so each month's groups add up to the report's churned customers.
    const totals = $$(el, '[part="table"] tbody tr').map((row) => row.lastElementChild?.textContent?.trim());
    const expected = report.months.map((m) =>
      String((m as unknown as { movements: { churn: { customers: number } } }).movements.churn.customers),
    );
    expect(totals).toEqual(expected);
    expect(expected.some((n) => n !== '0')).toBe(true);
    await expectNoAxeViolations(el);
  });

  it('draws a daily series of 3,650 points as one path with thinned labels', async () => {
    const el = await drawn((el) => {
      el.label = 'Daily churn';
      el.setAttribute('series', 'logo');
      el.data = dailyChurnSeries(3650);
    });
    expect($$(el, 'path.line')).toHaveLength(1);
    expect($$(el, 'circle.dot')).toHaveLength(0);
    expect($$(el, '.axis.x text').length).toBeLessThan(12);
    plot(el).focus();
    await userEvent.keyboard('{End}');
    // 2015-01-01 + 3,649 days
    expect(tooltipRows(el)[0]).toBe('Dec 28, 2024');
    expect(text(el, 'summary')).toMatch(/over 3,650 days\.$/);
  });
});

describe('<cs-churn-chart> in cards from 280 px', () => {
  // Issue 10: at 280, 320, 400 and 1200 px no text may overlap other text or be cut off.
  const company = () => ({ ...sampleReportJson(), breakdown: sampleChurnBreakdown() });
  const cases: readonly { name: string; lang: string; setup: (el: CsChurnChart) => void }[] = [
    { name: 'the three rates', lang: 'en', setup: () => undefined },
    {
      name: 'bars against a 3 % target',
      lang: 'en',
      setup: (el) => Object.assign(el, { series: 'logo', type: 'bar', target: 0.03 }),
    },
    {
      name: 'a target at the top of the axis',
      lang: 'en',
      setup: (el) => Object.assign(el, { series: 'logo', target: 0.06 }),
    },
    { name: 'churned MRR by size', lang: 'en', setup: (el) => (el.breakdown = 'mrr') },
    { name: 'churned customers by size', lang: 'en', setup: (el) => (el.breakdown = 'customers') },
    { name: 'Polish', lang: 'pl', setup: () => undefined },
    { name: 'Bulgarian, by size', lang: 'bg', setup: (el) => (el.breakdown = 'customers') },
    { name: 'Bulgarian', lang: 'bg', setup: () => undefined },
    { name: 'Spanish', lang: 'es', setup: () => undefined },
    { name: 'Chinese, dark', lang: 'zh-Hans', setup: (el) => (el.theme = 'dark') },
  ];
  for (const { name, lang, setup } of cases) {
    it(`keeps every label apart and inside the element: ${name}`, async () => {
      const el = await drawn((el) => {
        el.label = 'Churn';
        el.data = company();
        setup(el);
      }, lang);
      expect(await layoutProblemsAtCardWidths(el)).toEqual([]);
    });
  }

  it('keeps every label apart with the tooltip open and the table shown', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = company();
    });
    const found = await layoutProblemsAtCardWidths(el, async () => {
      plot(el).focus();
      await userEvent.keyboard('{End}{ArrowLeft}');
    });
    expect(found).toEqual([]);
    ($(el, '[part="table-toggle"]') as HTMLButtonElement).click();
    expect(await layoutProblemsAtCardWidths(el)).toEqual([]);
  });

  it('keeps every label of a daily series apart and inside the element', async () => {
    const el = await drawn((el) => {
      el.label = 'Daily logo churn';
      el.series = 'logo';
      el.data = dailyChurnSeries(3650);
    });
    expect(await layoutProblemsAtCardWidths(el)).toEqual([]);
  });

  it('wraps its controls so that every legend button and "Show table" stay in view', async () => {
    const el = await drawn((el) => {
      el.label = 'Churn';
      el.data = company();
    }, 'pl');
    await atWidth(el, 280);
    const controls = $(el, '.controls') as HTMLElement;
    const box = controls.getBoundingClientRect();
    const buttons = $$(el, '.controls button');
    expect(buttons.map((b) => b.textContent?.trim())).toContain('Pokaż tabelę');
    for (const button of buttons) {
      const r = button.getBoundingClientRect();
      expect(r.left).toBeGreaterThanOrEqual(box.left - 0.5);
      expect(r.right).toBeLessThanOrEqual(box.right + 0.5);
      expect(r.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
    }
  });

  it('gives the daily series y ticks that all read differently', async () => {
    const el = await drawn((el) => {
      el.label = 'Daily logo churn';
      el.series = 'logo';
      el.data = dailyChurnSeries(3650);
    });
    for (const width of [280, 1200]) {
      await atWidth(el, width);
      const ticks = $$(el, '.axis.y text').map((t) => t.textContent);
      expect(ticks.length).toBeGreaterThan(2);
      expect(new Set(ticks).size).toBe(ticks.length);
    }
    // The rates run 0.05 %…0.15 %: one decimal would read 0.1 % twice.
    expect($$(el, '.axis.y text').map((t) => t.textContent)).toContain('0.15%');
  });

  it('leaves a hidden breakdown group out of the summary', async () => {
    const el = await drawn((el) => {
      el.label = 'Churned MRR by size';
      el.breakdown = 'mrr';
      el.data = company();
    });
    const smb = $$(el, '[part="legend-item"]').find((b) => b.textContent?.trim() === 'smb') as HTMLButtonElement;
    expect(text(el, 'summary')).toMatch(/smb \d+%/);
    smb.click();
    await settle(el);
    expect(smb.getAttribute('aria-pressed')).toBe('false');
    expect(text(el, 'summary')).not.toContain('smb');
    // The visible groups' shares add up to 100 % again.
    const shares = [...text(el, 'summary').matchAll(/(\d+)%/g)].map((match) => Number(match[1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(99);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(101);
  });

  it('names breakdown groups by the labels property in the legend, tooltip, summary and table', async () => {
    const el = await drawn((el) => {
      el.label = 'Churned MRR by size';
      el.breakdown = 'mrr';
      el.labels = { smb: 'Small business', 'mid-market': 'Mid-market', enterprise: 'Enterprise' };
      el.data = company();
    });
    const legend = $$(el, '[part="legend-item"]').map((b) => b.textContent?.trim());
    expect(legend).toContain('Small business');
    expect(legend).not.toContain('smb');
    plot(el).focus();
    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect(tooltipRows(el).join('|')).toContain('Small business: ');
    expect(text(el, 'summary')).toMatch(/Small business \d+%/);
    ($(el, '[part="table-toggle"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($$(el, 'thead th').map((th) => th.textContent?.trim())).toContain('Small business');
    // A key without a label shows as it is; the attribute takes JSON.
    el.setAttribute('labels', '{"smb": "SMB"}');
    await settle(el);
    expect($$(el, '[part="legend-item"]').map((b) => b.textContent?.trim())).toEqual(
      expect.arrayContaining(['SMB', 'mid-market']),
    );
  });

  it('refuses labels that are not an object of strings, naming the key', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await drawn((el) => {
      el.label = 'Churned MRR by size';
      el.breakdown = 'mrr';
      el.data = company();
    });
    el.labels = { smb: 5 } as unknown as Record<string, string>;
    await settle(el);
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('labels["smb"] is 5, not a string'));
    el.setAttribute('labels', '{smb: Small}');
    await settle(el);
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('labels is "{smb: Small}", not an object of group key → label'),
    );
  });
});
