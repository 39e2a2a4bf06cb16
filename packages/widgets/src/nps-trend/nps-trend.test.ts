import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './cs-nps-trend.js';
import type { CsNpsTrend } from './nps-trend.js';
import type { PointSelectDetail } from '../internal/chart/chart-element.js';
import { sampleReportJson } from '../test-support/sample-churn.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { CARD_WIDTHS, atWidth, layoutProblemsAtCardWidths } from '../test-support/card-widths.js';
import { contrast } from '../test-support/contrast.js';
import { findTextLayoutProblems } from '../test-support/text-layout.js';
import { preloadEveryLanguage } from '../test-support/languages.js';

const XSS = '<img src=x onerror=alert(1)>';

/**
 * Four months, computed by hand (NPS = 100 × (promoters − detractors) ÷ responses):
 * Jan 20/9/11 → 40 responses, 22.5 · Feb 10/5/5 → 20 (low), 25 · Mar no survey · Apr 30/10/10 → 50, 40.
 */
function report() {
  const nps = (promoters: number, passives: number, detractors: number) => {
    const responses = promoters + passives + detractors;
    return { score: (100 * (promoters - detractors)) / responses, responses, promoters, passives, detractors };
  };
  return {
    version: 1,
    currency: 'USD',
    timeZone: 'UTC',
    months: [
      { month: '2024-01', nps: nps(20, 9, 11) },
      { month: '2024-02', nps: nps(10, 5, 5) },
      { month: '2024-03', nps: null },
      { month: '2024-04', nps: nps(30, 10, 10) },
    ],
  };
}

async function mount(setup: (el: CsNpsTrend) => void, lang = 'en'): Promise<CsNpsTrend> {
  const host = document.createElement('div');
  host.lang = lang;
  host.style.width = '640px';
  document.body.append(host);
  const el = document.createElement('cs-nps-trend');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

async function drawn(setup: (el: CsNpsTrend) => void, lang = 'en'): Promise<CsNpsTrend> {
  const el = await mount(setup, lang);
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
  return el;
}

const $ = (el: CsNpsTrend, selector: string): Element | null => el.shadowRoot?.querySelector(selector) ?? null;
const $$ = (el: CsNpsTrend, selector: string): Element[] => [...(el.shadowRoot?.querySelectorAll(selector) ?? [])];
const text = (el: CsNpsTrend, part: string): string =>
  ($(el, `[part~="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const plot = (el: CsNpsTrend): HTMLElement => $(el, '[part="plot"]') as HTMLElement;

function tooltipRows(el: CsNpsTrend): string[] {
  const tip = $(el, '[part="tooltip"]');
  if (!tip) return [];
  const cells = [...tip.querySelectorAll('dt, dd')].map((c) => c.textContent?.trim() ?? '');
  const rows = [tip.querySelector('strong')?.textContent?.trim() ?? ''];
  for (let i = 0; i < cells.length; i += 2) rows.push(`${cells[i]}: ${cells[i + 1]}`);
  const note = tip.querySelector('.note')?.textContent?.trim();
  return note ? [...rows, note] : rows;
}

async function settle(el: CsNpsTrend): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
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

describe('<cs-nps-trend>', () => {
  it('stacks the shares, draws the NPS line and marks low-confidence months', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.data = report();
    });
    // Three months with responses × three shares; March has no survey, so no bar and a gap in the line.
    expect($$(el, '.plot rect.share')).toHaveLength(9);
    expect($$(el, 'path.nps-line')).toHaveLength(1);
    expect($(el, 'path.nps-line')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect($$(el, '.nps-dot')).toHaveLength(3);
    // February's 20 responses are below the default minimum of 30.
    expect($$(el, '.nps-dot.low')).toHaveLength(1);
    expect($$(el, '.low-outline')).toHaveLength(1);
    expect($$(el, '.axis.y:not(.right) text').map((t) => t.textContent)).toEqual(['-100', '-50', '0', '50', '100']);
    expect($$(el, '.axis.right text').map((t) => t.textContent)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect($$(el, '.axis .sub').map((t) => t.textContent)).toEqual(['n=40', 'n=20', 'n=0', 'n=50']);
    expect(text(el, 'summary')).toBe(
      'NPS rose from 22.5 to 40 over 4 months. ' +
        '1 of 4 periods had fewer than 30 responses and are marked as low confidence.',
    );
  });

  it('explains a low-confidence month in the tooltip and selects it with Enter', async () => {
    const selected: PointSelectDetail[] = [];
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.data = report();
      el.addEventListener('cs-point-select', (e) => selected.push(e.detail));
    });
    plot(el).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(tooltipRows(el)).toEqual([
      'February 2024',
      'NPS: 25',
      'Promoters: 10 (50%)',
      'Passives: 5 (25%)',
      'Detractors: 5 (25%)',
      'Responses: 20',
      'Low confidence: fewer than 30 responses.',
    ]);
    await userEvent.keyboard('{Enter}');
    expect(selected).toEqual([
      { index: 1, period: '2024-02', values: { nps: 25, promoters: 10, passives: 5, detractors: 5, responses: 20 } },
    ]);
    await userEvent.keyboard('{ArrowRight}');
    expect(tooltipRows(el).slice(0, 2)).toEqual(['March 2024', 'NPS: –']);
  });

  it('recomputes NPS over a rolling window from the summed monthly counts', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.windowMonths = 2;
      el.data = report();
    });
    // Feb window = Jan + Feb: (20 + 10 − 11 − 5) ÷ 60 = 14 ÷ 60 → 23.3; Mar = Feb + nothing → 25 on 20 (low);
    // Apr = nothing + Apr → 40.
    plot(el).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(tooltipRows(el)).toEqual([
      'February 2024',
      'NPS: 23.3',
      'Promoters: 30 (50%)',
      'Passives: 14 (23.3%)',
      'Detractors: 16 (26.7%)',
      'Responses: 60',
      'Window: Jan 24 – Feb 24',
    ]);
    expect(text(el, 'summary')).toBe(
      'NPS rose from 22.5 to 40 over 4 months. ' +
        '1 of 4 periods had fewer than 30 responses and are marked as low confidence. ' +
        'Each point is the NPS over the last 2 months.',
    );
  });

  it('takes its low-confidence threshold from min-responses', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.setAttribute('min-responses', '10');
      el.data = report();
    });
    expect($$(el, '.nps-dot.low')).toHaveLength(0);
    expect(text(el, 'summary')).toBe('NPS rose from 22.5 to 40 over 4 months.');
  });

  it('toggles shares and the line from the legend, and shows a table with the confidence', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.data = report();
    });
    const buttons = $$(el, 'button[part="legend-item"]') as HTMLButtonElement[];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Promoters', 'Passives', 'Detractors', 'NPS']);
    await userEvent.click(buttons[1] as HTMLButtonElement);
    expect($$(el, '.plot rect.share')).toHaveLength(6);
    await userEvent.click(buttons[3] as HTMLButtonElement);
    expect($$(el, 'path.nps-line')).toHaveLength(0);
    await userEvent.click($(el, '[part="table-toggle"]') as HTMLElement);
    const rows = [...($(el, 'table')?.querySelectorAll('tr') ?? [])].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Period', 'NPS', 'Promoters', 'Passives', 'Detractors', 'Responses', 'Confidence'],
      ['January 2024', '22.5', '20', '9', '11', '40', 'OK'],
      ['February 2024', '25.0', '10', '5', '5', '20', 'Low'],
      ['March 2024', '–', '0', '0', '0', '0', '–'],
      ['April 2024', '40.0', '30', '10', '10', '50', 'OK'],
    ]);
    await expectNoAxeViolations(el);
  });

  it('speaks Polish and Chinese', async () => {
    const pl = await drawn((el) => {
      el.label = 'NPS';
      el.data = report();
    }, 'pl');
    expect(text(pl, 'summary')).toBe(
      'NPS: wzrost z 22,5 do 40 (4 miesiące). Okresy z mniej niż 30 odpowiedziami (1 z 4) oznaczono jako mało wiarygodne.',
    );
    const zh = await drawn((el) => {
      el.label = 'NPS';
      el.locale = 'zh-Hans';
      el.data = report();
    });
    expect(text(zh, 'summary')).toBe('NPS在4个月内从22.5上升到40。 4 个期间中有 1 个回复少于 30 条，标记为低可信度。');
    plot(zh).focus();
    await settle(zh);
    expect(tooltipRows(zh).slice(0, 3)).toEqual(['2024年1月', 'NPS: 22.5', '推荐者: 20 (50%)']);
  });

  it('has no axe violations with a realistic report in light and dark themes', async () => {
    const el = await drawn((el) => {
      el.label = 'Net Promoter Score';
      el.data = sampleReportJson();
    });
    await expectNoAxeViolations(el);
    el.theme = 'dark';
    plot(el).focus();
    await settle(el);
    expect(getComputedStyle($(el, 'figure') as Element).backgroundColor).toBe('rgb(22, 27, 34)');
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
    // Promoters (slot 3, bluish green) and detractors (slot 2, vermillion), mid-tones between the
    // surface and the NPS line drawn over them (nps-trend.ts SHARE_COLOURS).
    expect(colour('.share.c3')).toBe('rgb(0, 146, 108)');
    expect(colour('.share.c2')).toBe('rgb(214, 89, 0)');
    expect(colour('.nps-line')).toBe('rgb(31, 35, 40)');
    el.theme = 'dark';
    await settle(el);
    expect(el.getAttribute('theme')).toBe('dark');
    expect(base().backgroundColor).toBe('rgb(22, 27, 34)');
    expect(base().color).toBe('rgb(230, 237, 243)');
    expect(base().borderTopColor).toBe('rgb(61, 68, 77)');
    expect(colour('[part~="summary"]')).toBe('rgb(145, 152, 161)');
    expect(colour('.share.c3')).toBe('rgb(33, 133, 99)');
    expect(colour('.share.c2')).toBe('rgb(196, 83, 14)');
    expect(colour('.nps-line')).toBe('rgb(230, 237, 243)');
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
    page.style.setProperty('--cs-series-3', 'rgb(40, 50, 60)');
    expect(base().backgroundColor).toBe('rgb(250, 250, 250)');
    expect(base().color).toBe('rgb(10, 20, 30)');
    expect(base().borderTopLeftRadius).toBe('2px');
    expect(colour('.share.c3')).toBe('rgb(40, 50, 60)');

    el.style.setProperty('--cs-nps-trend-background', 'rgb(1, 2, 3)');
    el.style.setProperty('--cs-nps-trend-color', 'rgb(4, 5, 6)');
    el.style.setProperty('--cs-nps-trend-muted-color', 'rgb(7, 8, 9)');
    el.style.setProperty('--cs-nps-trend-border-color', 'rgb(11, 12, 13)');
    el.style.setProperty('--cs-nps-trend-series-3', 'rgb(14, 15, 16)');
    el.style.setProperty('--cs-nps-trend-height', '300px');
    for (const theme of ['', 'dark'] as const) {
      el.theme = theme;
      await settle(el);
      expect(base().backgroundColor).toBe('rgb(1, 2, 3)');
      expect(base().color).toBe('rgb(4, 5, 6)');
      expect(base().borderTopColor).toBe('rgb(11, 12, 13)');
      expect(colour('[part~="summary"]')).toBe('rgb(7, 8, 9)');
      expect(colour('.share.c3')).toBe('rgb(14, 15, 16)');
    }
    expect(plot(el).getBoundingClientRect().height).toBe(300);
  });
  it('follows its width and keeps its height', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.data = sampleReportJson();
    });
    const height = el.getBoundingClientRect().height;
    const width = (): number => Number($(el, '.plot > svg')?.getAttribute('width'));
    el.style.width = '280px';
    // 280 px minus the figure's padding and border: the plot fills its box rather than scroll.
    await vi.waitFor(() => expect(width()).toBe(246));
    el.style.width = '1300px';
    await vi.waitFor(() => expect(width()).toBe(1200));
    expect(el.getBoundingClientRect().height).toBe(height);
  });

  it.each([
    [
      'responses that do not add up',
      {
        ...report(),
        months: [{ month: '2024-01', nps: { score: 0, responses: 12, promoters: 5, passives: 0, detractors: 5 } }],
      },
      'report month 2024-01.nps.responses is 12 but its counts add up to 10',
    ],
    [
      'a score that does not match its counts',
      {
        ...report(),
        months: [{ month: '2024-01', nps: { score: 50, responses: 10, promoters: 5, passives: 0, detractors: 5 } }],
      },
      'report month 2024-01.nps.score is 50 but its counts give 0',
    ],
    [
      'a fractional count',
      { points: [{ period: '2024-01', promoters: 1.5, passives: 0, detractors: 0 }] },
      'points[0].promoters is 1.5, not a count',
    ],
  ])('refuses %s, with an error state, a console error and cs-data-error', async (_name, data, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.label = 'NPS';
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.data = data as never;
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(reason));
    expect(reasons).toEqual([reason]);
  });

  it('refuses a window of zero months', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await mount((el) => {
      el.label = 'NPS';
      el.setAttribute('window-months', '0');
      el.data = report();
    });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('window-months="0" is not a whole number ≥ 1'));
  });

  it('loads from src and shows loading, then an error it cannot load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.label = 'NPS';
      el.src = '/does-not-exist/nps.json';
    });
    expect(['Loading…', 'Could not load the data']).toContain(text(el, 'state'));
    await vi.waitFor(() => expect(text(el, 'state')).toBe('Could not load the data'));
    const url = URL.createObjectURL(new Blob([JSON.stringify(report())], { type: 'application/json' }));
    el.src = url;
    await vi.waitFor(() => expect(text(el, 'summary')).toContain('NPS rose from 22.5 to 40'));
  });

  it('shows an empty state without months, and renders labels as text', async () => {
    const el = await mount((el) => {
      el.label = XSS;
      el.data = { points: [] };
    });
    expect(text(el, 'state')).toBe('No data for this period');
    expect(text(el, 'label')).toBe(XSS);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });
});

describe('<cs-nps-trend> in cards from 280 px', () => {
  // Issue 10: at 280, 320, 400 and 1200 px no text may overlap other text or be cut off.
  const cases: readonly { name: string; lang: string; setup: (el: CsNpsTrend) => void }[] = [
    { name: 'monthly', lang: 'en', setup: () => undefined },
    { name: 'rolling quarter', lang: 'en', setup: (el) => (el.windowMonths = 3) },
    { name: 'Polish', lang: 'pl', setup: () => undefined },
    { name: 'Bulgarian', lang: 'bg', setup: () => undefined },
    { name: 'Spanish', lang: 'es', setup: () => undefined },
    { name: 'Chinese, dark', lang: 'zh-Hans', setup: (el) => (el.theme = 'dark') },
  ];
  for (const { name, lang, setup } of cases) {
    it(`keeps every label apart and inside the element: ${name}`, async () => {
      const el = await drawn((el) => {
        el.label = 'NPS';
        el.data = sampleReportJson();
        setup(el);
      }, lang);
      expect(await layoutProblemsAtCardWidths(el)).toEqual([]);
    });
  }

  it('keeps the tooltip whole, beside its point and off most of the plot', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.windowMonths = 3;
      el.data = sampleReportJson();
    });
    const found: string[] = [];
    for (const width of CARD_WIDTHS) {
      await atWidth(el, width);
      plot(el).focus();
      await userEvent.keyboard('{Home}');
      const count = sampleReportJson().months.length;
      for (let i = 0; i < count; i += 1) {
        if (i > 0) await userEvent.keyboard('{ArrowRight}');
        await el.updateComplete;
        for (const p of findTextLayoutProblems(el))
          found.push(`${width}px point ${i} ${p.kind}: "${p.text}" / ${p.other}`);
        const tip = ($(el, '[part="tooltip"]') as HTMLElement).getBoundingClientRect();
        const box = plot(el).getBoundingClientRect();
        // Compact: at most half of the plot's area, even in a 280 px card.
        const share = (tip.width * tip.height) / (box.width * box.height);
        if (share > 0.5)
          found.push(`${width}px point ${i}: the tooltip covers ${Math.round(share * 100)}% of the plot`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps the NPS line at 3:1 or more against every fill it crosses and the background, light and dark', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.data = sampleReportJson();
    });
    const ratios = (): Record<string, number> => {
      const line = getComputedStyle($(el, '.nps-line') as Element).stroke;
      const fills = Object.fromEntries(
        ['c2', 'c3', 'c6'].map((c) => [c, getComputedStyle($(el, `.share.${c}`) as Element).fill]),
      );
      const background = getComputedStyle($(el, 'figure') as Element).backgroundColor;
      return {
        ...Object.fromEntries(Object.entries(fills).map(([c, fill]) => [`line/${c}`, contrast(line, fill)])),
        'line/background': contrast(line, background),
        ...Object.fromEntries(
          Object.entries(fills).map(([c, fill]) => [`${c}/background`, contrast(fill, background)]),
        ),
      };
    };
    for (const theme of ['light', 'dark'] as const) {
      el.theme = theme;
      await settle(el);
      for (const [pair, ratio] of Object.entries(ratios())) {
        expect(ratio, `${theme} ${pair}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('gives the gridlines to the NPS axis alone: the share axis has its own ticks between them', async () => {
    const el = await drawn((el) => {
      el.label = 'NPS';
      el.data = sampleReportJson();
    });
    const gridYs = $$(el, '.axis.y:not(.right) line').map((l) => l.getAttribute('y1'));
    expect($$(el, '.axis.y:not(.right) text').map((t) => t.textContent)).toEqual(['-100', '-50', '0', '50', '100']);
    expect($$(el, '.axis.y.right text').map((t) => t.textContent)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    // Tick marks, not gridlines: short, and except for the ends never at an NPS gridline.
    const marks = $$(el, '.axis.y.right line');
    for (const mark of marks)
      expect(Number(mark.getAttribute('x2')) - Number(mark.getAttribute('x1'))).toBeLessThanOrEqual(4);
    const inner = marks.slice(1, -1).map((l) => l.getAttribute('y1'));
    for (const y of inner) expect(gridYs).not.toContain(y);
  });
});
