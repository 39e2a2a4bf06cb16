import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import './cs-nps-trend.js';
import type { CsNpsTrend } from './nps-trend.js';
import { sampleHistoryReport, sampleReport } from '../test-support/sample-report.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { sampleDataOf } from '../test-support/element-samples.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';

interface NpsArgs {
  label: string;
  minResponses: number;
  windowMonths: number;
  data: object | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  onSelect: (event: Event) => void;
}

const company = { report: sampleReport() };

/** The median number of NPS answers per month of the sample company. */
function medianResponses(): number {
  const counts = company.report.months.map((m) => m.nps?.responses ?? 0).sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 2)] ?? 30;
}

const meta: Meta<NpsArgs> = {
  title: 'Widgets/NPS trend',
  component: 'cs-nps-trend',
  args: {
    label: 'Net Promoter Score',
    minResponses: 30,
    windowMonths: 1,
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    onSelect: fn(),
  },
  argTypes: {
    minResponses: { control: { type: 'number', min: 0 } },
    windowMonths: { control: { type: 'number', min: 1, max: 12 } },
    // Unset: the sample company's report (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
  render: (args) =>
    html`<cs-nps-trend
      style="max-width: 48rem"
      label=${args.label}
      min-responses=${args.minResponses}
      window-months=${args.windowMonths}
      locale=${args.locale}
      theme=${args.theme}
      src=${args.src}
      .data=${args.src ? undefined : (args.data ?? company.report)}
      @cs-point-select=${args.onSelect}
    ></cs-nps-trend>`,
};
export default meta;

type Story = StoryObj<NpsArgs>;

function chartIn(canvasElement: HTMLElement): CsNpsTrend {
  const el = canvasElement.querySelector('cs-nps-trend');
  if (!el) throw new Error('no <cs-nps-trend> rendered');
  return el;
}

function inShadow(el: CsNpsTrend, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <cs-nps-trend>`);
  return found;
}

/** Monthly NPS of the sample company; months under 30 responses are faded and outlined. */
export const Monthly: Story = {
  // The sample company's months all clear 30 answers; a threshold at its median month shows the marking.
  args: { minResponses: medianResponses() },
  play: async ({ canvasElement, args }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    await expect(inShadow(el, '[part="summary"]').textContent).toContain('low confidence');
    inShadow(el, '[part="plot"]').focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
  },
};

/** A 3-month rolling window, recomputed from the summed monthly counts. */
export const RollingQuarter: Story = {
  args: { windowMonths: 3 },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="summary"]').textContent).toContain('last 3 months'));
  },
};

export const Table: Story = {
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    await userEvent.click(inShadow(el, '[part="table-toggle"]'));
    await expect(el.shadowRoot?.querySelectorAll('tbody tr').length).toBe(company.report.months.length);
  },
};

/** In a 280 px portal card: the legend wraps, and the compact tooltip sits beside its month. */
export const Narrow: Story = {
  render: () =>
    html`<cs-nps-trend label="Net Promoter Score" style="width: 280px" .data=${company.report}></cs-nps-trend>`,
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    inShadow(el, '[part="plot"]').focus();
    await userEvent.keyboard('{End}');
    await expect(inShadow(el, '[part="tooltip"]').textContent).toContain('NPS');
  },
};

export const Polish: Story = { args: { locale: 'pl', label: 'NPS' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', label: '净推荐值' } };

export const FromUrl: Story = {
  args: { src: '/api/nps-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/nps-report.json', () => HttpResponse.json(company.report)));
  },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="summary"]').textContent).toMatch(/^NPS/));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-nps-report.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-nps-report.json', async () => {
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
  args: { src: '/api/broken-nps-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-nps-report.json', () => new HttpResponse(null, { status: 500 })));
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
  args: { ...FromUrl.args, src: '/api/flaky-nps-trend.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-nps-trend.json', company.report));
  },
  play: async (context) => {
    await pressRetry(chartIn(context.canvasElement));
    await FromUrl.play?.(context);
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-nps-trend.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-nps-trend.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-nps-trend');
  },
};

export const Empty: Story = {
  render: () => html`<cs-nps-trend label="NPS" .data=${{ points: [] }}></cs-nps-trend>`,
};

/** A month whose `responses` disagrees with its counts: an error state, not either number drawn. */
export const InvalidData: Story = {
  render: () =>
    html`<cs-nps-trend
      label="NPS"
      .data=${{
        version: 1,
        currency: 'USD',
        months: [{ month: '2024-01', nps: { promoters: 5, passives: 3, detractors: 2, responses: 12, score: 30 } }],
      }}
    ></cs-nps-trend>`,
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="state"]').textContent?.trim()).toBe('The data could not be read'));
  },
};

/** Two months of answers (a survey that just started). */
export const FewMonths: Story = { args: { data: sampleDataOf('cs-nps-trend') as object } };

/** Every month of the sample company's history. */
export const ManyMonths: Story = { args: { data: sampleHistoryReport() } };

/** The trend in each language the widgets speak. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-nps-trend',
  (locale) =>
    html`<cs-nps-trend style="max-width: 48rem" label="NPS" locale=${locale} .data=${company.report}></cs-nps-trend>`,
);

/** A full-width trend (1200 px on a wide screen). */
export const Wide: Story = {
  render: () => html`<cs-nps-trend style=${WIDE} label="Net Promoter Score" .data=${company.report}></cs-nps-trend>`,
};
