import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import './cs-cohort-heatmap.js';
import type { CsCohortHeatmap } from './cohort-heatmap.js';
import type { CohortCellSelectDetail } from './cohort-heatmap.js';
import { colorAt, contrastRatio, DEFAULT_PALETTE, textColorOn } from './color-scale.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { sampleReport } from '../test-support/sample-report.js';
import { findTextLayoutProblems } from '../test-support/text-layout.js';
import { rgbToHex } from '../test-support/contrast.js';
import { preloadEveryLanguage } from '../test-support/languages.js';

const XSS = '<img src=x onerror=alert(1)>';

/** Four monthly cohorts, reported up to 2024-04 (metrics.md section 2). */
const report = {
  version: 1,
  currency: 'EUR',
  timeZone: 'UTC',
  months: [],
  cohorts: [
    {
      cohort: '2024-01',
      customers: 10,
      mrr: 1000,
      logoRetention: [1, 0.9, 0.8, 0.7],
      revenueRetention: [1, 1.05, 0.95, 1.2],
    },
    { cohort: '2024-02', customers: 8, mrr: 800, logoRetention: [1, 0.875, 0.75], revenueRetention: [1, 0.9, 0.85] },
    { cohort: '2024-03', customers: 4, mrr: 400, logoRetention: [1, 1], revenueRetention: [1, 1.1] },
    { cohort: '2024-04', customers: 5, mrr: 500, logoRetention: [1], revenueRetention: [1] },
  ],
};

/** A year of cohorts, the shape the reserved height is meant for. */
function yearOfCohorts() {
  return {
    version: 1,
    currency: 'USD',
    cohorts: Array.from({ length: 12 }, (_, i) => ({
      cohort: `2024-${String(i + 1).padStart(2, '0')}`,
      customers: 20 + i,
      mrr: 2000 + i * 100,
      logoRetention: Array.from({ length: 12 - i }, (_, k) => 1 - k * 0.03),
      revenueRetention: Array.from({ length: 12 - i }, (_, k) => 1 + k * 0.02),
    })),
  };
}

async function mount(setup: (el: CsCohortHeatmap) => void, lang = 'en', width = ''): Promise<CsCohortHeatmap> {
  const host = document.createElement('div');
  host.lang = lang;
  if (width) host.style.width = width;
  document.body.append(host);
  const el = document.createElement('cs-cohort-heatmap');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

function q<T extends Element = HTMLElement>(el: CsCohortHeatmap, selector: string): T | null {
  return el.shadowRoot?.querySelector<T>(selector) ?? null;
}

function text(el: CsCohortHeatmap, part: string): string {
  return q(el, `[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function cell(el: CsCohortHeatmap, row: number, col: number): HTMLTableCellElement {
  const td = q<HTMLTableCellElement>(el, `td[data-row="${row}"][data-col="${col}"]`);
  if (!td) throw new Error(`no cell ${row},${col}`);
  return td;
}

function rowTexts(el: CsCohortHeatmap): string[][] {
  return [...(el.shadowRoot?.querySelectorAll('tr') ?? [])].map((tr) =>
    [...tr.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
}

function jsonUrl(value: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

// These tests check what each language says; how a language loads on first use is locales.test.ts's.
beforeAll(preloadEveryLanguage);

describe('colour scale', () => {
  it('interpolates between the palette stops', () => {
    expect(colorAt(['#000000', '#ffffff'], 0)).toBe('#000000');
    expect(colorAt(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(colorAt(['#000000', '#ffffff'], 1)).toBe('#ffffff');
    expect(colorAt(DEFAULT_PALETTE, 2)).toBe('#081d58');
  });

  it('picks black or white text with at least 4.5:1 contrast on any colour of the scale', () => {
    for (let i = 0; i <= 200; i++) {
      const background = colorAt(DEFAULT_PALETTE, i / 200);
      expect(contrastRatio(background, textColorOn(background))).toBeGreaterThanOrEqual(4.5);
    }
    // The worst case for the better of black and white is a mid grey: still above 4.5:1.
    for (let v = 0; v < 256; v++) {
      const grey = `#${v.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrastRatio(grey, textColorOn(grey))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('<cs-cohort-heatmap>', () => {
  it('shows logo retention as a table of cohorts by age with cohort sizes', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = report;
    });
    expect(q(el, 'table')?.getAttribute('role')).toBe('grid');
    expect(q(el, 'table')?.getAttribute('aria-labelledby')).toBe('label');
    expect(rowTexts(el)).toEqual([
      ['Cohort', 'Customers', 'M0Month 0', 'M1Month 1', 'M2Month 2', 'M3Month 3'],
      ['Jan 2024', '10', '100%', '90%', '80%', '70%'],
      ['Feb 2024', '8', '100%', '88%', '75%', ''],
      ['Mar 2024', '4', '100%', '100%', '', ''],
      ['Apr 2024', '5', '100%', '', '', ''],
    ]);
    const headers = [...(el.shadowRoot?.querySelectorAll('th') ?? [])];
    expect(headers.filter((h) => h.getAttribute('scope') === 'row')).toHaveLength(4);
  });

  it('summarises the table in text', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = report;
    });
    // Ages reached by at least half the cohorts (2 of 4): month 1 (3 cohorts) and month 2 (2 cohorts)
    // but not 3; the summary picks the largest of 12, 6, 3, 1 that qualifies: month 1.
    expect(text(el, 'summary')).toBe(
      '4 cohorts, Jan 2024 to Apr 2024. Month-1 logo retention ranges from 87.5% (Feb 2024) to 100% (Mar 2024) across 3 cohorts.',
    );
    expect(q(el, 'table')?.getAttribute('aria-describedby')).toBe('summary');
  });

  it('shows revenue retention above 100 % and the starting MRR', async () => {
    const el = await mount((el) => {
      el.label = 'Revenue retention';
      el.metric = 'revenue';
      el.data = report;
    });
    const rows = rowTexts(el);
    expect(rows[0]?.slice(0, 3)).toEqual(['Cohort', 'Customers', 'Starting MRR']);
    expect(rows[1]).toEqual(['Jan 2024', '10', '€1,000.00', '100%', '105%', '95%', '120%']);
    expect(text(el, 'legend')).toBe('85% 120%');
    // The highest value gets the darkest colour of the scale.
    expect(rgbToHex(getComputedStyle(cell(el, 0, 3)).backgroundColor)).toBe('#081d58');
    expect(rgbToHex(getComputedStyle(cell(el, 1, 2)).backgroundColor)).toBe('#ffffd9');
  });

  it('keeps cell text at 4.5:1 contrast or more on every cell', async () => {
    for (const metric of ['logo', 'revenue'] as const) {
      const el = await mount((el) => {
        el.label = 'Retention';
        el.metric = metric;
        el.data = yearOfCohorts();
      });
      const cells = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('td.cell') ?? [])];
      expect(cells).toHaveLength(78);
      for (const td of cells) {
        const style = getComputedStyle(td);
        expect(contrastRatio(rgbToHex(style.backgroundColor), rgbToHex(style.color))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('moves between cells with the arrow keys, Home and End, with one tab stop', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = report;
    });
    const focusable = el.shadowRoot?.querySelectorAll('td[tabindex="0"]');
    expect(focusable).toHaveLength(1);
    cell(el, 0, 0).focus();
    await el.updateComplete;
    expect(text(el, 'detail')).toBe('Jan 2024 cohort, month 0: 100% logo retention (10 of 10 customers).');

    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 0, 1));
    expect(cell(el, 0, 1).getAttribute('tabindex')).toBe('0');
    expect(cell(el, 0, 0).getAttribute('tabindex')).toBe('-1');
    expect(cell(el, 0, 1).getAttribute('aria-describedby')).toBe('detail');
    expect(text(el, 'detail')).toBe('Jan 2024 cohort, month 1: 90% logo retention (9 of 10 customers).');

    await userEvent.keyboard('{ArrowDown}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 1, 1));
    expect(text(el, 'detail')).toBe('Feb 2024 cohort, month 1: 87.5% logo retention (7 of 8 customers).');

    await userEvent.keyboard('{End}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 1, 3));
    expect(text(el, 'detail')).toBe('The Feb 2024 cohort has not reached month 3 yet.');

    await userEvent.keyboard('{ArrowRight}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 1, 3));

    await userEvent.keyboard('{Home}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 1, 0));

    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 3, 3));

    await userEvent.keyboard('{Control>}{Home}{/Control}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 0, 0));

    await userEvent.keyboard('{ArrowUp}{ArrowLeft}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 0, 0));
  });

  it('moves five cohorts with Page Down / Page Up and selects with Space', async () => {
    const selections: CohortCellSelectDetail[] = [];
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.addEventListener('cs-cell-select', (e) => selections.push(e.detail));
      el.data = yearOfCohorts();
    });
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{PageDown}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 5, 0));
    await userEvent.keyboard('{PageDown}{PageDown}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 11, 0));
    await userEvent.keyboard('{PageUp}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 6, 0));
    await userEvent.keyboard('{ArrowRight}[Space]');
    expect(selections).toEqual([{ cohort: '2024-07', age: 1, value: 0.97 }]);
  });

  it('shows a visible focus ring in the cell text colour', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = report;
    });
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{ArrowRight}');
    const style = getComputedStyle(cell(el, 0, 1));
    expect(style.outlineStyle).toBe('solid');
    expect(style.outlineWidth).toBe('2px');
    expect(style.outlineColor).toBe(style.color);
  });

  it('fires cs-cell-select on Enter and on click, bubbling out of the shadow root', async () => {
    const selections: CohortCellSelectDetail[] = [];
    const listener = (e: GlobalEventHandlersEventMap['cs-cell-select']) => selections.push(e.detail);
    document.addEventListener('cs-cell-select', listener);
    const el = await mount((el) => {
      el.label = 'Revenue retention';
      el.metric = 'revenue';
      el.data = report;
    });
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(selections).toEqual([{ cohort: '2024-01', age: 1, value: 1.05 }]);
    expect(cell(el, 0, 1).getAttribute('aria-selected')).toBe('true');

    await userEvent.click(cell(el, 2, 1));
    expect(selections.at(-1)).toEqual({ cohort: '2024-03', age: 1, value: 1.1 });
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 2, 1));

    // A cell the cohort has not reached yet selects nothing.
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(selections).toHaveLength(2);
    document.removeEventListener('cs-cell-select', listener);
  });

  it('describes the hovered cell in the detail line', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = report;
    });
    expect(text(el, 'detail')).toBe('Use the arrow keys to move between cells and Enter to select one.');
    await userEvent.hover(cell(el, 0, 2));
    expect(text(el, 'detail')).toBe('Jan 2024 cohort, month 2: 80% logo retention (8 of 10 customers).');
  });

  it('explains revenue cells with MRR amounts', async () => {
    const el = await mount((el) => {
      el.label = 'Revenue retention';
      el.metric = 'revenue';
      el.data = report;
    });
    cell(el, 0, 3).focus();
    await el.updateComplete;
    expect(text(el, 'detail')).toBe('Jan 2024 cohort, month 3: 120% revenue retention (€1,200.00 of €1,000.00 MRR).');
  });

  it('formats months and percentages in Polish and Chinese', async () => {
    const pl = await mount((el) => {
      el.label = 'Retencja';
      el.data = report;
    }, 'pl');
    expect(rowTexts(pl)[2]?.map((t) => t.replace(/\s/g, ' '))).toEqual(['lut 2024', '8', '100%', '88%', '75%', '']);
    expect(text(pl, 'summary').replace(/\s/g, ' ')).toBe(
      'Kohorty: 4, od sty 2024 do kwi 2024. Retencja klientów w miesiącu 1 wynosi od 87,5% (lut 2024) do 100% (mar 2024); liczba kohort: 3.',
    );
    const zh = await mount((el) => {
      el.label = '留存';
      el.locale = 'zh-Hans';
      el.data = report;
    });
    expect(rowTexts(zh)[1]?.[0]).toBe('2024年1月');
    expect(text(zh, 'summary')).toContain(
      '第 1 个月的客户留存率在 3 个同期群中介于 87.5%（2024年2月）和 100%（2024年3月）之间。',
    );
  });

  it('loads the report from src, showing loading first', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.src = jsonUrl(report);
    });
    expect(['Loading…', '']).toContain(text(el, 'state'));
    await vi.waitFor(() => expect(rowTexts(el)).toHaveLength(5));
  });

  it('shows an error state when src cannot be loaded', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.src = '/does-not-exist/report.json';
    });
    await vi.waitFor(() => expect(text(el, 'state')).toBe('Could not load the data'));
    expect(q(el, '[part~="state"]')?.getAttribute('role')).toBe('alert');
    expect(reasons[0]).toContain('404');
    expect(errors).toHaveBeenCalledOnce();
  });

  it('shows an empty state without cohorts', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = { ...report, cohorts: [] };
    });
    expect(text(el, 'state')).toBe('No data for this period');
    expect(q(el, 'table')).toBeNull();
  });

  it.each([
    ['a report without cohorts', { version: 1, currency: 'EUR', months: [] }, 'report.cohorts is missing'],
    ['another version', { ...report, version: 2 }, 'unsupported report version 2'],
    [
      'a negative retention',
      { cohorts: [{ cohort: '2024-01', customers: 1, mrr: 1, logoRetention: [1, -0.1], revenueRetention: [1] }] },
      'cohorts[0].logoRetention must be a list of non-negative numbers or null',
    ],
    [
      'a fractional cohort size',
      { cohorts: [{ cohort: '2024-01', customers: 1.5, mrr: 1, logoRetention: [1], revenueRetention: [1] }] },
      'cohorts[0].customers is not a count',
    ],
  ])('rejects %s with a readable reason, without throwing', async (_name, data, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.data = data as never;
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(reasons[0]).toContain(reason);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(reason));
  });

  it('rejects an unknown metric', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.label = 'Retention';
      el.metric = 'nps' as never;
      el.data = report;
    });
    expect(text(el, 'state')).toBe('The data could not be read');
  });

  it('shows a null ratio as a dash, not as a colour', async () => {
    const el = await mount((el) => {
      el.label = 'Revenue retention';
      el.metric = 'revenue';
      el.data = {
        cohorts: [{ cohort: '2024-01', customers: 2, mrr: 0, logoRetention: [1, 0.5], revenueRetention: [null, null] }],
      };
    });
    expect(cell(el, 0, 1).textContent?.trim()).toBe('–');
    expect(cell(el, 0, 1).classList.contains('missing')).toBe(true);
  });

  it('renders cohort keys and labels as text, never as markup', async () => {
    const el = await mount((el) => {
      el.label = XSS;
      el.data = {
        cohorts: [{ cohort: XSS, customers: 3, mrr: 30, logoRetention: [1, 0.5], revenueRetention: [1, 0.5] }],
      };
    });
    expect(text(el, 'label')).toBe(XSS);
    expect(rowTexts(el)[1]?.[0]).toBe(XSS);
    expect(text(el, 'summary')).toContain(XSS);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('warns in development when it has no label', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mount((el) => {
      el.data = report;
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('has no label'));
  });

  it('falls back to the default palette when given an unusable one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.palette = ['red'];
      el.data = report;
    });
    expect(rgbToHex(getComputedStyle(cell(el, 0, 0)).backgroundColor)).toBe('#081d58');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('palette'));
  });

  it('scrolls the table inside a 280 px column instead of overflowing the page', async () => {
    const el = await mount(
      (el) => {
        el.label = 'Logo retention';
        el.data = yearOfCohorts();
      },
      'en',
      '280px',
    );
    const base = q(el, '[part~="base"]');
    const scroller = q(el, '[part~="scroller"]');
    expect(base?.getBoundingClientRect().width).toBe(280);
    expect(base?.scrollWidth).toBeLessThanOrEqual(280);
    expect(scroller?.scrollWidth).toBeGreaterThan(scroller?.clientWidth ?? 0);
    // Moving the focus to the last column scrolls it into view.
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{End}');
    expect(scroller?.scrollLeft).toBeGreaterThan(0);
  });

  /**
   * Retention cells of the first row wholly visible in the scroller before any scrolling: right of the
   * sticky cohort column and left of the scroller's visible edge.
   */
  function visibleCells(el: CsCohortHeatmap): number {
    const scroller = q(el, '[part~="scroller"]') as HTMLElement;
    const box = scroller.getBoundingClientRect();
    const visibleRight = box.left + scroller.clientLeft + scroller.clientWidth;
    const sticky = (q(el, 'tbody th[scope="row"]') as HTMLElement).getBoundingClientRect();
    return [...(el.shadowRoot?.querySelectorAll('tbody tr:first-child td.cell') ?? [])].filter((td) => {
      const rect = td.getBoundingClientRect();
      return rect.width > 0 && rect.left >= sticky.right - 1 && rect.right <= visibleRight + 1;
    }).length;
  }

  it.each([
    ['logo', '280px'],
    ['logo', '320px'],
    ['revenue', '280px'],
    ['revenue', '320px'],
  ] as const)('shows at least two retention cells beside the cohort column (%s, %s)', async (metric, width) => {
    const el = await mount(
      (el) => {
        el.label = 'Retention';
        el.metric = metric;
        el.data = yearOfCohorts();
      },
      'en',
      width,
    );
    expect(visibleCells(el)).toBeGreaterThanOrEqual(2);
  });

  it('shows at least two retention cells beside a long cohort key at 280 px, wrapping the key', async () => {
    const data = yearOfCohorts();
    const long = {
      ...data,
      cohorts: data.cohorts.map((c, i) => ({ ...c, cohort: `Enterprise EMEA partner channel ${i}` })),
    };
    const el = await mount(
      (el) => {
        el.label = 'Retention';
        el.metric = 'revenue';
        el.data = long;
      },
      'en',
      '280px',
    );
    expect(visibleCells(el)).toBeGreaterThanOrEqual(2);
    expect(q(el, 'tbody th[scope="row"]')?.textContent?.trim()).toBe('Enterprise EMEA partner channel 0');
  });

  it.each(['280px', '320px', '400px', '1200px'])('has no overlapping or cut-off text at %s', async (width) => {
    for (const metric of ['logo', 'revenue'] as const) {
      const el = await mount(
        (el) => {
          el.label = 'Revenue retention by cohort';
          el.metric = metric;
          el.data = sampleReport();
        },
        'bg',
        width,
      );
      expect(findTextLayoutProblems(el)).toEqual([]);
    }
  });

  it('ends a sentence after a Bulgarian month ("12.2025 г.") with one full stop', async () => {
    const el = await mount((el) => {
      el.label = 'Задържане';
      el.data = {
        ...report,
        cohorts: [
          { cohort: '2025-11', customers: 4, mrr: 400, logoRetention: [1, 0.5], revenueRetention: [1, 0.5] },
          { cohort: '2025-12', customers: 5, mrr: 500, logoRetention: [1], revenueRetention: [1] },
        ],
      };
    }, 'bg');
    const summary = text(el, 'summary');
    // Intl writes the month as "12.2025 г." in Bulgarian: the sentence must not add a second period.
    expect(summary).toContain('до 12.2025 г. ');
    expect(summary).not.toMatch(/\.\./);
  });

  it.each([
    ['bg', /^М\d+$/u],
    ['zh-Hans', /^第\d+月$/u],
  ])('shows the age headers in the script of %s', async (lang, pattern) => {
    const el = await mount((el) => {
      el.label = 'Retention';
      el.data = report;
    }, lang);
    const shown = [...(el.shadowRoot?.querySelectorAll('thead th span[aria-hidden="true"]') ?? [])].map(
      (s) => s.textContent?.trim() ?? '',
    );
    expect(shown).toHaveLength(4);
    for (const header of shown) {
      expect(header).toMatch(pattern);
      expect(header).not.toMatch(/[A-Za-z]/);
    }
  });

  it('reserves the height of a year of cohorts while loading', async () => {
    for (const width of ['280px', '600px', '1200px']) {
      const loading = await mount(
        (el) => {
          el.label = 'Logo retention';
          el.src = jsonUrl(yearOfCohorts());
        },
        'en',
        width,
      );
      const before = q(loading, '[part~="base"]')?.getBoundingClientRect().height;
      await vi.waitFor(() => expect(rowTexts(loading)).toHaveLength(13));
      expect(q(loading, '[part~="base"]')?.getBoundingClientRect().height).toBe(before);
    }
  });

  it("keeps its height when the sample company's cohorts arrive, scrolling them under a sticky header", async () => {
    const cohorts = sampleReport().cohorts.length;
    expect(cohorts).toBeGreaterThan(12); // more than the default height shows at once
    for (const width of ['280px', '1200px']) {
      const loading = await mount(
        (el) => {
          el.label = 'Logo retention';
          el.src = jsonUrl(sampleReport());
        },
        'en',
        width,
      );
      const before = q(loading, '[part~="base"]')?.getBoundingClientRect().height;
      await vi.waitFor(() => expect(rowTexts(loading)).toHaveLength(cohorts + 1));
      expect(q(loading, '[part~="base"]')?.getBoundingClientRect().height).toBe(before);
      const scroller = q(loading, '.scroller') as HTMLElement;
      expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight);
      // The last cohort, reached by keyboard, scrolls into view below the header row, which stays put.
      cell(loading, cohorts - 1, 0).focus();
      const header = q(loading, 'thead th') as HTMLElement;
      const last = cell(loading, cohorts - 1, 0).getBoundingClientRect();
      expect(last.bottom).toBeLessThanOrEqual(scroller.getBoundingClientRect().bottom + 1);
      expect(header.getBoundingClientRect().top).toBeCloseTo(scroller.getBoundingClientRect().top, 0);
    }
  });

  it('has no axe violations in light and dark themes', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = yearOfCohorts();
    });
    await expectNoAxeViolations(el);
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    el.theme = 'dark';
    el.metric = 'revenue';
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});

/** Core's report of the sample company (`buildReport`, the JSON of shared/spec/report.md). */
describe('<cs-cohort-heatmap> with the sample company', () => {
  const company = sampleReport();
  const cohorts = company.cohorts;
  const lastAge = Math.max(...cohorts.map((c) => c.logoRetention.length)) - 1;
  const monthName = (cohort: string, locale: string): string => {
    const [year, month] = cohort.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)),
    );
  };
  /** Cells show whole percentages; the summary, legend and detail line one decimal. */
  const whole = (locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const oneDecimal = (locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const values = (metric: 'logo' | 'revenue') =>
    cohorts.flatMap((c, row) =>
      (metric === 'logo' ? c.logoRetention : c.revenueRetention).map((value, age) => ({ row, age, value })),
    );

  it('is a realistic report: two years of cohorts with more than a year of history', () => {
    expect(cohorts.length).toBeGreaterThanOrEqual(12);
    expect(lastAge).toBeGreaterThanOrEqual(12);
    expect(values('logo').some(({ value }) => value < 1)).toBe(true);
    expect(values('revenue').some(({ value }) => value > 1)).toBe(true);
  });

  it('shows every logo retention of the report in its cohort row and age column', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = company;
    });
    const rows = rowTexts(el);
    expect(rows).toHaveLength(cohorts.length + 1);
    expect(rows[0]).toHaveLength(2 + lastAge + 1);
    const format = whole('en');
    cohorts.forEach((cohort, row) => {
      expect(rows[row + 1]?.slice(0, 2)).toEqual([monthName(cohort.cohort, 'en'), String(cohort.customers)]);
      for (let age = 0; age <= lastAge; age++) {
        const value = cohort.logoRetention[age];
        expect(cell(el, row, age).textContent?.trim(), `${cohort.cohort} M${age}`).toBe(
          value === undefined ? '' : format.format(value),
        );
      }
    });
    // Spelled out for one cell: the first cohort six months on, in whole per cent.
    const first = cohorts[0];
    expect(cell(el, 0, 6).textContent?.trim()).toBe(`${Math.round((first?.logoRetention[6] ?? NaN) * 100)}%`);
  });

  it('summarises the report: the range of month-12 logo retention across the cohorts that reached it', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = company;
    });
    const reached = cohorts.filter((c) => c.logoRetention[12] !== undefined);
    expect(reached.length).toBeGreaterThanOrEqual(Math.max(2, Math.ceil(cohorts.length / 2)));
    const byValue = [...reached].sort((a, b) => (a.logoRetention[12] ?? 0) - (b.logoRetention[12] ?? 0));
    const min = byValue[0];
    const max = byValue.at(-1);
    const pct = oneDecimal('en');
    expect(text(el, 'summary')).toBe(
      `${cohorts.length} cohorts, ${monthName(cohorts[0]?.cohort ?? '', 'en')} to ${monthName(cohorts.at(-1)?.cohort ?? '', 'en')}. ` +
        `Month-12 logo retention ranges from ${pct.format(min?.logoRetention[12] ?? NaN)} (${monthName(min?.cohort ?? '', 'en')}) ` +
        `to ${pct.format(max?.logoRetention[12] ?? NaN)} (${monthName(max?.cohort ?? '', 'en')}) across ${reached.length} cohorts.`,
    );
  });

  it('explains the oldest cohort’s last month in the detail line when reached with the keyboard', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = company;
    });
    const first = cohorts[0];
    const value = first?.logoRetention[lastAge] ?? NaN;
    // Keep the pointer off the table: scrolling a cell under it would make that the described (hovered) one.
    await userEvent.hover(q(el, '[part~="label"]') as HTMLElement);
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{End}');
    expect(el.shadowRoot?.activeElement).toBe(cell(el, 0, lastAge));
    expect(text(el, 'detail')).toBe(
      `${monthName(first?.cohort ?? '', 'en')} cohort, month ${lastAge}: ${oneDecimal('en').format(value)} logo retention ` +
        `(${Math.round(value * (first?.customers ?? 0))} of ${first?.customers} customers).`,
    );
  });

  it('shows the revenue retention and starting MRR of the report, darkest where it is highest', async () => {
    const selections: CohortCellSelectDetail[] = [];
    const el = await mount((el) => {
      el.label = 'Revenue retention';
      el.metric = 'revenue';
      el.addEventListener('cs-cell-select', (e) => selections.push(e.detail));
      el.data = company;
    });
    const format = whole('en');
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: company.currency });
    const rows = rowTexts(el);
    cohorts.forEach((cohort, row) => {
      expect(rows[row + 1]?.[2]).toBe(money.format(cohort.mrr));
      cohort.revenueRetention.forEach((value, age) => {
        expect(cell(el, row, age).textContent?.trim(), `${cohort.cohort} M${age}`).toBe(format.format(value));
      });
    });
    const sorted = values('revenue').sort((a, b) => a.value - b.value);
    const low = sorted[0];
    const high = sorted.at(-1);
    if (!low || !high) throw new Error('no revenue retention in the sample');
    expect(high.value).toBeGreaterThan(1);
    expect(text(el, 'legend')).toBe(`${oneDecimal('en').format(low.value)} ${oneDecimal('en').format(high.value)}`);
    expect(rgbToHex(getComputedStyle(cell(el, high.row, high.age)).backgroundColor)).toBe('#081d58');
    expect(rgbToHex(getComputedStyle(cell(el, low.row, low.age)).backgroundColor)).toBe('#ffffd9');

    await userEvent.click(cell(el, high.row, high.age));
    const cohort = cohorts[high.row];
    expect(selections).toEqual([{ cohort: cohort?.cohort, age: high.age, value: high.value }]);
    expect(text(el, 'detail')).toBe(
      `${monthName(cohort?.cohort ?? '', 'en')} cohort, month ${high.age}: ${oneDecimal('en').format(high.value)} revenue retention ` +
        `(${money.format(high.value * (cohort?.mrr ?? 0))} of ${money.format(cohort?.mrr ?? 0)} MRR).`,
    );
  });

  it.each(['es', 'pl', 'zh-Hans'])('formats the report’s months and percentages in %s', async (locale) => {
    const el = await mount((el) => {
      el.label = 'Retention';
      el.metric = 'revenue';
      el.data = company;
    }, locale);
    const format = whole(locale);
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: company.currency });
    const rows = rowTexts(el);
    cohorts.forEach((cohort, row) => {
      // rowTexts collapses white space, the no-break spaces of Polish and Spanish numbers included.
      expect(rows[row + 1]?.slice(0, 3)).toEqual(
        [
          monthName(cohort.cohort, locale),
          new Intl.NumberFormat(locale).format(cohort.customers),
          money.format(cohort.mrr),
        ].map((t) => t.replace(/\s+/g, ' ')),
      );
      cohort.revenueRetention.forEach((value, age) => {
        expect(cell(el, row, age).textContent?.trim()).toBe(format.format(value));
      });
    });
  });

  it('spells the first cohort’s month-6 logo retention the Spanish way', async () => {
    const el = await mount((el) => {
      el.label = 'Retención';
      el.data = company;
    }, 'es');
    const value = cohorts[0]?.logoRetention[6] ?? NaN;
    // Spanish puts a no-break space between the number and the per cent sign.
    expect(cell(el, 0, 6).textContent?.trim()).toBe(`${Math.round(value * 100)}\u00a0%`);
  });

  it('has no axe violations with the report in light and dark themes, both metrics', async () => {
    const el = await mount((el) => {
      el.label = 'Retention';
      el.data = company;
    });
    await expectNoAxeViolations(el);
    cell(el, 0, 0).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    el.theme = 'dark';
    el.metric = 'revenue';
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});

describe('<cs-cohort-heatmap> theming', () => {
  const base = (el: CsCohortHeatmap): CSSStyleDeclaration => getComputedStyle(q(el, '[part~="base"]') as Element);
  /** A report with a null ratio, so the "missing" cell colour shows too. */
  const withGap = {
    ...report,
    cohorts: [
      ...report.cohorts,
      { cohort: '2024-05', customers: 2, mrr: 0, logoRetention: [null], revenueRetention: [null] },
    ],
  };

  it('switches its base, muted and empty-cell colours with theme="dark"', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = withGap;
    });
    const missing = () => getComputedStyle(q(el, 'td.missing') as Element);
    expect(base(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(base(el).color).toBe('rgb(31, 35, 40)');
    expect(getComputedStyle(q(el, '[part~="summary"]') as Element).color).toBe('rgb(87, 96, 106)');
    expect(missing().backgroundColor).toBe('rgb(243, 244, 246)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).toBe('dark');
    expect(base(el).backgroundColor).toBe('rgb(22, 27, 34)');
    expect(base(el).color).toBe('rgb(230, 237, 243)');
    expect(getComputedStyle(q(el, '[part~="summary"]') as Element).color).toBe('rgb(145, 152, 161)');
    expect(missing().backgroundColor).toBe('rgb(33, 38, 45)');
    el.theme = 'light';
    await el.updateComplete;
    expect(base(el).backgroundColor).toBe('rgb(255, 255, 255)');
  });

  it('takes the documented --cs-* custom properties, its own over the global ones, in either theme', async () => {
    const el = await mount((el) => {
      el.label = 'Logo retention';
      el.data = withGap;
    });
    const page = el.parentElement as HTMLElement;
    page.style.setProperty('--cs-surface', 'rgb(250, 250, 250)');
    page.style.setProperty('--cs-text', 'rgb(10, 20, 30)');
    page.style.setProperty('--cs-radius', '2px');
    expect(base(el).backgroundColor).toBe('rgb(250, 250, 250)');
    expect(base(el).color).toBe('rgb(10, 20, 30)');
    expect(base(el).borderTopLeftRadius).toBe('2px');

    el.style.setProperty('--cs-cohort-heatmap-background', 'rgb(1, 2, 3)');
    el.style.setProperty('--cs-cohort-heatmap-color', 'rgb(4, 5, 6)');
    el.style.setProperty('--cs-cohort-heatmap-muted-color', 'rgb(7, 8, 9)');
    el.style.setProperty('--cs-cohort-heatmap-empty-color', 'rgb(11, 12, 13)');
    el.style.setProperty('--cs-cohort-heatmap-border', '3px dashed rgb(14, 15, 16)');
    el.style.setProperty('--cs-cohort-heatmap-cell-width', '80px');
    for (const theme of ['', 'dark'] as const) {
      el.theme = theme;
      await el.updateComplete;
      expect(base(el).backgroundColor).toBe('rgb(1, 2, 3)');
      expect(base(el).color).toBe('rgb(4, 5, 6)');
      expect(base(el).borderTopStyle).toBe('dashed');
      expect(base(el).borderTopColor).toBe('rgb(14, 15, 16)');
      expect(getComputedStyle(q(el, '[part~="summary"]') as Element).color).toBe('rgb(7, 8, 9)');
      expect(getComputedStyle(q(el, 'td.missing') as Element).backgroundColor).toBe('rgb(11, 12, 13)');
    }
    expect(getComputedStyle(cell(el, 0, 1)).minInlineSize).toBe('80px');
  });
});
