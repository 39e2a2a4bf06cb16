import { DEFAULT_HEALTH_MODEL_JSON, type HealthReportCustomer } from '@cskit/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import './cs-health-card.js';
import type { CsHealthCard } from './health-card.js';
import { bandOf, DEFAULT_BANDS, type HealthCardInput } from './health-card-data.js';
import { healthCardMessages } from './health-card.messages.js';
import { contrast } from '../test-support/contrast.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { signsBrokenAtNarrowWidths } from '../test-support/signed-numbers.js';
import { findTextLayoutProblems } from '../test-support/text-layout.js';
import { sampleHealth as realSampleHealth, sampleHealthCustomer } from '../test-support/sample-health.js';
import { preloadEveryLanguage } from '../test-support/languages.js';

const XSS = '<img src=x onerror=alert(1)>';

/** A small `cskit health` JSON (shared/spec/report.md). */
function sampleHealth() {
  return {
    version: 1 as const,
    asOf: '2024-12-31',
    bands: { red: 0, yellow: 40, green: 70 },
    customers: [
      {
        customerId: 'cus_0042',
        name: 'Acme GmbH',
        segment: 'vip',
        // Weights are shares of the present factors' weight (they add up to 1) and contributions are
        // weight × score, adding up to the score: 30 + 25.5 + 12 + 14 = 81.5 (core's scoreHealth).
        score: 81.5,
        band: 'green' as const,
        trend: 4.1,
        factors: [
          { key: 'nps', label: 'NPS (latest response)', raw: 9, score: 100, weight: 0.3, contribution: 30 },
          { key: 'seats', label: 'Seat utilisation', raw: 0.85, score: 85, weight: 0.3, contribution: 25.5 },
          { key: 'tickets', label: 'Tickets (90 days)', raw: 6, score: 60, weight: 0.2, contribution: 12 },
          { key: 'mrrChange', label: 'MRR change (3 months)', raw: 0.04, score: 70, weight: 0.2, contribution: 14 },
        ],
        missing: ['Days since last usage'],
      },
      {
        customerId: 'cus_0107',
        name: 'Borealis Logistics',
        segment: 'core',
        // (20·0.5 + 50·0.5) ÷ 1 = 35
        score: 35,
        band: 'red' as const,
        trend: -12.4,
        factors: [
          { key: 'nps', label: 'NPS (latest response)', raw: 3, score: 20, weight: 0.5, contribution: 10 },
          { key: 'seats', label: 'Seat utilisation', raw: 0.5, score: 50, weight: 0.5, contribution: 25 },
        ],
        missing: [],
      },
      {
        customerId: 'cus_0311',
        name: 'Cobalt Studio',
        segment: 'potential',
        score: 55,
        band: 'yellow' as const,
        trend: null,
        factors: [{ key: 'seats', label: 'Seat utilisation', raw: 0.6, score: 55, weight: 1, contribution: 55 }],
        missing: ['NPS (latest response)', 'Tickets (90 days)'],
      },
    ],
    segments: [
      { segment: 'vip', customers: 12, score: 74.2, band: 'green' as const },
      { segment: 'core', customers: 148, score: 61.8, band: 'yellow' as const },
      { segment: 'secondary', customers: 1, score: 38, band: 'red' as const },
    ],
  };
}

/** The sample's first customer with `overrides`, which may be deliberately invalid. */
function customer(overrides: Record<string, unknown> = {}): HealthCardInput {
  return { ...sampleHealth().customers[0], asOf: '2024-12-31', ...overrides } as unknown as HealthCardInput;
}

async function mount(setup: (el: CsHealthCard) => void, lang = 'en', width = ''): Promise<CsHealthCard> {
  const host = document.createElement('div');
  host.lang = lang;
  if (width) host.style.width = width;
  document.body.append(host);
  const el = document.createElement('cs-health-card');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

function part(el: CsHealthCard, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

function text(el: CsHealthCard, name: string): string {
  return part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
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

describe('<cs-health-card>', () => {
  it('shows the score, its band in words, the trend and the date', async () => {
    const el = await mount((el) => {
      el.data = customer();
    });
    expect(text(el, 'title')).toBe('Acme GmbH');
    expect(text(el, 'score')).toBe('Health score: 81.5 / 100');
    expect(text(el, 'band')).toBe('Healthy');
    expect(part(el, 'band')?.classList.contains('green')).toBe(true);
    expect(text(el, 'trend')).toBe('▲ +4.1 pts vs 30 days ago');
    expect(part(el, 'trend')?.classList.contains('good')).toBe(true);
    expect(text(el, 'footer')).toBe('Updated Dec 31, 2024');
    expect(part(el, 'footer')?.querySelector('time')?.getAttribute('datetime')).toBe('2024-12-31');
  });

  it('explains the score with a bar, weight and contribution per factor', async () => {
    const el = await mount((el) => {
      el.data = customer();
    });
    const factors = [...(el.shadowRoot?.querySelectorAll('[part~="factor"]') ?? [])];
    expect(factors).toHaveLength(4);
    const first = factors[0]?.textContent?.replace(/\s+/g, ' ').trim();
    // The key is the default model's NPS factor: its raw value is an answer out of 10; the label is the data's own.
    expect(first).toBe('NPS (latest response) score 100 / 100 value 9 / 10 · weight 30% · contribution 30 pts');
    const second = factors[1]?.textContent?.replace(/\s+/g, ' ').trim();
    expect(second).toContain('value 0.85 · weight 30% · contribution 25.5 pts');
    const bar = factors[1]?.querySelector<HTMLElement>('[part~="factor-bar"] .fill');
    expect(bar?.style.inlineSize).toBe('85%');
    expect(el.shadowRoot?.querySelector('[part~="factors"]')?.getAttribute('aria-labelledby')).toBe('factors-title');
  });

  it('names the factors that had no data', async () => {
    const el = await mount((el) => {
      el.data = customer({ missing: ['usage', { key: 'sla', label: 'SLA breaches' }] });
    });
    expect(text(el, 'missing')).toBe('No data for usage and SLA breaches (left out of the score)');
  });

  it('shows no missing line when every factor had data', async () => {
    const el = await mount((el) => {
      el.data = customer({ missing: [] });
    });
    expect(part(el, 'missing')).toBeNull();
  });

  it.each([
    [39.99, 'red', 'At risk', '39.9'],
    [40, 'yellow', 'Needs attention', '40'],
    [69.99, 'yellow', 'Needs attention', '69.9'],
    [70, 'green', 'Healthy', '70'],
    // Within 6 decimals of the edge: core calls it green (metrics.md §11), so must the card.
    [69.9999999, 'green', 'Healthy', '70'],
    [0, 'red', 'At risk', '0'],
    [100, 'green', 'Healthy', '100'],
  ])('puts score %s in the %s band', async (score, band, label, shown) => {
    expect(bandOf(score, DEFAULT_BANDS)).toBe(band);
    const el = await mount((el) => {
      el.data = customer({ score, band: undefined });
    });
    expect(text(el, 'band')).toBe(label);
    expect(part(el, 'band')?.classList.contains(band)).toBe(true);
    expect(part(el, 'gauge')?.classList.contains(band)).toBe(true);
    expect(text(el, 'score')).toBe(`Health score: ${shown} / 100`);
  });

  it('uses the thresholds the data carries', async () => {
    const el = await mount((el) => {
      el.data = customer({ score: 55, band: 'green', bands: { red: 0, yellow: 30, green: 50 } });
    });
    expect(text(el, 'band')).toBe('Healthy');
  });

  it('reports a band that contradicts the score instead of guessing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.data = customer({ score: 39.99, band: 'yellow' });
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('data.band is "yellow" but score 39.99 is red'));
  });

  it('shows a falling trend as bad, a flat one as no change, and none when unknown', async () => {
    const el = await mount((el) => {
      el.data = customer({ trend: -12.44 });
    });
    expect(text(el, 'trend')).toBe('▼ -12.4 pts vs 30 days ago');
    expect(part(el, 'trend')?.classList.contains('bad')).toBe(true);
    el.data = customer({ trend: 0.01 });
    await el.updateComplete;
    expect(text(el, 'trend')).toBe('→ no change vs 30 days ago');
    el.data = customer({ trend: null });
    await el.updateComplete;
    expect(part(el, 'trend')).toBeNull();
  });

  it('says when there is not enough data to score', async () => {
    const el = await mount((el) => {
      el.data = customer({ score: null, band: null, factors: [], missing: ['nps', 'usage'] });
    });
    expect(text(el, 'score')).toBe('Not enough data to score');
    expect(part(el, 'band')).toBeNull();
    expect(text(el, 'missing')).toContain('NPS and usage');
  });

  it('picks a customer of a whole health report by customer-id', async () => {
    const el = await mount((el) => {
      el.customerId = 'cus_0107';
      el.data = sampleHealth();
    });
    expect(text(el, 'title')).toBe('Borealis Logistics');
    expect(text(el, 'band')).toBe('At risk');
    expect(text(el, 'footer')).toBe('Updated Dec 31, 2024');
  });

  it('shows a segment roll-up', async () => {
    const el = await mount((el) => {
      el.segment = 'core';
      el.data = sampleHealth();
    });
    expect(text(el, 'title')).toBe('core');
    expect(el.shadowRoot?.querySelector('.meta')?.textContent?.trim()).toBe('Segment · 148 customers');
    expect(text(el, 'score')).toBe('Health score: 61.8 / 100');
    expect(text(el, 'band')).toBe('Needs attention');
    expect(part(el, 'factors')).toBeNull();
  });

  it('accepts a segment entry on its own', async () => {
    const el = await mount((el) => {
      el.data = { segment: 'secondary', customers: 1, score: 38, band: 'red' };
    });
    expect(el.shadowRoot?.querySelector('.meta')?.textContent?.trim()).toBe('Segment · 1 customer');
    expect(text(el, 'band')).toBe('At risk');
  });

  it('loads the health JSON from src, showing loading first, then the customer', async () => {
    const el = await mount((el) => {
      el.src = jsonUrl(sampleHealth());
      el.customerId = 'cus_0311';
    });
    expect(['Loading…', '']).toContain(text(el, 'state'));
    await vi.waitFor(() => expect(text(el, 'title')).toBe('Cobalt Studio'));
    expect(text(el, 'missing')).toBe('No data for NPS (latest response) and Tickets (90 days) (left out of the score)');
  });

  it('says clearly when the customer is not in the JSON', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.src = jsonUrl(sampleHealth());
      el.customerId = 'cus_nope';
    });
    await vi.waitFor(() => expect(text(el, 'state')).toBe('This customer or segment is not in the health report'));
    expect(part(el, 'state')?.getAttribute('role')).toBe('alert');
    expect(reasons).toEqual(['customer "cus_nope" is not in the health report']);
    expect(errors).toHaveBeenCalledOnce();
  });

  it('asks for customer-id or segment when given a whole report without either', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.data = sampleHealth();
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(reasons[0]).toMatch(/needs a customer-id or segment/);
  });

  it('shows an error state when src cannot be loaded, without an unhandled rejection', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = await mount((el) => {
      el.src = '/does-not-exist/health.json';
      el.customerId = 'cus_0042';
    });
    await vi.waitFor(() => expect(text(el, 'state')).toBe('Could not load the data'));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('404'));
  });

  it('shows an empty state without data or src', async () => {
    const el = await mount((el) => {
      el.label = 'Health';
    });
    expect(text(el, 'state')).toBe('No data for this period');
  });

  it.each([
    [
      'a factor without a score',
      { factors: [{ key: 'nps', weight: 1, contribution: 1 }] },
      'data.factors[0].score is not a number',
    ],
    ['a score out of range', { factors: [{ key: 'x', score: 140, weight: 1, contribution: 1 }] }, 'outside 0–100'],
    ['a non-array missing', { missing: 'usage' }, 'data.missing is not an array'],
    ['a bad date', { asOf: '2024-02-30' }, 'asOf 2024-02-30 is not a calendar date'],
    ['a string score', { score: '80' }, 'data.score is not a number or null'],
  ])('rejects %s with a readable reason', async (_name, overrides, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((el) => {
      el.addEventListener('cs-data-error', (e) => reasons.push(e.detail.reason));
      el.data = customer(overrides) as never;
    });
    expect(text(el, 'state')).toBe('The data could not be read');
    expect(reasons[0]).toContain(reason);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(reason));
  });

  it('renders names, labels and keys as text, never as markup', async () => {
    const el = await mount((el) => {
      el.data = customer({
        name: XSS,
        segment: XSS,
        factors: [{ key: XSS, label: XSS, raw: XSS, score: 50, weight: 1, contribution: 50 }],
        missing: [XSS, { key: 'x', label: XSS }],
      });
    });
    expect(text(el, 'title')).toBe(XSS);
    expect(text(el, 'factor')).toContain(XSS);
    expect(text(el, 'missing')).toContain(XSS);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('formats numbers, dates and words in Polish and Chinese', async () => {
    const pl = await mount((el) => {
      el.data = customer({ score: 72.55, band: 'green', trend: -3.25 });
    }, 'pl');
    expect(text(pl, 'score')).toBe('Wskaźnik kondycji: 72,5 / 100');
    expect(text(pl, 'band')).toBe('W dobrej kondycji');
    expect(text(pl, 'trend')).toBe('▼ -3,3 pkt vs 30 dni temu');
    expect(text(pl, 'footer')).toBe('Zaktualizowano 31 gru 2024');
    expect(text(pl, 'missing')).toContain('Brak danych:');

    const zh = await mount((el) => {
      el.locale = 'zh-Hans';
      el.data = customer();
    });
    expect(text(zh, 'band')).toBe('健康');
    expect(text(zh, 'footer')).toBe('更新于 2024年12月31日');
  });

  it('fits a 280 px column without overflowing', async () => {
    const el = await mount(
      (el) => {
        el.data = customer();
      },
      'en',
      '280px',
    );
    const base = part(el, 'base');
    expect(base?.getBoundingClientRect().width).toBe(280);
    expect(base?.scrollWidth).toBeLessThanOrEqual(280);
  });

  it('loads in a box of a usual card, not the old 590 px reserve, then takes the height of what it shows', async () => {
    const el = await mount((el) => {
      el.src = jsonUrl(sampleHealth());
      el.customerId = 'cus_0107';
    });
    const loadingHeight = part(el, 'base')?.getBoundingClientRect().height ?? 0;
    await vi.waitFor(() => expect(text(el, 'title')).toBe('Borealis Logistics'));
    const loadedHeight = part(el, 'base')?.getBoundingClientRect().height ?? 0;
    // The skeleton draws three factor rows; 37rem (592 px) was reserved before, with no title.
    expect(loadingHeight).toBeLessThan(500);
    // Two factors take less than the skeleton's three.
    expect(loadedHeight).toBeLessThan(loadingHeight);
  });

  /**
   * Blank card below the last content: the largest gap between consecutive visible blocks of the card
   * (the gap between them is 12 px) and between the footer and the card's padding edge.
   */
  function blankSpace(el: CsHealthCard): number {
    const base = part(el, 'base') as HTMLElement;
    const style = getComputedStyle(base);
    const blocks = [...base.children]
      .filter((child) => !child.classList.contains('visually-hidden'))
      .map((child) => child.getBoundingClientRect())
      .filter((rect) => rect.height > 0);
    const gaps = blocks.slice(1).map((rect, i) => rect.top - (blocks[i]?.bottom ?? rect.top));
    const inner =
      base.getBoundingClientRect().bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
    return Math.max(...gaps, inner - (blocks.at(-1)?.bottom ?? inner));
  }

  it.each(['280px', '400px', '1200px'])('leaves no band of blank card under three factors at %s', async (width) => {
    const three = sampleHealth().customers[0]?.factors.slice(0, 3) ?? [];
    const el = await mount((el) => (el.data = customer({ factors: three })), 'en', width);
    expect(el.shadowRoot?.querySelectorAll('[part~="factor"]')).toHaveLength(3);
    // At most the 12 px gap between blocks, plus a pixel of rounding.
    expect(blankSpace(el)).toBeLessThanOrEqual(13);
  });

  it('keeps a height the page sets with --cs-health-card-min-height once loaded', async () => {
    const el = await mount((el) => {
      el.style.setProperty('--cs-health-card-min-height', '40rem');
      el.data = customer();
    });
    expect(part(el, 'base')?.getBoundingClientRect().height).toBe(640);
  });

  it('holds the height set by --cs-health-card-min-height in every state, down to 280 px', async () => {
    for (const width of ['280px', '360px', '800px']) {
      const held = (el: CsHealthCard) => el.style.setProperty('--cs-health-card-min-height', '36rem');
      const loading = await mount(
        (el) => {
          held(el);
          el.src = '/never';
        },
        'en',
        width,
      );
      const loaded = await mount(
        (el) => {
          held(el);
          el.data = customer({ missing: [] });
        },
        'en',
        width,
      );
      // 36rem = 576 px at the 16 px root size, loading and loaded alike: nothing moves on arrival.
      expect(part(loading, 'base')?.getBoundingClientRect().height).toBe(576);
      expect(part(loaded, 'base')?.getBoundingClientRect().height).toBe(576);
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('reserves a smaller height for a segment', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const width of ['280px', '800px']) {
      const loading = await mount(
        (el) => {
          el.segment = 'vip';
          el.src = '/never';
        },
        'en',
        width,
      );
      const loaded = await mount(
        (el) => {
          el.segment = 'vip';
          el.data = sampleHealth();
        },
        'en',
        width,
      );
      const height = part(loaded, 'base')?.getBoundingClientRect().height ?? 0;
      expect(height).toBeLessThan(200);
      expect(height).toBe(part(loading, 'base')?.getBoundingClientRect().height);
    }
  });

  it('fills the title, actions and footer slots', async () => {
    const el = await mount((el) => {
      el.data = customer();
      el.innerHTML =
        '<span slot="title">Acme (EU)</span><a slot="actions" href="#crm">Open in CRM</a><span slot="footer">Owner: Jo</span>';
    });
    const slots = [...(el.shadowRoot?.querySelectorAll('slot') ?? [])];
    const assigned = (name: string) =>
      slots
        .find((s) => s.name === name)
        ?.assignedElements()
        .map((e) => e.textContent) ?? [];
    expect(assigned('title')).toEqual(['Acme (EU)']);
    expect(assigned('actions')).toEqual(['Open in CRM']);
    expect(assigned('footer')).toEqual(['Owner: Jo']);
    await expectNoAxeViolations(el);
  });

  /** The contrast of an element's text colour with the card's background (both opaque `rgb()`). */
  function contrastWithCard(el: CsHealthCard, element: Element): number {
    const card = getComputedStyle(part(el, 'base') as HTMLElement).backgroundColor;
    return contrast(getComputedStyle(element).color, card);
  }

  it.each(['light', 'dark'] as const)('gives a slotted link 4.5:1 contrast on the %s card', async (theme) => {
    const el = await mount((el) => {
      el.theme = theme;
      el.data = customer();
      el.innerHTML = '<a slot="actions" href="#crm">Open in CRM</a>';
    });
    const link = el.querySelector('a') as HTMLAnchorElement;
    expect(contrastWithCard(el, link)).toBeGreaterThanOrEqual(4.5);
    await expectNoAxeViolations(el);
  });

  it('warns in development when it has no accessible name', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mount(() => undefined);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('has no accessible name'));
    warn.mockClear();
    await mount((el) => {
      el.data = customer();
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('has no axe violations in light and dark themes, in every band', async () => {
    for (const [score, band] of [
      [80, 'green'],
      [55, 'yellow'],
      [20, 'red'],
    ] as const) {
      const el = await mount((el) => {
        el.data = customer({ score, band });
      });
      await expectNoAxeViolations(el);
      el.theme = 'dark';
      await el.updateComplete;
      await expectNoAxeViolations(el);
    }
  });
});

/** English formatting as the card does it, to compute what it must show from the real data. */
const en = healthCardMessages.en;
const truncated = new Intl.NumberFormat('en', { maximumFractionDigits: 1, roundingMode: 'trunc' });
const oneDigit = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const twoDigits = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const defaultLabels = new Map(DEFAULT_HEALTH_MODEL_JSON.factors.map((f) => [f.key, f.label ?? f.key]));

function missingLabels(customer: HealthReportCustomer): string[] {
  return customer.missing.map((key) => defaultLabels.get(key) ?? key);
}

/** A default-model factor's raw value with its unit, in English (see docs/widgets.md). */
function rawWithUnit(f: { key: string; raw: number | null }): string {
  if (f.raw === null) return '';
  switch (f.key) {
    case 'nps':
      return `${f.raw} / 10`;
    case 'seatUtilisation':
    case 'slaBreachRate':
      return percent.format(f.raw);
    case 'mrrChange':
      return `${f.raw > 0 ? '+' : ''}${percent.format(f.raw)}`;
    case 'daysSinceLastUsage':
      return `${f.raw} ${f.raw === 1 ? 'day' : 'days'}`;
    case 'ticketVolume':
      return `${f.raw} ${f.raw === 1 ? 'ticket' : 'tickets'}`;
    default:
      return twoDigits.format(f.raw);
  }
}

function tableRows(el: CsHealthCard): string[][] {
  return [...(el.shadowRoot?.querySelectorAll('[part~="table"] tr') ?? [])].map((tr) =>
    [...tr.children].map((cell) => cell.textContent?.trim() ?? ''),
  );
}

function toggle(el: CsHealthCard): HTMLButtonElement {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="table-toggle"]');
  if (!button) throw new Error('no table toggle');
  return button;
}

describe("<cs-health-card> with the sample company's real health (core's healthReport)", () => {
  const report = realSampleHealth();

  it("shows a real customer's score, band, trend, factors and missing factors as the report has them", async () => {
    const c = sampleHealthCustomer('healthy');
    const el = await mount((el) => {
      el.customerId = c.customerId;
      el.data = report;
    });
    expect(text(el, 'title')).toBe(c.name);
    expect(text(el, 'score')).toBe(`Health score: ${truncated.format(c.score ?? NaN)} / 100`);
    expect(c.band).not.toBeNull();
    expect(text(el, 'band')).toBe(en[c.band ?? 'red']);
    expect(part(el, 'band')?.classList.contains(c.band ?? '')).toBe(true);
    // The CSSOM keeps 4 decimals of a percentage.
    const width = (e: Element | null | undefined) =>
      parseFloat(e?.querySelector<HTMLElement>('.fill')?.style.inlineSize ?? '');
    expect(width(part(el, 'gauge'))).toBeCloseTo(c.score ?? NaN, 3);
    expect(text(el, 'trend')).toBe(`▲ +${oneDigit.format(c.trend ?? NaN)} pts vs 30 days ago`);
    const factors = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="factor"]') ?? [])];
    expect(factors).toHaveLength(c.factors.length);
    factors.forEach((li, i) => {
      const f = c.factors[i];
      if (!f) throw new Error('factor count mismatch');
      expect(li.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        `${f.label} score ${oneDigit.format(f.score)} / 100 value ${rawWithUnit(f)} · ` +
          `weight ${percent.format(f.weight)} · contribution ${oneDigit.format(f.contribution)} pts`,
      );
      expect(width(li.querySelector('[part~="factor-bar"]'))).toBeCloseTo(f.score, 3);
    });
    // The contributions the bars explain add up to the score.
    expect(c.factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(c.score ?? NaN, 9);
    const missing = new Intl.ListFormat('en', { type: 'conjunction' }).format(missingLabels(c));
    expect(text(el, 'missing')).toBe(`No data for ${missing} (left out of the score)`);
    expect(text(el, 'footer')).toBe(
      `Updated ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${report.asOf}T00:00:00Z`))}`,
    );
  });

  it('sums the card up in a sentence that describes it', async () => {
    const c = sampleHealthCustomer('atRisk');
    const el = await mount((el) => {
      el.customerId = c.customerId;
      el.data = report;
    });
    const weakest = [...c.factors].sort((a, b) => a.score - b.score)[0];
    if (!weakest || c.score === null || c.band === null || c.trend === null) throw new Error('not an at-risk customer');
    const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(missingLabels(c));
    expect(text(el, 'summary')).toBe(
      `${c.name}: health score ${truncated.format(c.score)} out of 100 (${en[c.band]}). ` +
        `Down ${oneDigit.format(Math.abs(c.trend))} pts vs 30 days ago. ` +
        `Weakest factor: ${weakest.label} (${oneDigit.format(weakest.score)} out of 100). No data for ${list}.`,
    );
    expect(part(el, 'base')?.getAttribute('aria-describedby')).toBe('summary');
    expect(part(el, 'summary')?.id).toBe('summary');
  });

  it('localises the summary with Intl numbers and lists', async () => {
    const c = sampleHealthCustomer('atRisk');
    const pl = await mount((el) => {
      el.customerId = c.customerId;
      el.data = report;
    }, 'pl');
    const plNumber = new Intl.NumberFormat('pl', { maximumFractionDigits: 1, roundingMode: 'trunc' });
    const plLabels: Record<string, string> = {
      seatUtilisation: 'Wykorzystanie licencji',
      daysSinceLastUsage: 'Dni od ostatniego użycia',
      slaBreachRate: 'Naruszenia SLA (90 dni)',
    };
    const plList = new Intl.ListFormat('pl', { type: 'conjunction' }).format(
      c.missing.map((key) => plLabels[key] ?? key),
    );
    expect(text(pl, 'summary')).toContain(
      `${c.name}: wskaźnik kondycji ${plNumber.format(c.score ?? NaN)} na 100 (Zagrożony).`,
    );
    expect(text(pl, 'summary')).toContain(`Brak danych: ${plList}.`);
    expect(plList).toContain(' i ');

    const zh = await mount((el) => {
      el.locale = 'zh-Hans';
      el.customerId = c.customerId;
      el.data = report;
    });
    expect(text(zh, 'summary')).toMatch(/^.+：健康评分 .+（满分 100），有风险。较 30 天前下降 .+ 分。最弱因素：/);
  });

  it('shows the factors as a table with the numbers the bars show, missing factors as such', async () => {
    const c = sampleHealthCustomer('healthy');
    const el = await mount((el) => {
      el.customerId = c.customerId;
      el.data = report;
    });
    expect(toggle(el).textContent?.trim()).toBe('Show table');
    expect(toggle(el).getAttribute('aria-expanded')).toBe('false');
    expect(part(el, 'table')).toBeNull();
    const closedHeight = part(el, 'base')?.getBoundingClientRect().height ?? 0;
    toggle(el).click();
    await el.updateComplete;
    expect(toggle(el).textContent?.trim()).toBe('Hide table');
    expect(toggle(el).getAttribute('aria-expanded')).toBe('true');
    expect(toggle(el).getAttribute('aria-controls')).toBe('table');
    expect(el.shadowRoot?.getElementById('table')?.contains(part(el, 'table'))).toBe(true);
    expect(part(el, 'table')?.querySelector('caption')?.textContent?.trim()).toBe('What drives the score');
    expect(tableRows(el)).toEqual([
      // Headers reuse the bars' words; CSS capitalises their first letter.
      ['Factor', 'value', 'score', 'weight', 'contribution'],
      ...c.factors.map((f) => [
        f.label,
        rawWithUnit(f),
        oneDigit.format(f.score),
        percent.format(f.weight),
        oneDigit.format(f.contribution),
      ]),
      ...missingLabels(c).map((label) => [label, 'No data', '–', '–', '–']),
    ]);
    expect(part(el, 'base')?.getBoundingClientRect().height).toBeGreaterThanOrEqual(closedHeight);
  });

  it('opens and closes the table from the keyboard', async () => {
    const c = sampleHealthCustomer('healthy');
    const el = await mount((el) => {
      el.customerId = c.customerId;
      el.data = report;
    });
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(toggle(el));
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-expanded')).toBe('true');
    expect(part(el, 'table')).not.toBeNull();
    // The table scrolls when narrow, so it takes focus next.
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement?.id).toBe('table');
    await userEvent.tab({ shift: true });
    expect(el.shadowRoot?.activeElement).toBe(toggle(el));
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-expanded')).toBe('false');
    expect(part(el, 'table')).toBeNull();
  });

  it('shows a real segment roll-up with its summary', async () => {
    const s = report.segments[0];
    if (!s || s.score === null || s.band === null) throw new Error('the sample has no scored segment');
    const el = await mount((el) => {
      el.segment = s.segment;
      el.data = report;
    });
    const customers = `${new Intl.NumberFormat('en').format(s.customers)} customers`;
    expect(text(el, 'title')).toBe(s.segment);
    expect(el.shadowRoot?.querySelector('.meta')?.textContent?.trim()).toBe(`Segment · ${customers}`);
    expect(text(el, 'score')).toBe(`Health score: ${truncated.format(s.score)} / 100`);
    expect(text(el, 'band')).toBe(en[s.band]);
    expect(part(el, 'factors')).toBeNull();
    expect(text(el, 'summary')).toBe(
      `Segment ${s.segment} (${customers}): health score ${truncated.format(s.score)} out of 100 (${en[s.band]}).`,
    );
    // A segment has no factors to tabulate: no table toggle.
    expect(el.shadowRoot?.querySelector('[part~="table-toggle"]')).toBeNull();
  });

  it('takes no more than the reserved height when a real customer loads', async () => {
    const c = sampleHealthCustomer('healthy');
    const el = await mount((el) => {
      el.src = jsonUrl(report);
      el.customerId = c.customerId;
    });
    const loadingHeight = part(el, 'base')?.getBoundingClientRect().height ?? 0;
    await vi.waitFor(() => expect(text(el, 'title')).toBe(c.name));
    expect(part(el, 'base')?.getBoundingClientRect().height).toBeLessThanOrEqual(loadingHeight);
  });

  it('shows each factor of the default model with its unit, any other number as it is', async () => {
    const factor = (key: string, raw: number) => ({ key, raw, score: 50, weight: 0.1, contribution: 5 });
    const data = {
      ...customer(),
      factors: [
        factor('nps', 8),
        factor('seatUtilisation', 0.625),
        factor('daysSinceLastUsage', 12),
        factor('mrrChange', -0.19),
        factor('ticketVolume', 1),
        factor('slaBreachRate', 0.125),
        { ...factor('custom', 0.19), label: 'Custom signal' },
      ],
    } as unknown as HealthCardInput;
    const values = (el: CsHealthCard) =>
      [...(el.shadowRoot?.querySelectorAll('.factor-meta') ?? [])].map(
        (meta) => meta.textContent?.replace(/\s+/g, ' ').trim().split(' · ')[0] ?? '',
      );
    const en = await mount((el) => (el.data = data));
    expect(values(en)).toEqual([
      'value 8 / 10',
      'value 62.5%',
      'value 12 days',
      'value -19%',
      'value 1 ticket',
      'value 12.5%',
      'value 0.19',
    ]);
    const pl = await mount((el) => (el.data = data), 'pl');
    // Polish: decimal comma, no-break space before %, "dni", and the plural of zgłoszenie.
    expect(values(pl).map((v) => v.replace(/\u00a0/g, ' '))).toEqual([
      'wartość 8 / 10',
      'wartość 62,5%',
      'wartość 12 dni',
      'wartość -19%',
      'wartość 1 zgłoszenie',
      'wartość 12,5%',
      'wartość 0,19',
    ]);
    const five = await mount(
      (el) =>
        (el.data = {
          ...data,
          factors: [factor('ticketVolume', 5), factor('mrrChange', 0.04)],
        } as unknown as HealthCardInput),
      'pl',
    );
    expect(values(five)).toEqual(['wartość 5 zgłoszeń', 'wartość +4%']);
  });

  it.each([
    ['es', 'Cambio de MRR (3 meses)', 'Uso de licencias'],
    ['pl', 'Zmiana MRR (3 miesiące)', 'Wykorzystanie licencji'],
    ['bg', 'Промяна на MRR (3 месеца)', 'Използване на лицензите'],
    ['zh-Hans', 'MRR 变化（3 个月）', '席位使用率'],
  ])("names the default model's factors and missing factors in %s", async (lang, mrrChange, seats) => {
    const c = report.customers.find(
      (x) => x.factors.some((f) => f.key === 'mrrChange') && x.missing.includes('seatUtilisation'),
    );
    if (!c) throw new Error('the sample has no customer with an MRR change and no seat data');
    const el = await mount((el) => {
      el.customerId = c.customerId;
      el.data = report;
    }, lang);
    const labels = [...(el.shadowRoot?.querySelectorAll('.factor-label') ?? [])].map((l) => l.textContent?.trim());
    expect(labels).toContain(mrrChange);
    expect(text(el, 'missing')).toContain(seats);
    expect(text(el, 'base')).not.toContain('MRR change (3 months)');
    expect(text(el, 'base')).not.toContain('Seat utilisation');
  });

  it("translates exactly the default model's labels: English is core's DEFAULT_HEALTH_MODEL_JSON", () => {
    expect(en.factorLabels).toEqual(Object.fromEntries(DEFAULT_HEALTH_MODEL_JSON.factors.map((f) => [f.key, f.label])));
  });

  it('passes the labels of a custom model through untranslated', async () => {
    const el = await mount((el) => {
      el.data = customer({
        factors: [{ key: 'mrrChange', label: 'Revenue trend', raw: 0.1, score: 80, weight: 1, contribution: 80 }],
        missing: [{ key: 'nps', label: 'Survey score' }, 'usageMinutes'],
      });
    }, 'es');
    expect(el.shadowRoot?.querySelector('.factor-label')?.textContent?.trim()).toBe('Revenue trend');
    expect(text(el, 'missing')).toContain('Survey score y usageMinutes');
  });

  it.each(['280px', '320px', '400px', '1200px'])('has no overlapping or cut-off text at %s', async (width) => {
    for (const kind of ['healthy', 'atRisk', 'fewFactors'] as const) {
      for (const lang of ['en', 'bg']) {
        const el = await mount(
          (el) => {
            el.customerId = sampleHealthCustomer(kind).customerId;
            el.data = report;
            el.innerHTML = '<a slot="actions" href="#crm">Open in CRM</a>';
          },
          lang,
          width,
        );
        expect(findTextLayoutProblems(el)).toEqual([]);
      }
    }
  });

  it('never parts a sign from its number, even in the narrowest Chinese column', async () => {
    const el = await mount((el) => {
      el.data = customer({
        score: 30,
        band: 'red',
        trend: -12.4,
        factors: [{ key: 'mrrChange', raw: -0.19, score: 10, weight: 1, contribution: 10 }],
      });
    }, 'zh-Hans');
    expect(await signsBrokenAtNarrowWidths(el)).toEqual([]);
  });

  it('has no axe violations with the table open, in light and dark themes', async () => {
    for (const kind of ['healthy', 'atRisk', 'fewFactors'] as const) {
      const el = await mount((el) => {
        el.customerId = sampleHealthCustomer(kind).customerId;
        el.theme = 'light';
        el.data = report;
      });
      toggle(el).click();
      await el.updateComplete;
      expect(part(el, 'table')).not.toBeNull();
      await expectNoAxeViolations(el);
      el.theme = 'dark';
      await el.updateComplete;
      await expectNoAxeViolations(el);
    }
  });
});
