import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import './cs-churn-chart.js';
import type { CsChurnChart } from './churn-chart.js';
import { sampleReport } from '../test-support/sample-report.js';
import { dailyChurnSeries, sampleChurnBreakdown } from '../test-support/sample-churn.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { sampleDataOf } from '../test-support/element-samples.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';

interface ChurnArgs {
  label: string;
  series: string;
  type: 'line' | 'bar';
  target: number | undefined;
  breakdown: '' | 'customers' | 'mrr';
  labels: Record<string, string>;
  data: object | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  onSelect: (event: Event) => void;
}

const company = { report: sampleReport(), breakdown: sampleChurnBreakdown() };

const meta: Meta<ChurnArgs> = {
  title: 'Widgets/Churn chart',
  component: 'cs-churn-chart',
  args: {
    label: 'Churn',
    series: 'logo gross net',
    type: 'line',
    target: undefined,
    breakdown: '',
    labels: {},
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    onSelect: fn(),
  },
  argTypes: {
    type: { control: 'inline-radio', options: ['line', 'bar'] },
    breakdown: { control: 'inline-radio', options: ['', 'customers', 'mrr'] },
    labels: { control: 'object' },
    // Unset: the sample company's report with its churn by size (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
  render: (args) =>
    html`<cs-churn-chart
      style="max-width: 48rem"
      label=${args.label}
      series=${args.series}
      type=${args.type}
      .target=${args.target}
      breakdown=${args.breakdown}
      .labels=${args.labels}
      locale=${args.locale}
      theme=${args.theme}
      src=${args.src}
      .data=${args.src ? undefined : (args.data ?? { ...company.report, breakdown: company.breakdown })}
      @cs-point-select=${args.onSelect}
    ></cs-churn-chart>`,
};
export default meta;

type Story = StoryObj<ChurnArgs>;

function chartIn(canvasElement: HTMLElement): CsChurnChart {
  const el = canvasElement.querySelector('cs-churn-chart');
  if (!el) throw new Error('no <cs-churn-chart> rendered');
  return el;
}

function inShadow(el: CsChurnChart, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <cs-churn-chart>`);
  return found;
}

/** The three churn rates of the sample company; arrow keys walk the months, Enter selects one. */
export const Rates: Story = {
  play: async ({ canvasElement, args }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    await expect(inShadow(el, '[part="summary"]').textContent).toMatch(/^Logo churn (rose|fell) from/);
    inShadow(el, '[part="plot"]').focus();
    await userEvent.keyboard('{End}{ArrowLeft}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
    await expect(inShadow(el, '[part="tooltip"]').textContent).toContain('Logo churn');
  },
};

/** Logo churn as bars against a 3 % target; the summary counts the months above it. */
export const BarsWithTarget: Story = {
  args: { series: 'logo', type: 'bar', target: 0.03, label: 'Logo churn' },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="summary"]').textContent).toContain('target'));
  },
};

/**
 * "How much of our churn is small vs enterprise accounts": the sample company's churned MRR stacked by
 * size (core's churnComposition). `labels` names the data's group keys (`smb`, `mid-market`,
 * `enterprise`); hiding a group also takes it out of the summary.
 */
export const BreakdownBySize: Story = {
  args: {
    breakdown: 'mrr',
    label: 'Churned MRR by company size',
    labels: { smb: 'Small business', 'mid-market': 'Mid-market', enterprise: 'Enterprise' },
  },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('[part="legend-item"]').length).toBe(3));
    const smb = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part="legend-item"]') ?? [])].find(
      (b) => b.textContent?.trim() === 'Small business',
    );
    if (!smb) throw new Error('no "Small business" legend item');
    await expect(inShadow(el, '[part="summary"]').textContent).toContain('Small business');
    await userEvent.click(smb);
    await expect(smb.getAttribute('aria-pressed')).toBe('false');
    await expect(inShadow(el, '[part="summary"]').textContent).not.toContain('Small business');
  },
};

/** In a 280 px portal card: the legend and "Show table" wrap, the months thin out, nothing scrolls. */
export const Narrow: Story = {
  render: () => html`<cs-churn-chart label="Churn" style="width: 280px" .data=${company.report}></cs-churn-chart>`,
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    const plot = inShadow(el, '[part="plot"]');
    await expect(plot.scrollWidth).toBeLessThanOrEqual(plot.clientWidth);
    await expect(inShadow(el, '[part="table-toggle"]').textContent?.trim()).toBe('Show table');
  },
};

/** The table view: the same numbers as an accessible table. */
export const Table: Story = {
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    await userEvent.click(inShadow(el, '[part="table-toggle"]'));
    await expect(el.shadowRoot?.querySelectorAll('tbody tr').length).toBe(company.report.months.length);
  },
};

/** Ten years of daily rates (3,650 points): one path, thinned labels. */
export const DailySeries: Story = {
  args: { series: 'logo', label: 'Daily logo churn' },
  render: (args) =>
    html`<cs-churn-chart label=${args.label} series="logo" .data=${dailyChurnSeries(3650)}></cs-churn-chart>`,
};

export const Polish: Story = { args: { locale: 'pl', label: 'Odpływ' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', label: '流失率' } };

/** `src` points at a report served by the backend; here MSW plays the backend. */
export const FromUrl: Story = {
  args: { src: '/api/churn-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/churn-report.json', () => HttpResponse.json(company.report)));
  },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="summary"]').textContent).toMatch(/Logo churn/));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-churn-report.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-churn-report.json', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(inShadow(chartIn(canvasElement), '[part="state"]').textContent?.trim()).toBe('Loading…');
    // A skeleton of the element's shape stands in for the data, and the element says it is busy.
    const loading = chartIn(canvasElement);
    await expect(loading.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy')).toBe('true');
    await expect(loading.shadowRoot?.querySelectorAll('.bone').length).toBeGreaterThan(2);
  },
};

export const ServerError: Story = {
  args: { src: '/api/broken-churn-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-churn-report.json', () => new HttpResponse(null, { status: 500 })));
  },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="state"]').textContent?.trim()).toBe('Could not load the data'));
    await expect(el.shadowRoot?.querySelector('[part~="retry"]')?.textContent?.trim()).toBe('Retry');
  },
};

/**
 * The first request fails (HTTP 500) and the error offers "Retry"; pressing it loads `src` again, and
 * this time the backend answers.
 */
export const RetryAfterServerError: Story = {
  args: { ...FromUrl.args, src: '/api/flaky-churn-chart.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-churn-chart.json', company.report));
  },
  play: async (context) => {
    await pressRetry(chartIn(context.canvasElement));
    await FromUrl.play?.(context);
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-churn-chart.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-churn-chart.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-churn-chart');
  },
};

export const Empty: Story = {
  render: () => html`<cs-churn-chart label="Churn" .data=${{ points: [] }}></cs-churn-chart>`,
};

/** A report with a rate that is not a number: an error state and a console message, never a throw. */
export const InvalidData: Story = {
  render: () =>
    html`<cs-churn-chart
      label="Churn"
      .data=${{ version: 1, currency: 'USD', months: [{ month: '2024-01', logoChurnRate: '2%' }] }}
    ></cs-churn-chart>`,
  play: async ({ canvasElement }) => {
    await expect(inShadow(chartIn(canvasElement), '[part="state"]').textContent?.trim()).toBe(
      'The data could not be read',
    );
  },
};

/** Four months of churn (a company that just started). */
export const FewMonths: Story = { args: { data: sampleDataOf('cs-churn-chart') as object } };

const churnLabels = { en: 'Churn', es: 'Abandono', pl: 'Odpływ', bg: 'Отлив', 'zh-Hans': '流失率' };

/** The chart in each language the widgets speak. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-churn-chart',
  (locale) =>
    html`<cs-churn-chart
      style="max-width: 48rem"
      label=${churnLabels[locale]}
      locale=${locale}
      .data=${company.report}
    ></cs-churn-chart>`,
);

/** A full-width chart (1200 px on a wide screen). */
export const Wide: Story = {
  render: () => html`<cs-churn-chart style=${WIDE} label="Churn" .data=${company.report}></cs-churn-chart>`,
};
