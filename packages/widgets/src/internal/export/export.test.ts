import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createSample, elementSamples, type ElementSample } from '../../test-support/element-samples.js';
import { expectNoAxeViolations } from '../../test-support/axe.js';
import type { ExportDetail } from './exportable.js';
import { preloadEveryLanguage } from '../../test-support/languages.js';

type Exporting = HTMLElement & {
  data?: unknown;
  export: boolean;
  updateComplete: Promise<boolean>;
  exportData(format: 'csv'): Promise<string>;
  exportImage(format: 'svg' | 'png'): Promise<Blob>;
};

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const sampleOf = (tag: string): ElementSample => {
  const sample = elementSamples.find((s) => s.tag === tag);
  if (!sample) throw new Error(`no sample of ${tag}`);
  return sample;
};

/** What each element draws once its data is in: the export waits for it. */
const DRAWN: Readonly<Record<string, string>> = {
  'cs-kpi': 'svg[part="sparkline"]',
  'cs-health-card': '[part~="score"]',
  'cs-cohort-heatmap': 'table[part="table"]',
  'cs-churn-chart': '.plot > svg',
  'cs-nps-trend': '.plot > svg',
  'cs-mrr-bridge': '.plot > svg',
  'cs-customer-list': 'table[part="table"]',
};

async function mount(tag: string, options: { lang?: string; theme?: string; exportMenu?: boolean } = {}) {
  const sample = sampleOf(tag);
  const host = document.createElement('div');
  host.lang = options.lang ?? 'en';
  host.style.width = '640px';
  document.body.append(host);
  const el = createSample(sample) as Exporting;
  if (options.exportMenu ?? true) el.setAttribute('export', '');
  if (options.theme) el.setAttribute('theme', options.theme);
  el.data = sample.data();
  host.append(el);
  await el.updateComplete;
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector(DRAWN[tag] ?? '*')).not.toBeNull());
  return el;
}

const text = (node: Element): string => {
  // A header cell that abbreviates for the eye ("M1") has its words for screen readers ("Month 1").
  const words = node.querySelector('.visually-hidden');
  return (words ?? node).textContent?.replace(/\s+/g, ' ').trim() ?? '';
};

/** The table view's cells (header row first), opening it where it has a toggle; no footer. */
async function tableCells(el: Exporting): Promise<string[][]> {
  const toggle = el.shadowRoot?.querySelector<HTMLElement>('[part~="table-toggle"]');
  if (toggle) {
    toggle.click();
    await el.updateComplete;
  }
  const table = el.shadowRoot?.querySelector('table[part="table"]');
  if (!table) throw new Error(`${el.localName}: no table view`);
  return [...table.querySelectorAll('thead tr, tbody tr')].map((row) => [...row.children].map(text));
}

const parse = (csv: string): string[][] => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

/**
 * Each element's table view (as shown, in English) and its CSV, cell for cell, written by hand from the
 * samples in test-support/element-samples.ts.
 */
const EXPECTED: Readonly<Record<string, { table: string[][]; csv: string[][] }>> = {
  'cs-kpi': {
    // MRR 1000 → 1100 → 1210.5: +100/1000 = +10 %, +110.5/1100 = +10.045… % (shown "+10.0%").
    table: [
      ['Period', 'MRR', 'Change'],
      ['January 2024', '€1,000.00', ''],
      ['February 2024', '€1,100.00', '+10.0%'],
      ['March 2024', '€1,210.50', '+10.0%'],
    ],
    csv: [
      ['Period', 'MRR', 'Change'],
      ['2024-01', '1000', ''],
      ['2024-02', '1100', '0.1'],
      ['2024-03', '1210.5', String(110.5 / 1100)],
    ],
  },
  'cs-health-card': {
    table: [
      ['Factor', 'value', 'score', 'weight', 'contribution'],
      ['NPS (latest response)', '9 / 10', '100', '40%', '40.0'],
      ['Seat utilisation', '0.63', '63', '40%', '25.2'],
      ['MRR change (3 months)', '+4%', '80', '20%', '16.0'],
      ['Days since last use', 'No data', '–', '–', '–'],
      ['Tickets (90 days)', 'No data', '–', '–', '–'],
      ['SLA breaches (90 days)', 'No data', '–', '–', '–'],
    ],
    // Raw values as the health JSON has them (0.04, not "+4%"); a factor without data has empty numbers.
    csv: [
      ['Factor', 'value', 'score', 'weight', 'contribution'],
      ['NPS (latest response)', '9', '100', '0.4', '40'],
      ['Seat utilisation', '0.63', '63', '0.4', '25.2'],
      ['MRR change (3 months)', '0.04', '80', '0.2', '16'],
      ['Days since last use', 'No data', '', '', ''],
      ['Tickets (90 days)', 'No data', '', '', ''],
      ['SLA breaches (90 days)', 'No data', '', '', ''],
    ],
  },
  'cs-cohort-heatmap': {
    // Cohorts not yet at an age have no cell text and an empty field; 7/8 = 0.875 shows as 88 %.
    table: [
      ['Cohort', 'Customers', 'Month 0', 'Month 1', 'Month 2'],
      ['Jan 2024', '10', '100%', '90%', '80%'],
      ['Feb 2024', '8', '100%', '88%', ''],
      ['Mar 2024', '4', '100%', '', ''],
    ],
    csv: [
      ['Cohort', 'Customers', 'Month 0', 'Month 1', 'Month 2'],
      ['2024-01', '10', '1', '0.9', '0.8'],
      ['2024-02', '8', '1', '0.875', ''],
      ['2024-03', '4', '1', '', ''],
    ],
  },
  'cs-churn-chart': {
    // Gross is logo ÷ 2 and net logo ÷ 4 in the sample: 0.021 → 0.0105 → 0.00525 (shown 0.53 %).
    table: [
      ['Period', 'Logo churn', 'Gross MRR churn', 'Net MRR churn'],
      ['January 2024', '2.10%', '1.05%', '0.53%'],
      ['February 2024', '2.52%', '1.26%', '0.63%'],
      ['March 2024', '3.00%', '1.50%', '0.75%'],
      ['April 2024', '3.40%', '1.70%', '0.85%'],
    ],
    csv: [
      ['Period', 'Logo churn', 'Gross MRR churn', 'Net MRR churn'],
      ['2024-01', '0.021', '0.0105', '0.00525'],
      ['2024-02', '0.0252', '0.0126', '0.0063'],
      ['2024-03', '0.03', '0.015', '0.0075'],
      ['2024-04', '0.034', '0.017', '0.0085'],
    ],
  },
  'cs-nps-trend': {
    // NPS = 100 × (promoters − detractors) ÷ responses: 100 × (20 − 11) ÷ 40 = 22.5; 100 × 20 ÷ 50 = 40.
    table: [
      ['Period', 'NPS', 'Promoters', 'Passives', 'Detractors', 'Responses', 'Confidence'],
      ['January 2024', '22.5', '20', '9', '11', '40', 'OK'],
      ['February 2024', '40.0', '30', '10', '10', '50', 'OK'],
    ],
    csv: [
      ['Period', 'NPS', 'Promoters', 'Passives', 'Detractors', 'Responses', 'Confidence'],
      ['2024-01', '22.5', '20', '9', '11', '40', 'OK'],
      ['2024-02', '40', '30', '10', '10', '50', 'OK'],
    ],
  },
  'cs-mrr-bridge': {
    // 10000 + 600 + 250.5 + 100 − 150 − 350 = 10450.5; steps by their JSON key in the CSV, signed.
    table: [
      ['Movement', 'MRR', 'Customers'],
      ['Start', '$10,000.00', '100'],
      ['New', '+$600.00', '5'],
      ['Expansion', '+$250.50', '3'],
      ['Reactivation', '+$100.00', '1'],
      ['Contraction', '-$150.00', '2'],
      ['Churn', '-$350.00', '3'],
      ['End', '$10,450.50', '103'],
    ],
    csv: [
      ['Movement', 'MRR', 'Customers'],
      ['start', '10000', '100'],
      ['new', '600', '5'],
      ['expansion', '250.5', '3'],
      ['reactivation', '100', '1'],
      ['contraction', '-150', '2'],
      ['churn', '-350', '3'],
      ['end', '10450.5', '103'],
    ],
  },
  'cs-customer-list': {
    table: [
      ['Customer', 'MRR before', 'MRR after', 'Contribution'],
      ['acme', '$250.00', '$0.00', '$250.00'],
      ['globex', '$100.00', '$0.00', '$100.00'],
    ],
    csv: [
      ['Customer', 'MRR before', 'MRR after', 'Contribution'],
      ['acme', '250', '0', '250'],
      ['globex', '100', '0', '100'],
    ],
  },
};

// These tests check what each language says; how a language loads on first use is locales.test.ts's.
beforeAll(preloadEveryLanguage);

describe("exportData('csv')", () => {
  it.each(elementSamples.map((s) => s.tag))('%s writes the cells of its table view, numbers raw', async (tag) => {
    const el = await mount(tag);
    const expected = EXPECTED[tag];
    const csv = await el.exportData('csv');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)).toEqual(expected?.csv);
    expect(await tableCells(el)).toEqual(expected?.table);
  });

  it('writes the same file in every language but for the headers', async () => {
    const english = parse(await (await mount('cs-churn-chart')).exportData('csv'));
    document.body.replaceChildren();
    const polish = parse(await (await mount('cs-churn-chart', { lang: 'pl' })).exportData('csv'));
    expect(polish[0]).toEqual(['Okres', 'Odpływ klientów', 'Odpływ MRR brutto', 'Odpływ MRR netto']);
    expect(polish.slice(1)).toEqual(english.slice(1));
  });

  it('says there is nothing to export while the element has no data', async () => {
    const el = document.createElement('cs-churn-chart') as Exporting;
    el.setAttribute('label', 'Churn');
    document.body.append(el);
    await el.updateComplete;
    await expect(el.exportData('csv')).rejects.toThrow('<cs-churn-chart> has no data to export');
    await expect(el.exportImage('svg')).rejects.toThrow('<cs-churn-chart> has no chart drawn to export');
  });
});

describe("exportImage('svg')", () => {
  /** The marks each chart's SVG must hold, for the sample's data. */
  const MARKS: readonly (readonly [string, string, number])[] = [
    ['cs-churn-chart', 'path.line', 3], // logo, gross and net
    ['cs-nps-trend', 'path.line', 1],
    ['cs-mrr-bridge', 'rect.bar', 7], // start, five movements, end
    ['cs-kpi', 'path', 1],
  ];

  it.each(MARKS)('%s: parses as SVG and holds its marks (%s × %i)', async (tag, selector, count) => {
    const el = await mount(tag);
    const blob = await el.exportImage('svg');
    expect(blob.type).toBe('image/svg+xml');
    const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.querySelectorAll(selector)).toHaveLength(count);
  });

  it('cs-cohort-heatmap: draws its grid, each retention cell in the colour and with the text it has', async () => {
    const el = await mount('cs-cohort-heatmap');
    const doc = new DOMParser().parseFromString(await (await el.exportImage('svg')).text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const cells = [...(el.shadowRoot?.querySelectorAll('td.cell') ?? [])];
    expect(cells).toHaveLength(3 + 2 + 1); // three cohorts, at three, two and one ages
    const fills = [...doc.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    for (const cell of cells) expect(fills).toContain(getComputedStyle(cell).backgroundColor);
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts.filter((t) => t?.endsWith('%'))).toEqual(['100%', '90%', '80%', '100%', '88%', '100%']);
    // What a sighted reader sees in a header ("M1"), not the words only screen readers get.
    expect(texts).toContain('M1');
    expect(texts).not.toContain('Month 1');
  });

  it('carries the current theme: the colours the element computes, light or dark', async () => {
    const drawnColours = async (theme: string) => {
      const el = await mount('cs-churn-chart', { theme });
      const live = el.shadowRoot?.querySelector('.plot path.line');
      const doc = new DOMParser().parseFromString(await (await el.exportImage('svg')).text(), 'image/svg+xml');
      const colours = {
        background: doc.querySelector('svg > rect')?.getAttribute('fill'),
        line: doc.querySelector('path.line')?.getAttribute('stroke'),
        liveLine: live ? getComputedStyle(live).stroke : '',
        axisText: doc.querySelector('text')?.getAttribute('fill'),
      };
      document.body.replaceChildren();
      return colours;
    };
    const light = await drawnColours('light');
    const dark = await drawnColours('dark');
    // The chart's own defaults (chart.styles.ts): #ffffff and #161b22 backgrounds.
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(dark.background).toBe('rgb(22, 27, 34)');
    expect(light.line).toBe(light.liveLine);
    expect(dark.line).toBe(dark.liveLine);
    expect(dark.line).not.toBe(light.line);
    expect(dark.axisText).not.toBe(light.axisText);
  });

  it('follows a custom property set by the page', async () => {
    const host = document.createElement('div');
    host.style.setProperty('--cs-series-1', '#ff0000');
    document.body.append(host);
    const el = await mount('cs-churn-chart');
    host.append(el.parentElement ?? el);
    await el.updateComplete;
    const doc = new DOMParser().parseFromString(await (await el.exportImage('svg')).text(), 'image/svg+xml');
    expect(doc.querySelector('g.c1 path.line')?.getAttribute('stroke')).toBe('rgb(255, 0, 0)');
  });

  it.each(['cs-health-card', 'cs-customer-list'])('%s draws no chart: the promise rejects, saying so', async (tag) => {
    const el = await mount(tag);
    await expect(el.exportImage('png')).rejects.toThrow(`<${tag}> has no chart drawn to export`);
  });
});

describe("exportImage('png')", () => {
  it.each(['cs-churn-chart', 'cs-nps-trend', 'cs-mrr-bridge', 'cs-kpi', 'cs-cohort-heatmap'])(
    '%s: decodes, at the size drawn × devicePixelRatio, with the chart painted',
    async (tag) => {
      vi.stubGlobal('devicePixelRatio', 2);
      const el = await mount(tag);
      const drawn = el.shadowRoot?.querySelector(DRAWN[tag] ?? '')?.getBoundingClientRect();
      const blob = await el.exportImage('png');
      expect(blob.type).toBe('image/png');
      const bitmap = await createImageBitmap(blob);
      expect(bitmap.width).toBe(Math.round(Math.round(drawn?.width ?? 0) * 2));
      expect(bitmap.height).toBe(Math.round(Math.round(drawn?.height ?? 0) * 2));
      // Not a blank page: pixels other than the background's are there (the marks).
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context?.drawImage(bitmap, 0, 0);
      const pixels = context?.getImageData(0, 0, bitmap.width, bitmap.height).data ?? new Uint8ClampedArray();
      let inked = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) inked++;
      expect(inked).toBeGreaterThan(100);
      expect(pixels[3]).toBe(255); // opaque: the background is painted, not left transparent
    },
  );
});

describe('the export menu', () => {
  it('is there only with the export attribute', async () => {
    const el = await mount('cs-churn-chart', { exportMenu: false });
    expect(el.shadowRoot?.querySelector('[part~="export"]')).toBeNull();
    el.export = true;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part~="export"]')).not.toBeNull();
  });

  it.each(elementSamples.map((s) => s.tag))(
    '%s: opens, downloads and closes by keyboard, and passes axe',
    async (tag) => {
      const el = await mount(tag);
      const exports: ExportDetail[] = [];
      el.addEventListener('cs-export', (event) => {
        exports.push(event.detail);
        event.preventDefault(); // no download in the test
      });
      const toggle = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="export-toggle"]');
      expect(toggle?.textContent?.trim()).toBe('Export');
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      toggle?.focus();
      await userEvent.keyboard('{Enter}');
      await el.updateComplete;
      expect(toggle?.getAttribute('aria-expanded')).toBe('true');
      const items = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="export-item"]') ?? [])];
      const images = !['cs-health-card', 'cs-customer-list'].includes(tag);
      expect(items.map((b) => b.textContent?.trim())).toEqual(images ? ['CSV', 'SVG', 'PNG'] : ['CSV']);
      expect(toggle?.getAttribute('aria-controls')).toBe('export-menu');
      await expectNoAxeViolations(el);

      // Tab reaches the first format; Enter exports it, closes the menu and gives focus back to the toggle.
      await userEvent.keyboard('{Tab}');
      expect(el.shadowRoot?.activeElement).toBe(items[0]);
      await userEvent.keyboard('{Enter}');
      await vi.waitFor(() => expect(exports).toHaveLength(1));
      await el.updateComplete;
      expect(exports[0]?.format).toBe('csv');
      expect(exports[0]?.filename).toMatch(/\.csv$/);
      // A byte-order mark first, so spreadsheets read UTF-8, then exactly exportData's text.
      const bytes = new Uint8Array(await (exports[0]?.blob ?? new Blob()).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes.slice(3))).toBe(await el.exportData('csv'));
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      expect(el.shadowRoot?.activeElement).toBe(toggle);

      // Escape closes it without exporting.
      await userEvent.keyboard('{Enter}');
      await el.updateComplete;
      expect(toggle?.getAttribute('aria-expanded')).toBe('true');
      await userEvent.keyboard('{Tab}');
      await userEvent.keyboard('{Escape}');
      await el.updateComplete;
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      expect(el.shadowRoot?.activeElement).toBe(toggle);
      expect(exports).toHaveLength(1);
    },
  );

  it('exports the PNG from its menu, named after the label', async () => {
    const el = await mount('cs-churn-chart');
    const exports: ExportDetail[] = [];
    el.addEventListener('cs-export', (event) => {
      exports.push(event.detail);
      event.preventDefault();
    });
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="export-toggle"]')?.click();
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLButtonElement>('[data-format="png"]')?.click();
    await vi.waitFor(() => expect(exports).toHaveLength(1));
    expect(exports[0]?.filename).toBe('Churn.png');
    expect((await createImageBitmap(exports[0]?.blob ?? new Blob())).width).toBeGreaterThan(0);
  });

  it('downloads the file when the page does not take it', async () => {
    const el = await mount('cs-nps-trend');
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="export-toggle"]')?.click();
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLButtonElement>('[data-format="csv"]')?.click();
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('NPS.csv');
    expect(clicked[0]?.href).toMatch(/^blob:/);
  });

  it.each([
    ['es', 'Exportar'],
    ['pl', 'Eksportuj'],
    ['bg', 'Експорт'],
    ['zh-CN', '导出'],
  ])('speaks %s', async (lang, toggleText) => {
    const el = await mount('cs-mrr-bridge', { lang });
    const toggle = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="export-toggle"]');
    expect(toggle?.textContent?.trim()).toBe(toggleText);
    toggle?.click();
    await el.updateComplete;
    // The formats are named by their file types, the same in every language.
    expect(el.shadowRoot?.querySelector('[data-format="csv"]')?.textContent?.trim()).toBe('CSV');
    expect(el.shadowRoot?.querySelector('#export-menu')?.getAttribute('aria-label')).toBe(toggleText);
  });
});
