import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import './cs-mrr-bridge.js';
import type { CsMrrBridge } from './mrr-bridge.js';
import { sampleReport } from '../test-support/sample-report.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { sampleDataOf } from '../test-support/element-samples.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';

interface BridgeArgs {
  label: string;
  month: string;
  baseline: 'fit' | 'zero';
  data: object | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  onSelect: (event: Event) => void;
}

const company = { report: sampleReport() };

const meta: Meta<BridgeArgs> = {
  title: 'Widgets/MRR bridge',
  component: 'cs-mrr-bridge',
  args: {
    label: 'MRR bridge',
    month: '',
    baseline: 'fit',
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    onSelect: fn(),
  },
  argTypes: {
    month: { control: 'select', options: ['', ...company.report.months.map((m) => m.month)] },
    baseline: { control: 'inline-radio', options: ['fit', 'zero'] },
    // Unset: the sample company's report (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
  render: (args) =>
    html`<cs-mrr-bridge
      style="max-width: 48rem"
      label=${args.label}
      month=${args.month}
      baseline=${args.baseline}
      locale=${args.locale}
      theme=${args.theme}
      src=${args.src}
      .data=${args.src ? undefined : (args.data ?? company.report)}
      @cs-point-select=${args.onSelect}
    ></cs-mrr-bridge>`,
};
export default meta;

type Story = StoryObj<BridgeArgs>;

function chartIn(canvasElement: HTMLElement): CsMrrBridge {
  const el = canvasElement.querySelector('cs-mrr-bridge');
  if (!el) throw new Error('no <cs-mrr-bridge> rendered');
  return el;
}

function inShadow(el: CsMrrBridge, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <cs-mrr-bridge>`);
  return found;
}

/** The latest month's bridge; each step is labelled with its signed amount. */
export const LatestMonth: Story = {
  play: async ({ canvasElement, args }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('.value').length).toBe(7));
    inShadow(el, '[part="plot"]').focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
    await expect(inShadow(el, '[part="tooltip"]').textContent).toContain('New');
  },
};

export const FromZero: Story = { args: { baseline: 'zero' } };

export const ChosenMonth: Story = { args: { month: company.report.months[6]?.month ?? '' } };

export const Table: Story = {
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
    await userEvent.click(inShadow(el, '[part="table-toggle"]'));
    await expect(el.shadowRoot?.querySelectorAll('tbody tr').length).toBe(7);
  },
};

/** In a 280 px portal card the steps become rows: names on the left, compact amounts on the right. */
export const Narrow: Story = {
  render: () => html`<cs-mrr-bridge label="MRR bridge" style="width: 280px" .data=${company.report}></cs-mrr-bridge>`,
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('.value').length).toBe(7));
    await expect([...(el.shadowRoot?.querySelectorAll('.step') ?? [])].map((t) => t.getAttribute('x'))).toEqual(
      Array(7).fill('0'),
    );
  },
};

/** A 320 px card in Spanish with the End step's tooltip open: it keeps its values, whole, inside the plot. */
export const NarrowSpanishTooltip: Story = {
  render: () =>
    html`<cs-mrr-bridge
      label="Puente de MRR"
      locale="es"
      style="width: 320px"
      .data=${company.report}
    ></cs-mrr-bridge>`,
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('.value').length).toBe(7));
    inShadow(el, '[part="plot"]').focus();
    await userEvent.keyboard('{End}');
    await expect(inShadow(el, '[part="tooltip"]').textContent).toMatch(/Fin[\s\S]*MRR[\s\S]*\d/);
  },
};

export const Polish: Story = { args: { locale: 'pl', label: 'Pomost MRR' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', label: 'MRR 变动' } };

export const FromUrl: Story = {
  args: { src: '/api/bridge-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/bridge-report.json', () => HttpResponse.json(company.report)));
  },
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="summary"]').textContent).toMatch(/^MRR went from/));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-bridge-report.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-bridge-report.json', async () => {
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
  args: { src: '/api/broken-bridge-report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-bridge-report.json', () => new HttpResponse(null, { status: 500 })));
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
  args: { ...FromUrl.args, src: '/api/flaky-mrr-bridge.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-mrr-bridge.json', company.report));
  },
  play: async (context) => {
    await pressRetry(chartIn(context.canvasElement));
    await FromUrl.play?.(context);
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-mrr-bridge.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-mrr-bridge.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-mrr-bridge');
  },
};

/** Neither `data` nor `src`: the empty state. (A report without months is an error, not empty.) */
export const Empty: Story = {
  render: () => html`<cs-mrr-bridge label="MRR bridge"></cs-mrr-bridge>`,
  play: async ({ canvasElement }) => {
    const el = chartIn(canvasElement);
    await waitFor(() => expect(inShadow(el, '[part="state"]').textContent?.trim()).toBe('No data for this period'));
  },
};

/** A bridge that does not balance is refused, not drawn. */
export const Unbalanced: Story = {
  render: () =>
    html`<cs-mrr-bridge
      label="MRR bridge"
      .data=${{ currency: 'EUR', month: '2024-02', start: 100, new: 50, expansion: 0, reactivation: 0, contraction: 0, churn: 0, end: 140 }}
    ></cs-mrr-bridge>`,
  play: async ({ canvasElement }) => {
    await expect(inShadow(chartIn(canvasElement), '[part="state"]').textContent?.trim()).toBe(
      'The data could not be read',
    );
  },
};

/** A company's first month: every step but "new" is zero, and the bridge still reads start to end. */
export const FirstMonth: Story = { args: { data: sampleDataOf('cs-mrr-bridge') as object, month: '2024-01' } };

const bridgeLabels = { en: 'MRR bridge', es: 'Puente de MRR', pl: 'Pomost MRR', bg: 'MRR мост', 'zh-Hans': 'MRR 变动' };

/** The bridge in each language the widgets speak. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-mrr-bridge',
  (locale) =>
    html`<cs-mrr-bridge
      style="max-width: 48rem"
      label=${bridgeLabels[locale]}
      locale=${locale}
      .data=${company.report}
    ></cs-mrr-bridge>`,
);

/** A full-width bridge (1200 px on a wide screen). */
export const Wide: Story = {
  render: () => html`<cs-mrr-bridge style=${WIDE} label="MRR bridge" .data=${company.report}></cs-mrr-bridge>`,
};
