import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './cs-mrr-bridge.js';
import type { CsMrrBridge } from './mrr-bridge.js';
import type { PointSelectDetail } from '../internal/chart/chart-element.js';
import { sampleReportJson } from '../test-support/sample-churn.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { CARD_WIDTHS, atWidth, layoutProblemsAtCardWidths } from '../test-support/card-widths.js';
import { findTextLayoutProblems } from '../test-support/text-layout.js';
import { preloadEveryLanguage } from '../test-support/languages.js';

const XSS = '<img src=x onerror=alert(1)>';

const movement = (mrr: number, customers: number) => ({ mrr, customers });

/**
 * February balances by hand: 10,000 + 600 + 250.50 + 100 − 150 − 350 = 10,450.50.
 * January is the first month: its start is derived from the balance, 10,000 − 10,000 new = 0.
 */
function report(febMrr = 10450.5) {
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: [
      {
        month: '2024-01',
        mrr: 10000,
        customers: 100,
        movements: {
          new: movement(10000, 100),
          expansion: movement(0, 0),
          reactivation: movement(0, 0),
          contraction: movement(0, 0),
          churn: movement(0, 0),
        },
      },
      {
        month: '2024-02',
        mrr: febMrr,
        customers: 103,
        movements: {
          new: movement(600, 5),
          expansion: movement(250.5, 3),
          reactivation: movement(100, 1),
          contraction: movement(150, 2),
          churn: movement(350, 3),
        },
      },
    ],
  };
}

async function mount(setup: (el: CsMrrBridge) => void, lang = 'en'): Promise<CsMrrBridge> {
  const host = document.createElement('div');
  host.lang = lang;
  host.style.width = '640px';
  document.body.append(host);
  const el = document.createElement('cs-mrr-bridge');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

async function drawn(setup: (el: CsMrrBridge) => void, lang = 'en'): Promise<CsMrrBridge> {
  const el = await mount(setup, lang);
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
  return el;
}

const $ = (el: CsMrrBridge, selector: string): Element | null => el.shadowRoot?.querySelector(selector) ?? null;
const $$ = (el: CsMrrBridge, selector: string): Element[] => [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];
const text = (el: CsMrrBridge, part: string): string =>
  ($(el, `[part~="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const plot = (el: CsMrrBridge): HTMLElement => $(el, '[part="plot"]') as HTMLElement;

function tooltipRows(el: CsMrrBridge): string[] {
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

describe('<cs-mrr-bridge>', () => {
  it('draws the last month as a labelled waterfall and summarises it', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.data = report();
    });
    expect($$(el, '.step').map((t) => t.textContent)).toEqual([
      'Start',
      'New',
      'Expansion',
      'Reactivation',
      'Contraction',
      'Churn',
      'End',
    ]);
    expect($$(el, '.value').map((t) => t.textContent)).toEqual([
      '$10,000.00',
      '+$600.00',
      '+$250.50',
      '+$100.00',
      '-$150.00',
      '-$350.00',
      '$10,450.50',
    ]);
    // Colour by kind: totals slot 1, increases 3, decreases 2.
    expect($$(el, '.plot rect.bar').map((r) => r.getAttribute('class'))).toEqual([
      'bar c1',
      'bar c3',
      'bar c3',
      'bar c3',
      'bar c2',
      'bar c2',
      'bar c1',
    ]);
    expect(text(el, 'summary')).toBe(
      'MRR went from $10,000.00 to $10,450.50 in February 2024 (+$450.50): ' +
        'New +$600.00, Expansion +$250.50, Reactivation +$100.00, Contraction -$150.00, and Churn -$350.00.',
    );
  });

  it('fits the axis to the movements, marking the cut totals, unless baseline="zero"', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.data = report();
    });
    // Levels span 10,000 … 10,950.50; half that span below is 9,524.75, floored to a 500 tick: 9,500.
    expect($$(el, '.axis.y text')[0]?.textContent).toBe('$9.5K');
    expect($$(el, '.break')).toHaveLength(2);
    // Each bar goes from the level before the step to the level after it.
    const [start, fresh] = $$(el, '.plot rect.bar').map((r) => r.getBoundingClientRect());
    expect(fresh?.bottom).toBeCloseTo(start?.top ?? 0, 0);
    el.baseline = 'zero';
    await el.updateComplete;
    expect($$(el, '.axis.y text')[0]?.textContent).toBe('$0');
    expect($$(el, '.break')).toHaveLength(0);
  });

  it('shows the chosen month, deriving the start of the first month from the balance', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.month = '2024-01';
      el.data = report();
    });
    expect($$(el, '.value').map((t) => t.textContent)[0]).toBe('$0.00');
    expect(text(el, 'summary')).toContain(
      'MRR went from $0.00 to $10,000.00 in January 2024 (+$10,000.00): New +$10,000.00,',
    );
  });

  it('describes each step in the tooltip, follows the keyboard and selects with Enter', async () => {
    const selected: PointSelectDetail[] = [];
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.data = report();
      el.addEventListener('cs-point-select', (e) => selected.push(e.detail));
    });
    plot(el).focus();
    await el.updateComplete;
    expect(tooltipRows(el)).toEqual(['Start · January 2024', 'MRR: $10,000.00', 'Customers: 100']);
    await userEvent.keyboard('{End}{ArrowLeft}');
    // 350 ÷ 10,000 = 3.5 % of the starting MRR, shown with its sign.
    expect(tooltipRows(el)).toEqual([
      'Churn · February 2024',
      'MRR: -$350.00',
      'Customers: 3',
      'Of starting MRR: -3.5%',
    ]);
    await userEvent.keyboard('{Enter}');
    expect(selected).toEqual([{ index: 5, period: '2024-02', key: 'churn', values: { mrr: -350, customers: 3 } }]);
  });

  it('shows the bridge as a table and has no axe violations in light and dark', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.data = sampleReportJson();
    });
    await userEvent.click($(el, '[part="table-toggle"]') as HTMLElement);
    const rows = [...($(el, 'table')?.querySelectorAll('tr') ?? [])].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows[0]).toEqual(['Movement', 'MRR', 'Customers']);
    expect(rows.map((r) => r[0])).toEqual([
      'Movement',
      'Start',
      'New',
      'Expansion',
      'Reactivation',
      'Contraction',
      'Churn',
      'End',
    ]);
    await expectNoAxeViolations(el);
    el.theme = 'dark';
    plot(el).focus();
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('switches the colours of its base part and series with theme="dark"', async () => {
    const el = await drawn((el) => {
      el.label = 'Theme';
      el.data = report();
    });
    const base = (): CSSStyleDeclaration => getComputedStyle($(el, '[part~="base"]') as Element);
    const colour = (selector: string): string => getComputedStyle($(el, selector) as Element).color;
    expect(base().backgroundColor).toBe('rgb(255, 255, 255)');
    expect(base().color).toBe('rgb(31, 35, 40)');
    expect(base().borderTopColor).toBe('rgb(208, 215, 222)');
    expect(colour('[part~="summary"]')).toBe('rgb(87, 96, 106)');
    // Totals in slot 1 (blue), increases in slot 3 (bluish green), decreases in slot 2 (vermillion).
    expect(colour('.bar.c1')).toBe('rgb(0, 114, 178)');
    expect(colour('.bar.c3')).toBe('rgb(0, 121, 90)');
    expect(colour('.bar.c2')).toBe('rgb(181, 75, 0)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).toBe('dark');
    expect(base().backgroundColor).toBe('rgb(22, 27, 34)');
    expect(base().color).toBe('rgb(230, 237, 243)');
    expect(base().borderTopColor).toBe('rgb(61, 68, 77)');
    expect(colour('[part~="summary"]')).toBe('rgb(145, 152, 161)');
    expect(colour('.bar.c1')).toBe('rgb(86, 180, 233)');
    expect(colour('.bar.c3')).toBe('rgb(47, 191, 143)');
    expect(colour('.bar.c2')).toBe('rgb(240, 122, 51)');
  });

  it('takes the documented --cs-* custom properties, its own over the global ones, in either theme', async () => {
    const el = await drawn((el) => {
      el.label = 'Custom properties';
      el.data = report();
    });
    const base = (): CSSStyleDeclaration => getComputedStyle($(el, '[part~="base"]') as Element);
    const colour = (selector: string): string => getComputedStyle($(el, selector) as Element).color;
    const page = el.parentElement as HTMLElement;
    page.style.setProperty('--cs-surface', 'rgb(250, 250, 250)');
    page.style.setProperty('--cs-text', 'rgb(10, 20, 30)');
    page.style.setProperty('--cs-radius', '2px');
    page.style.setProperty('--cs-series-2', 'rgb(40, 50, 60)');
    expect(base().backgroundColor).toBe('rgb(250, 250, 250)');
    expect(base().color).toBe('rgb(10, 20, 30)');
    expect(base().borderTopLeftRadius).toBe('2px');
    expect(colour('.bar.c2')).toBe('rgb(40, 50, 60)');

    el.style.setProperty('--cs-mrr-bridge-background', 'rgb(1, 2, 3)');
    el.style.setProperty('--cs-mrr-bridge-color', 'rgb(4, 5, 6)');
    el.style.setProperty('--cs-mrr-bridge-muted-color', 'rgb(7, 8, 9)');
    el.style.setProperty('--cs-mrr-bridge-border-color', 'rgb(11, 12, 13)');
    el.style.setProperty('--cs-mrr-bridge-series-2', 'rgb(14, 15, 16)');
    el.style.setProperty('--cs-mrr-bridge-height', '300px');
    for (const theme of ['', 'dark'] as const) {
      el.theme = theme;
      await el.updateComplete;
      expect(base().backgroundColor).toBe('rgb(1, 2, 3)');
      expect(base().color).toBe('rgb(4, 5, 6)');
      expect(base().borderTopColor).toBe('rgb(11, 12, 13)');
      expect(colour('[part~="summary"]')).toBe('rgb(7, 8, 9)');
      expect(colour('.bar.c2')).toBe('rgb(14, 15, 16)');
    }
    expect(plot(el).getBoundingClientRect().height).toBe(300);
  });
  it('lays the steps out as rows with compact amounts in a 280 px card, and as columns at 1200 px', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.style.width = '280px';
      el.data = sampleReportJson();
    });
    // 280 px minus the figure's padding and border: the plot fills its 246 px box.
    await vi.waitFor(() => expect($(el, '.plot > svg')?.getAttribute('width')).toBe('246'));
    expect($$(el, '.step')).toHaveLength(7);
    // Rows: every name starts at the left edge, one under the other.
    expect($$(el, '.step').map((t) => t.getAttribute('x'))).toEqual(Array(7).fill('0'));
    const ys = $$(el, '.step').map((t) => Number(t.getAttribute('y')));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // The sample company starts the month at millions of dollars: the narrow label is compact ("$2.5M"), not "$2,512,345.67".
    expect($$(el, '.value').map((t) => t.textContent)[0]).toMatch(/^\$\d+(\.\d)?[KM]$/);
    // A row is chosen by the pointer's height: a click on the third row selects Expansion.
    const selected: string[] = [];
    el.addEventListener('cs-point-select', (e) => selected.push(e.detail.key ?? ''));
    const third = ($$(el, '.plot rect.bar')[2] as Element).getBoundingClientRect();
    plot(el).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: third.left + 2, clientY: third.top + third.height / 2 }),
    );
    expect(selected).toEqual(['expansion']);
    el.style.width = '1200px';
    await vi.waitFor(() => expect(new Set($$(el, '.step').map((t) => t.getAttribute('x'))).size).toBe(7));
    // Columns: the names stand under the bars, all on one line.
    expect(new Set($$(el, '.step').map((t) => t.getAttribute('y'))).size).toBe(1);
  });

  it('speaks Polish and Chinese', async () => {
    const pl = await drawn((el) => {
      el.label = 'MRR';
      el.data = report();
    }, 'pl');
    expect(text(pl, 'summary').replace(/\u00a0/g, ' ')).toBe(
      'MRR (luty 2024): z 10 000,00 USD do 10 450,50 USD (+450,50 USD). ' +
        'Zmiany: Nowi +600,00 USD, Rozszerzenia +250,50 USD, Reaktywacje +100,00 USD, Ograniczenia -150,00 USD i Odpływ -350,00 USD.',
    );
    const zh = await drawn((el) => {
      el.label = 'MRR';
      el.locale = 'zh-Hans';
      el.data = report();
    });
    expect(text(zh, 'summary')).toBe(
      '2024年2月 MRR 从 US$10,000.00 变为 US$10,450.50（+US$450.50）：' +
        '新增 +US$600.00、扩展 +US$250.50、重新激活 +US$100.00、收缩 -US$150.00和流失 -US$350.00。',
    );
  });

  it.each([
    [
      'a month that does not balance',
      report(10500),
      '',
      'report month 2024-02 does not balance: start 10000 + movements = 10450.5, but end is 10500',
    ],
    ['a month the report lacks', report(), '2023-05', 'the report has no month 2023-05'],
    [
      'a bridge with a negative amount',
      {
        currency: 'EUR',
        month: '2024-02',
        start: 100,
        new: -5,
        expansion: 0,
        reactivation: 0,
        contraction: 0,
        churn: 0,
      },
      '',
      'new is -5, not an amount ≥ 0',
    ],
    [
      'a bridge whose end does not follow',
      {
        currency: 'EUR',
        month: '2024-02',
        start: 100,
        new: 50,
        expansion: 0,
        reactivation: 0,
        contraction: 0,
        churn: 0,
        end: 140,
      },
      '',
      'the bridge does not balance: start 100 + movements = 150, but end is 140',
    ],
  ])('refuses %s', async (_name, data, month, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.label = 'MRR bridge';
      el.month = month;
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.data = data as never;
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(reason));
    expect(reasons).toEqual([reason]);
  });

  it('accepts a bridge given directly, in its currency', async () => {
    const el = await drawn((el) => {
      el.label = 'Bridge';
      el.data = {
        currency: 'JPY',
        month: '2024-02',
        start: 100000,
        new: 5000,
        expansion: 0,
        reactivation: 0,
        contraction: 0,
        churn: 2000,
        customers: { new: 2 },
      };
    });
    expect($$(el, '.value').map((t) => t.textContent)).toEqual([
      '¥100,000',
      '+¥5,000',
      '¥0',
      '¥0',
      '¥0',
      '-¥2,000',
      '¥103,000',
    ]);
  });

  it('loads from src with loading and error states', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.label = 'MRR bridge';
      el.src = '/does-not-exist/report.json';
    });
    await vi.waitFor(() => expect(text(el, 'state')).toBe('Could not load the data'));
    el.src = URL.createObjectURL(new Blob([JSON.stringify(report())], { type: 'application/json' }));
    await vi.waitFor(() => expect(text(el, 'summary')).toContain('$10,450.50'));
  });

  it('renders labels as text, never as markup', async () => {
    const el = await drawn((el) => {
      el.label = XSS;
      el.data = report();
    });
    expect(text(el, 'label')).toBe(XSS);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });
});

describe('<cs-mrr-bridge> in cards from 280 px', () => {
  // Issue 10: at 280, 320, 400 and 1200 px no text may overlap other text or be cut off.
  const cases: readonly { name: string; lang: string; setup: (el: CsMrrBridge) => void }[] = [
    { name: 'the sample company', lang: 'en', setup: () => undefined },
    { name: 'from zero', lang: 'en', setup: (el) => (el.baseline = 'zero') },
    { name: 'a chosen month', lang: 'en', setup: (el) => (el.month = sampleReportJson().months[6]?.month ?? '') },
    { name: 'Spanish', lang: 'es', setup: () => undefined },
    { name: 'Polish', lang: 'pl', setup: () => undefined },
    { name: 'Bulgarian', lang: 'bg', setup: () => undefined },
    { name: 'Chinese, dark', lang: 'zh-Hans', setup: (el) => (el.theme = 'dark') },
  ];
  for (const { name, lang, setup } of cases) {
    it(`keeps every label apart and inside the element: ${name}`, async () => {
      const el = await drawn((el) => {
        el.label = 'MRR bridge';
        el.data = sampleReportJson();
        setup(el);
      }, lang);
      expect(await layoutProblemsAtCardWidths(el)).toEqual([]);
    });
  }

  it('keeps the tooltip of every step whole and inside the plot at every width (es)', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.data = sampleReportJson();
    }, 'es');
    const found: string[] = [];
    for (const width of CARD_WIDTHS) {
      await atWidth(el, width);
      plot(el).focus();
      await userEvent.keyboard('{Home}');
      for (let i = 0; i < 7; i += 1) {
        if (i > 0) await userEvent.keyboard('{ArrowRight}');
        await el.updateComplete;
        const rows = tooltipRows(el);
        // The values stay in the tooltip: "MRR: …" has an amount.
        if (!/\d/.test(rows[1] ?? '')) found.push(`${width}px step ${i}: no value in ${JSON.stringify(rows)}`);
        for (const p of findTextLayoutProblems(el))
          found.push(`${width}px step ${i} ${p.kind}: "${p.text}" / ${p.other}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('draws the plot at the width of its box, so nothing scrolls sideways', async () => {
    const el = await drawn((el) => {
      el.label = 'MRR bridge';
      el.data = sampleReportJson();
    });
    for (const width of CARD_WIDTHS) {
      await atWidth(el, width);
      const box = plot(el);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    }
  });
});
