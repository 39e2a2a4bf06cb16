import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import './cs-kpi.js';
import type { CsKpi } from './kpi.js';
import type { KpiInput, KpiMetric } from './kpi-data.js';
import { KPI_METRICS } from './kpi-data.js';
import { sampleHistoryReport, sampleReport } from '../test-support/sample-report.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { sampleDataOf } from '../test-support/element-samples.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';

interface KpiArgs {
  label: string;
  metric: KpiMetric;
  lowerIsBetter: boolean | undefined;
  data: KpiInput | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  onSelect: (event: Event) => void;
}

const meta: Meta<KpiArgs> = {
  title: 'Widgets/KPI tile',
  component: 'cs-kpi',
  args: {
    label: 'MRR',
    metric: 'mrr',
    lowerIsBetter: undefined,
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    onSelect: fn(),
  },
  argTypes: {
    metric: { control: 'select', options: Object.keys(KPI_METRICS) },
    lowerIsBetter: { control: 'boolean' },
    // Unset: the sample company's report (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
  render: (args) =>
    html`<cs-kpi
      style="max-width: 22rem"
      label=${args.label}
      metric=${args.metric}
      .lowerIsBetter=${args.lowerIsBetter}
      locale=${args.locale}
      theme=${args.theme}
      .data=${args.src ? undefined : (args.data ?? sampleReport())}
      src=${args.src}
      @cs-point-select=${args.onSelect}
    ></cs-kpi>`,
};
export default meta;

type Story = StoryObj<KpiArgs>;

function kpiIn(canvasElement: HTMLElement): CsKpi {
  const el = canvasElement.querySelector('cs-kpi');
  if (!el) throw new Error('no <cs-kpi> rendered');
  return el;
}

function partText(el: CsKpi, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function inShadow(el: CsKpi, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <cs-kpi>`);
  return found;
}

/** The sample company's MRR for its latest month. */
export const Mrr: Story = {
  play: async ({ canvasElement }) => {
    const el = kpiIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'value')).toMatch(/^\$[\d,]+\.\d\d$/);
  },
};

/**
 * The sparkline is one tab stop: arrow keys, Home and End walk the sample company's months with a
 * tooltip (announced to screen readers), Enter or Space fires `cs-point-select`, Escape hides it.
 */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const el = kpiIn(canvasElement);
    await el.updateComplete;
    const report = sampleReport();
    const months = report.months;
    inShadow(el, '[part="sparkline-group"]').focus();
    // The tooltip names the latest month with its full amount (the headline may abbreviate it in a
    // narrow tile, e.g. "$2.6M").
    const latest = new Intl.NumberFormat('en', { style: 'currency', currency: report.currency });
    await waitFor(() => expect(partText(el, 'tooltip')).toContain(latest.format(months.at(-1)?.mrr ?? NaN)));
    await userEvent.keyboard('{Home}');
    await expect(partText(el, 'tooltip')).toMatch(/^\w+ \d{4} \$[\d,]+\.\d\d$/);
    await userEvent.keyboard('{End}{ArrowLeft}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
    const event = (args.onSelect as ReturnType<typeof fn>).mock.calls[0]?.[0] as CustomEvent;
    await expect(event.detail).toEqual({
      index: months.length - 2,
      period: months.at(-2)?.month,
      value: months.at(-2)?.mrr,
      values: { mrr: months.at(-2)?.mrr },
    });
    await userEvent.keyboard('{Escape}');
    await expect(el.shadowRoot?.querySelector('[part="tooltip"]')).toBeNull();
  },
};

/** "Show table" lists the series with its change month by month; the tile grows only when asked. */
export const TableView: Story = {
  play: async ({ canvasElement }) => {
    const el = kpiIn(canvasElement);
    await el.updateComplete;
    const toggle = inShadow(el, '[part="table-toggle"]');
    await userEvent.click(toggle);
    await expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await expect(el.shadowRoot?.querySelectorAll('tbody tr').length).toBe(sampleReport().months.length);
  },
};

/** A rise in churn is coloured as bad news, and shown in percentage points. */
export const LogoChurn: Story = {
  args: { label: 'Logo churn', metric: 'logoChurnRate' },
};

export const NetRevenueRetention: Story = { args: { label: 'NRR (monthly)', metric: 'nrr' } };

/** Money lost to churn and contraction as a share of last month's MRR (the metric page's live tile). */
export const GrossMrrChurn: Story = { args: { label: 'Gross MRR churn', metric: 'grossMrrChurnRate' } };

/** Below zero when expansion outweighs churn and contraction: still coloured as "lower is better". */
export const NetMrrChurn: Story = { args: { label: 'Net MRR churn', metric: 'netMrrChurnRate' } };

export const Ltv: Story = { args: { label: 'LTV', metric: 'ltv' } };

export const Polish: Story = { args: { locale: 'pl', label: 'MRR' } };

/**
 * An amount too wide for a 200 px tile is abbreviated ("$2.6M"); the full amount stays in its title and
 * in what screen readers hear.
 */
export const LargeAmountNarrow: Story = {
  args: { label: 'ARR', metric: 'arr' },
  render: (args) =>
    html`<cs-kpi style="width: 200px" label=${args.label} metric=${args.metric} .data=${sampleReport()}></cs-kpi>`,
  play: async ({ canvasElement }) => {
    const el = kpiIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="value"]').getAttribute('title')).toMatch(/^\$[\d,]+\.\d\d$/));
  },
};

/** Bulgarian logo churn: one decimal for the rate and its change in percentage points. */
export const BulgarianChurn: Story = { args: { locale: 'bg', label: 'Отлив на клиенти', metric: 'logoChurnRate' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', label: '月度经常性收入' } };

/** `src` points at a report served by the backend; here MSW plays the backend. */
export const FromUrl: Story = {
  args: { src: '/api/report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/report.json', () => HttpResponse.json(sampleReport())));
  },
  play: async ({ canvasElement }) => {
    const el = kpiIn(canvasElement);
    await waitFor(() => expect(partText(el, 'value')).toMatch(/^\$/));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-report.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-report.json', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(partText(kpiIn(canvasElement), 'value')).toBe('Loading…');
    // A skeleton of the element's shape stands in for the data, and the element says it is busy.
    const loading = kpiIn(canvasElement);
    await expect(loading.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy')).toBe('true');
    await expect(loading.shadowRoot?.querySelectorAll('.bone').length).toBeGreaterThan(2);
  },
};

export const ServerError: Story = {
  args: { src: '/api/broken-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-report.json', () => new HttpResponse(null, { status: 500 })));
  },
  play: async ({ canvasElement }) => {
    const el = kpiIn(canvasElement);
    await waitFor(() => expect(partText(el, 'value')).toBe('Could not load the data'));
    await expect(el.shadowRoot?.querySelector('[part~="retry"]')?.textContent?.trim()).toBe('Retry');
  },
};

/**
 * The first request fails (HTTP 500) and the error offers "Retry"; pressing it loads `src` again, and
 * this time the backend answers.
 */
export const RetryAfterServerError: Story = {
  args: { ...FromUrl.args, src: '/api/flaky-kpi.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-kpi.json', sampleReport()));
  },
  play: async (context) => {
    await pressRetry(kpiIn(context.canvasElement));
    await FromUrl.play?.(context);
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-kpi.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-kpi.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-kpi');
  },
};

export const Empty: Story = {
  render: () => html`<cs-kpi label="MRR" .data=${{ points: [], format: 'currency', currency: 'USD' }}></cs-kpi>`,
};

/** A point whose value is not a number: an error state and a console message, never a throw. */
export const InvalidData: Story = {
  render: () =>
    html`<cs-kpi label="MRR" .data=${{ points: [{ period: '2024-01', value: '41,200' }], format: 'number' }}></cs-kpi>`,
  play: async ({ canvasElement }) => {
    const el = kpiIn(canvasElement);
    await waitFor(() => expect(partText(el, 'value')).toBe('The data could not be read'));
    await expect(el.shadowRoot?.querySelector('[part~="value"]')?.getAttribute('role')).toBe('alert');
  },
};

/** Three months (a company that just started): the change and the sparkline from few points. */
export const FewPoints: Story = { args: { data: sampleDataOf('cs-kpi') as KpiInput } };

/** The sample company's whole history, every month since its first customer. */
export const ManyPoints: Story = { args: { data: sampleHistoryReport() } };

/** The tile in each language the widgets speak. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-kpi',
  (locale) => html`<cs-kpi style="max-width: 22rem" label="MRR" locale=${locale} .data=${sampleReport()}></cs-kpi>`,
);

/** A full-width tile (1200 px on a wide screen): the sparkline stretches, the text does not. */
export const Wide: Story = {
  render: () => html`<cs-kpi style=${WIDE} label="MRR" metric="mrr" .data=${sampleReport()}></cs-kpi>`,
};
