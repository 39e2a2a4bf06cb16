import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import './cs-kpi.js';
import type { CsKpi, KpiPointSelectDetail } from './kpi.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { sampleKpi } from '../test-support/sample-kpi.js';
import { signsBrokenAtNarrowWidths } from '../test-support/signed-numbers.js';
import { findTextLayoutProblems } from '../test-support/text-layout.js';
import { preloadEveryLanguage } from '../test-support/languages.js';

const report = {
  version: 1,
  currency: 'EUR',
  timeZone: 'UTC',
  months: [
    { month: '2024-01', mrr: 1000, logoChurnRate: 0.02 },
    { month: '2024-02', mrr: 1100, logoChurnRate: 0.025 },
    { month: '2024-03', mrr: 1210.5, logoChurnRate: 0.03 },
  ],
};

async function mount(setup: (el: CsKpi) => void, lang = 'en'): Promise<CsKpi> {
  const host = document.createElement('div');
  host.lang = lang;
  document.body.append(host);
  const el = document.createElement('cs-kpi');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

function text(el: CsKpi, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function $(el: CsKpi, selector: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function spark(el: CsKpi): HTMLElement {
  const group = $(el, '[part="sparkline-group"]');
  if (!group) throw new Error('no sparkline group');
  return group;
}

function live(el: CsKpi): string {
  return $(el, '[aria-live="polite"]')?.textContent?.trim() ?? '';
}

/** The table's rows (header row first) as trimmed cell texts. */
function tableRows(el: CsKpi): string[][] {
  return [...(el.shadowRoot?.querySelectorAll('table tr') ?? [])].map((row) =>
    [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
}

/** Collects `cs-point-select` events where a page would listen: on the document. */
function selections(): KpiPointSelectDetail[] {
  const selected: KpiPointSelectDetail[] = [];
  const listener = (event: Event) => selected.push((event as CustomEvent<KpiPointSelectDetail>).detail);
  document.addEventListener('cs-point-select', listener);
  cleanups.push(() => document.removeEventListener('cs-point-select', listener));
  return selected;
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

// These tests check what each language says; how a language loads on first use is locales.test.ts's.
beforeAll(preloadEveryLanguage);

describe('<cs-kpi>', () => {
  it('shows the latest MRR in the report currency and its change vs the previous month', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    expect(text(el, 'label')).toBe('MRR');
    expect(text(el, 'value')).toBe('€1,210.50');
    // (1210.5 − 1100) ÷ 1100 = 0.10045… → 10.0 % at exactly one decimal
    expect(text(el, 'change')).toContain('+10.0%');
    expect(el.shadowRoot?.querySelector('.change')?.classList.contains('good')).toBe(true);
    expect(el.shadowRoot?.querySelector('svg path')?.getAttribute('d')).toMatch(/^M0\.0,40\.0L48\.0,/);
  });

  it('colours a rising churn rate as bad and shows the change in percentage points', async () => {
    const el = await mount((el) => {
      el.label = 'Logo churn';
      el.metric = 'logoChurnRate';
      el.data = report;
    });
    expect(text(el, 'value')).toBe('3.0%');
    // 3.0 % − 2.5 % = 0.5 percentage points
    expect(text(el, 'change')).toContain('+0.5 pp');
    expect(el.shadowRoot?.querySelector('.change')?.classList.contains('bad')).toBe(true);
  });

  it('formats with the nearest lang attribute', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    }, 'pl');
    expect(text(el, 'value').replace(/\s/g, ' ')).toBe('1210,50 €');
    expect(text(el, 'change')).toContain('vs poprzedni okres');
  });

  it('shows an empty state without data', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = { points: [], format: 'number' };
    });
    expect(text(el, 'value')).toBe('No data for this period');
  });

  it('shows an error state and logs why when the data is invalid, without throwing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const events: string[] = [];
    const el = await mount((el) => {
      el.label = 'MRR';
      el.addEventListener('cs-data-error', (e) => events.push(e.detail.reason));
      el.data = { version: 2, currency: 'EUR', months: [] } as never;
    });
    expect(text(el, 'value')).toBe('The data could not be read');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('unsupported report version 2'));
    expect(events).toEqual(['unsupported report version 2']);
  });

  it('loads a report from src, showing loading first', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(report)], { type: 'application/json' }));
    const el = await mount((el) => {
      el.label = 'MRR';
      el.src = url;
    });
    expect(['Loading…', '€1,210.50']).toContain(text(el, 'value'));
    await vi.waitFor(() => expect(text(el, 'value')).toBe('€1,210.50'));
  });

  it('shows an error state when src cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.label = 'MRR';
      el.src = '/does-not-exist/report.json';
    });
    await vi.waitFor(() => expect(text(el, 'value')).toBe('Could not load the data'));
  });

  it('renders data as text, never as markup', async () => {
    const el = await mount((el) => {
      el.label = '<img src=x onerror=alert(1)>';
      el.data = report;
    });
    expect(text(el, 'label')).toBe('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('is named once, by its caption, and describes the sparkline in words for screen readers', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    const figure = el.shadowRoot?.querySelector('figure');
    expect(figure?.hasAttribute('aria-label')).toBe(false);
    expect(figure?.querySelector('figcaption')?.textContent).toBe('MRR');
    expect(el.shadowRoot?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const summaries = el.shadowRoot?.querySelectorAll('.summary');
    expect(summaries).toHaveLength(1);
    expect(summaries?.[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Over 3 periods, Jan 2024 to Mar 2024: lowest €1,000.00, highest €1,210.50.',
    );
    // The summary is visually hidden but not hidden from assistive technology.
    expect(summaries?.[0]?.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(summaries?.[0]?.closest('[aria-hidden]')).toBeNull();
  });

  it('says in words whether the change is good or bad news, not by colour alone', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    expect(el.shadowRoot?.querySelector('.change .visually-hidden')?.textContent).toBe('(favourable)');
    el.metric = 'logoChurnRate';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('.change .visually-hidden')?.textContent).toBe('(unfavourable)');
  });

  it('treats a rise as bad news with the lower-is-better attribute', async () => {
    const el = await mount((el) => {
      el.label = 'ARPA';
      el.setAttribute('lower-is-better', '');
      el.data = report;
    });
    expect(el.lowerIsBetter).toBe(true);
    expect(el.shadowRoot?.querySelector('.change')?.classList.contains('bad')).toBe(true);
    el.removeAttribute('lower-is-better');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('.change')?.classList.contains('good')).toBe(true);
  });

  it('lets the lower-is-better property switch a churn rate back to higher-is-better', async () => {
    const el = await mount((el) => {
      el.label = 'Logo churn';
      el.metric = 'logoChurnRate';
      el.lowerIsBetter = false;
      el.data = report;
    });
    expect(el.shadowRoot?.querySelector('.change')?.classList.contains('good')).toBe(true);
  });

  it('picks metric out of a report loaded from src', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(report)], { type: 'application/json' }));
    const el = await mount((el) => {
      el.label = 'Logo churn';
      el.setAttribute('metric', 'logoChurnRate');
      el.src = url;
    });
    await vi.waitFor(() => expect(text(el, 'value')).toBe('3.0%'));
    el.metric = 'mrr';
    await el.updateComplete;
    expect(text(el, 'value')).toBe('€1,210.50');
  });

  it('formats in Chinese and describes the series in Polish', async () => {
    const zh = await mount((el) => {
      el.label = '月度经常性收入';
      el.locale = 'zh-Hans';
      el.data = report;
    });
    expect(text(zh, 'value')).toBe('€1,210.50');
    expect(text(zh, 'change')).toContain('与上期相比');
    const pl = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    }, 'pl');
    expect(pl.shadowRoot?.querySelector('.summary')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Okresy: 3, od sty 2024 do mar 2024: najniżej 1000,00 €, najwyżej 1210,50 €.',
    );
  });

  it('fits a 280 px column without overflowing, and a 200 px one by stacking', async () => {
    for (const width of ['280px', '200px']) {
      const host = document.createElement('div');
      host.style.width = width;
      document.body.append(host);
      const el = document.createElement('cs-kpi');
      el.label = 'Annual recurring revenue';
      el.metric = 'mrr';
      el.data = { ...report, months: report.months.map((m) => ({ ...m, mrr: m.mrr * 1000 })) };
      host.append(el);
      await el.updateComplete;
      const figure = el.shadowRoot?.querySelector('figure');
      expect(figure?.getBoundingClientRect().width).toBe(Number.parseInt(width, 10));
      expect(figure?.scrollWidth).toBeLessThanOrEqual(Number.parseInt(width, 10));
    }
  });

  /** Logo churn over two months, for the precision rule. */
  function churn(before: number, after: number) {
    return {
      version: 1,
      currency: 'EUR',
      timeZone: 'UTC',
      months: [
        { month: '2024-01', mrr: 1000, logoChurnRate: before },
        { month: '2024-02', mrr: 1000, logoChurnRate: after },
      ],
    };
  }

  it('shows a rate and its change with the same precision: one decimal, the change between the shown rates', async () => {
    const el = await mount((el) => {
      el.label = 'Logo churn';
      el.metric = 'logoChurnRate';
      el.data = churn(0.026, 0.0198);
    });
    // 1.98 % shows as 2.0 %; 2.6 % − 2.0 % = 0.6 percentage points (not the exact 0.62).
    expect(text(el, 'value')).toBe('2.0%');
    expect(text(el, 'change')).toContain('-0.6 pp');
    // 2.01 % and 1.98 % both show as 2.0 %: no change at the shown precision.
    el.data = churn(0.0201, 0.0198);
    await el.updateComplete;
    expect(text(el, 'value')).toBe('2.0%');
    expect(text(el, 'change')).toContain('no change');
  });

  /** Whether two boxes share any area. */
  function intersects(a: DOMRect, b: DOMRect): boolean {
    return (
      Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top)
    );
  }

  it.each([200, 280, 320, 400, 1200])(
    'keeps the keyboard tooltip off "Show table" and inside the tile at %i px',
    async (width) => {
      const el = await mount((el) => {
        el.label = 'Monthly recurring revenue';
        el.style.width = `${width}px`;
        el.data = sampleKpi('mrr').report;
      });
      spark(el).focus();
      await userEvent.keyboard('{Home}');
      const months = sampleKpi('mrr').months.length;
      for (let i = 0; i < months; i += 1) {
        await el.updateComplete;
        const tooltip = $(el, '[part="tooltip"]') as HTMLElement;
        expect(tooltip).not.toBeNull();
        const box = tooltip.getBoundingClientRect();
        expect(intersects(box, ($(el, '[part="table-toggle"]') as HTMLElement).getBoundingClientRect())).toBe(false);
        expect(findTextLayoutProblems(el)).toEqual([]);
        await userEvent.keyboard('{ArrowRight}');
      }
    },
  );

  it('abbreviates an amount too wide for a 200 px tile, keeping the full amount in its title and accessible text', async () => {
    const big = { ...report, months: report.months.map((m) => ({ ...m, mrr: m.mrr * 10_000 })) };
    const el = await mount((el) => {
      el.label = 'MRR';
      el.style.width = '200px';
      el.data = big;
    });
    // 1210.5 × 10 000 = 12 105 000 → "€12,105,000.00", abbreviated to €12.1M.
    await vi.waitFor(() => expect($(el, '.value [aria-hidden="true"]')?.textContent).toBe('€12.1M'));
    expect($(el, '.value')?.getAttribute('title')).toBe('€12,105,000.00');
    expect($(el, '.value .visually-hidden')?.textContent).toBe('€12,105,000.00');
    expect(findTextLayoutProblems(el)).toEqual([]);
    // Wide enough again, the full amount comes back.
    el.style.width = '1200px';
    await vi.waitFor(() => expect(text(el, 'value')).toBe('€12,105,000.00'));
    expect($(el, '.value')?.hasAttribute('title')).toBe(false);
  });

  it.each([200, 280, 320, 400, 1200])('has no overlapping or cut-off text at %i px', async (width) => {
    for (const lang of ['en', 'bg', 'zh-Hans']) {
      for (const metric of ['mrr', 'arr', 'logoChurnRate', 'nrr'] as const) {
        const el = await mount((el) => {
          el.label = 'Annual recurring revenue';
          el.metric = metric;
          el.style.width = `${width}px`;
          el.data = sampleKpi('mrr').report;
        }, lang);
        // The abbreviation follows the first layout (a ResizeObserver): let it settle.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await el.updateComplete;
        expect(findTextLayoutProblems(el), `${lang} ${metric}`).toEqual([]);
      }
    }
  });

  it('never parts a sign from its number, even in the narrowest Chinese column', async () => {
    const el = await mount((el) => {
      el.label = '流失率';
      el.metric = 'logoChurnRate';
      el.data = churn(0.026, 0.0198);
    }, 'zh-Hans');
    expect(await signsBrokenAtNarrowWidths(el)).toEqual([]);
  });

  it('keeps its height when the data arrives', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(report)], { type: 'application/json' }));
    const el = await mount((el) => {
      el.label = 'MRR';
      el.src = url;
    });
    const before = el.shadowRoot?.querySelector('figure')?.getBoundingClientRect().height;
    await vi.waitFor(() => expect(text(el, 'value')).toBe('€1,210.50'));
    expect(el.shadowRoot?.querySelector('figure')?.getBoundingClientRect().height).toBe(before);
  });

  it('keeps its height when the data arrives in a narrow column, where it stacks', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(report)], { type: 'application/json' }));
    const host = document.createElement('div');
    host.style.width = '200px';
    document.body.append(host);
    const el = document.createElement('cs-kpi');
    el.label = 'MRR';
    el.src = url;
    host.append(el);
    await el.updateComplete;
    const before = el.shadowRoot?.querySelector('figure')?.getBoundingClientRect().height;
    await vi.waitFor(() => expect(text(el, 'value')).toBe('€1,210.50'));
    expect(el.shadowRoot?.querySelector('figure')?.getBoundingClientRect().height).toBe(before);
  });

  it('warns in development when it has no label', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mount((el) => {
      el.data = report;
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('has no label'));
  });

  it('is one tab stop: arrows, Home and End move a marked point with a tooltip, Enter selects', async () => {
    const selected = selections();
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    const group = spark(el);
    expect(group.getAttribute('tabindex')).toBe('0');
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('MRR');
    expect(group.getAttribute('aria-roledescription')).toBe('chart');
    expect($(el, '#hint')?.textContent).toContain('Arrow keys move between points');
    expect($(el, '[part="tooltip"]')).toBeNull();
    expect(live(el)).toBe('');
    // Tab order: the table toggle, then the sparkline.
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe($(el, '[part="table-toggle"]'));
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(group);
    await el.updateComplete;
    // Focus starts at the latest point, the one the headline shows, with a visible ring and marker.
    expect(getComputedStyle(group).outlineStyle).toBe('solid');
    expect($(el, '.marker')?.getAttribute('cx')).toBe('96');
    expect(text(el, 'tooltip')).toBe('March 2024 €1,210.50');
    expect(live(el)).toBe('March 2024: €1,210.50');
    await userEvent.keyboard('{ArrowLeft}');
    expect(text(el, 'tooltip')).toBe('February 2024 €1,100.00');
    expect(live(el)).toBe('February 2024: €1,100.00');
    expect($(el, '.marker')?.getAttribute('cx')).toBe('48');
    await userEvent.keyboard('{Home}');
    expect(text(el, 'tooltip')).toBe('January 2024 €1,000.00');
    await userEvent.keyboard('{ArrowLeft}');
    expect(text(el, 'tooltip')).toBe('January 2024 €1,000.00');
    await userEvent.keyboard('{End}');
    expect(text(el, 'tooltip')).toBe('March 2024 €1,210.50');
    await userEvent.keyboard('{ArrowRight}');
    expect(text(el, 'tooltip')).toBe('March 2024 €1,210.50');
    await userEvent.keyboard('{ArrowLeft}{Enter}');
    await userEvent.keyboard('{Home} ');
    expect(selected).toEqual([
      { index: 1, period: '2024-02', value: 1100, values: { mrr: 1100 } },
      { index: 0, period: '2024-01', value: 1000, values: { mrr: 1000 } },
    ]);
    await userEvent.keyboard('{Escape}');
    expect($(el, '[part="tooltip"]')).toBeNull();
    expect($(el, '.marker')).toBeNull();
    expect(live(el)).toBe('');
    // After Escape, the arrows start again from an end.
    await userEvent.keyboard('{ArrowRight}');
    expect(text(el, 'tooltip')).toBe('January 2024 €1,000.00');
    await userEvent.tab({ shift: true });
    expect($(el, '[part="tooltip"]')).toBeNull();
  });

  it('fires cs-point-select bubbling and composed, with values keyed "value" for a ready series', async () => {
    const selected = selections();
    const events: CustomEvent[] = [];
    document.addEventListener('cs-point-select', (e) => events.push(e), { once: true });
    const el = await mount((el) => {
      el.label = 'Seats';
      el.data = {
        format: 'number',
        points: [
          { period: '2024-01', value: 10 },
          { period: '2024-02', value: null },
          { period: '2024-03', value: 12 },
        ],
      };
    });
    spark(el).focus();
    await el.updateComplete;
    await userEvent.keyboard('{ArrowLeft}');
    // A point without a value says so, and has no marker on the line.
    expect(text(el, 'tooltip')).toBe('February 2024 No data for this period');
    expect($(el, '.marker')).toBeNull();
    await userEvent.keyboard('{Enter}');
    expect(selected).toEqual([{ index: 1, period: '2024-02', value: null, values: { value: null } }]);
    expect(events[0]?.bubbles).toBe(true);
    expect(events[0]?.composed).toBe(true);
  });

  it('shows the tooltip on hover and selects the point under a click', async () => {
    const selected = selections();
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    const box = spark(el).getBoundingClientRect();
    await userEvent.hover(spark(el), { position: { x: box.width * 0.45, y: box.height / 2 } });
    await vi.waitFor(() => expect(text(el, 'tooltip')).toBe('February 2024 €1,100.00'));
    // Hovering is not focus: nothing is announced.
    expect(live(el)).toBe('');
    await userEvent.click(spark(el), { position: { x: 2, y: box.height / 2 } });
    expect(selected.map((d) => d.period)).toEqual(['2024-01']);
    expect(text(el, 'tooltip')).toBe('January 2024 €1,000.00');
  });

  it('shows and hides a table of the series with its changes', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    const toggle = $(el, '[part="table-toggle"]') as HTMLButtonElement;
    expect(toggle.textContent?.trim()).toBe('Show table');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.hasAttribute('aria-controls')).toBe(false);
    expect($(el, 'table')).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.textContent?.trim()).toBe('Hide table');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe('table');
    expect($(el, '#table')?.getAttribute('role')).toBe('region');
    expect($(el, 'caption')?.textContent?.trim()).toBe('MRR');
    expect(tableRows(el)).toEqual([
      ['Period', 'MRR', 'Change'],
      ['January 2024', '€1,000.00', ''],
      // 100 ÷ 1000 = 10.0 %; 110.5 ÷ 1100 = 10.045… % → 10.0 %
      ['February 2024', '€1,100.00', '+10.0%'],
      ['March 2024', '€1,210.50', '+10.0%'],
    ]);
    expect([...(el.shadowRoot?.querySelectorAll('tbody th[scope="row"]') ?? [])]).toHaveLength(3);
    await userEvent.click(toggle);
    expect($(el, 'table')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('names the table toggle and the table in the element language', async () => {
    const el = await mount((el) => {
      el.label = 'Odpływ';
      el.metric = 'logoChurnRate';
      el.data = report;
    }, 'pl');
    const toggle = $(el, '[part="table-toggle"]') as HTMLButtonElement;
    expect(toggle.textContent?.trim()).toBe('Pokaż tabelę');
    await userEvent.click(toggle);
    expect(toggle.textContent?.trim()).toBe('Ukryj tabelę');
    expect(tableRows(el)[0]).toEqual(['Okres', 'Odpływ', 'Zmiana']);
    expect(tableRows(el)[3]).toEqual(['marzec 2024', '3,0%', '+0,5 p.p.']);
  });

  it('holds the table toggle its place while loading, so the data arriving moves nothing', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.src = '/never-answers/report.json';
    });
    const placeholder = $(el, '.table-toggle');
    expect(placeholder?.tagName).toBe('SPAN');
    expect(placeholder?.getAttribute('aria-hidden')).toBe('true');
    expect(getComputedStyle(placeholder as Element).visibility).toBe('hidden');
    expect($(el, '[aria-live="polite"]')).not.toBeNull();
  });

  it('has no axe violations with the table open and the sparkline focused, in light and dark themes', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    await userEvent.click($(el, '[part="table-toggle"]') as HTMLElement);
    spark(el).focus();
    await el.updateComplete;
    await userEvent.keyboard('{ArrowLeft}');
    expect($(el, '[part="tooltip"]')).not.toBeNull();
    expect($(el, 'table')).not.toBeNull();
    await expectNoAxeViolations(el);
    el.theme = 'dark';
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')).not.toBeNull();
    await expectNoAxeViolations(el);
  });

  describe('with the sample company report from core', () => {
    const en = (value: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en', options).format(value);

    it('shows the latest MRR and its change vs the previous month, coloured as good or bad news', async () => {
      const sample = sampleKpi('mrr');
      const last = sample.last.value as number;
      const previous = sample.previous.value as number;
      const el = await mount((el) => {
        el.label = 'MRR';
        el.data = sample.report;
      });
      expect(text(el, 'value')).toBe(en(last, { style: 'currency', currency: sample.currency }));
      const delta = last - previous;
      const relative = en(delta / Math.abs(previous), {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      expect(text(el, 'change')).toContain(`${delta > 0 ? '+' : ''}${relative} vs previous period`);
      expect(text(el, 'change').startsWith(delta > 0 ? '▲' : delta < 0 ? '▼' : '→')).toBe(true);
      expect($(el, '.change')?.classList.contains(delta > 0 ? 'good' : delta < 0 ? 'bad' : 'neutral')).toBe(true);
      expect($(el, '.summary')?.textContent).toContain(`Over ${sample.months.length} periods`);
      // The last point under the keyboard is the headline month.
      spark(el).focus();
      await el.updateComplete;
      expect(live(el)).toBe(
        `${new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${sample.last.month}-01T00:00:00Z`),
        )}: ${text(el, 'value')}`,
      );
      await expectNoAxeViolations(el);
    });

    it('colours a change in logo churn the other way round, in percentage points', async () => {
      const sample = sampleKpi('logoChurnRate');
      const el = await mount((el) => {
        el.label = 'Logo churn';
        el.metric = 'logoChurnRate';
        el.data = sample.report;
      });
      const last = sample.last.value as number;
      const previous = sample.previous.value as number;
      // One decimal for both the rate and its change, which is the difference of the rates as shown.
      const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
      const shown = (rate: number) => Number(en(rate * 100, { ...oneDecimal, useGrouping: false }));
      const delta = Math.round((shown(last) - shown(previous)) * 10) / 10;
      expect(text(el, 'value')).toBe(en(last, { style: 'percent', ...oneDecimal }));
      if (delta !== 0) {
        expect(text(el, 'change')).toContain(`${delta > 0 ? '+' : ''}${en(delta, oneDecimal)} pp`);
      }
      expect($(el, '.change')?.classList.contains(delta > 0 ? 'bad' : delta < 0 ? 'good' : 'neutral')).toBe(true);
    });

    it('lists every month of the report in the table and selects them by keyboard', async () => {
      const sample = sampleKpi('mrr');
      const selected = selections();
      const el = await mount((el) => {
        el.label = 'MRR';
        el.data = sample.report;
      });
      await userEvent.click($(el, '[part="table-toggle"]') as HTMLElement);
      const rows = tableRows(el).slice(1);
      expect(rows).toHaveLength(sample.months.length);
      expect(rows.map((r) => r[1])).toEqual(
        sample.values.map((v) => (v === null ? '–' : en(v, { style: 'currency', currency: sample.currency }))),
      );
      spark(el).focus();
      await el.updateComplete;
      await userEvent.keyboard('{Home}{Enter}{End}{ArrowLeft}{Enter}');
      expect(selected).toEqual([
        { index: 0, period: sample.months[0], value: sample.values[0], values: { mrr: sample.values[0] } },
        {
          index: sample.months.length - 2,
          period: sample.previous.month,
          value: sample.previous.value,
          values: { mrr: sample.previous.value },
        },
      ]);
    });
  });

  it('has no axe violations in light and dark themes', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    await expectNoAxeViolations(el);
    el.theme = 'dark';
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
