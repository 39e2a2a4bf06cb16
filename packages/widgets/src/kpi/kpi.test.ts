import { afterEach, describe, expect, it, vi } from 'vitest';
import './cs-kpi.js';
import type { CsKpi } from './kpi.js';
import { expectNoAxeViolations } from '../test-support/axe.js';

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

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('<cs-kpi>', () => {
  it('shows the latest MRR in the report currency and its change vs the previous month', async () => {
    const el = await mount((el) => {
      el.label = 'MRR';
      el.data = report;
    });
    expect(text(el, 'label')).toBe('MRR');
    expect(text(el, 'value')).toBe('€1,210.50');
    // (1210.5 − 1100) ÷ 1100 = 0.10045… → "10%" at one fraction digit rounds to 10%
    expect(text(el, 'change')).toContain('+10%');
    expect(el.shadowRoot?.querySelector('.change')?.classList.contains('good')).toBe(true);
    expect(el.shadowRoot?.querySelector('svg path')?.getAttribute('d')).toMatch(/^M0\.0,40\.0L48\.0,/);
  });

  it('colours a rising churn rate as bad and shows the change in percentage points', async () => {
    const el = await mount((el) => {
      el.label = 'Logo churn';
      el.metric = 'logoChurnRate';
      el.data = report;
    });
    expect(text(el, 'value')).toBe('3%');
    // 0.03 − 0.025 = 0.005 → 0.5 percentage points
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
    await vi.waitFor(() => expect(text(el, 'value')).toBe('3%'));
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

  it('warns in development when it has no label', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mount((el) => {
      el.data = report;
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('has no label'));
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
