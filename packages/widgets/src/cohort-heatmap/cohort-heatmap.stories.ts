import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import './cs-cohort-heatmap.js';
import type { CsCohortHeatmap } from './cohort-heatmap.js';
import type { CohortMetric } from './cohort-heatmap-data.js';
import { sampleHistoryReport, sampleReport } from '../test-support/sample-report.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { sampleDataOf } from '../test-support/element-samples.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';
import { DEFAULT_PALETTE } from './color-scale.js';

/** Core's report of the sample company: its `cohorts` are two years of monthly cohorts. */
const company = sampleReport();

/** `2024-01` as the heatmap shows it in English ("Jan 2024"). */
function monthName(cohort: string): string {
  const [year, month] = cohort.split('-').map(Number);
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)),
  );
}

interface HeatmapArgs {
  label: string;
  metric: CohortMetric;
  palette: readonly string[];
  data: object | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  width: number;
}

const meta: Meta<HeatmapArgs> = {
  title: 'Widgets/Cohort heatmap',
  component: 'cs-cohort-heatmap',
  args: {
    label: 'Logo retention by cohort',
    metric: 'logo',
    palette: DEFAULT_PALETTE,
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    width: 900,
  },
  argTypes: {
    metric: { control: 'inline-radio', options: ['logo', 'revenue'] },
    // Two or more #rrggbb colours, low to high.
    palette: { control: 'object' },
    // Unset: the sample company's report (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (args) =>
    html`<cs-cohort-heatmap
      style="max-width: ${args.width}px"
      label=${args.label}
      metric=${args.metric}
      .palette=${args.palette}
      locale=${args.locale}
      theme=${args.theme}
      .data=${args.src ? undefined : (args.data ?? company)}
      src=${args.src}
    ></cs-cohort-heatmap>`,
};
export default meta;

type Story = StoryObj<HeatmapArgs>;

function heatmapIn(canvasElement: HTMLElement): CsCohortHeatmap {
  const el = canvasElement.querySelector('cs-cohort-heatmap');
  if (!el) throw new Error('no <cs-cohort-heatmap> rendered');
  return el;
}

function partText(el: CsCohortHeatmap, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function cellOf(el: CsCohortHeatmap, row: number, col: number): HTMLElement {
  const td = el.shadowRoot?.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${col}"]`);
  if (!td) throw new Error(`no cell ${row},${col}`);
  return td;
}

/** Logo retention: the share of each cohort's customers still active, by months since they started. */
export const LogoRetention: Story = {
  play: async ({ canvasElement }) => {
    const el = heatmapIn(canvasElement);
    await el.updateComplete;
    const { cohorts } = company;
    await expect(partText(el, 'summary')).toContain(
      `${cohorts.length} cohorts, ${monthName(cohorts[0]?.cohort ?? '')} to ${monthName(cohorts.at(-1)?.cohort ?? '')}.`,
    );
    // The first cohort six months on, as core computed it, in whole per cent.
    await expect(cellOf(el, 0, 6).textContent?.trim()).toBe(
      `${Math.round((cohorts[0]?.logoRetention[6] ?? NaN) * 100)}%`,
    );
  },
};

/** Revenue retention can exceed 100 % when expansion outweighs churn. */
export const RevenueRetention: Story = {
  args: { metric: 'revenue', label: 'Revenue retention by cohort' },
  play: async ({ canvasElement }) => {
    const el = heatmapIn(canvasElement);
    await el.updateComplete;
    const first = company.cohorts[0];
    const age = first ? first.revenueRetention.length - 1 : 0;
    await expect(cellOf(el, 0, age).textContent?.trim()).toBe(
      `${Math.round((first?.revenueRetention[age] ?? NaN) * 100)}%`,
    );
  },
};

/** Arrow keys move between cells, the detail line follows, Enter fires `cs-cell-select`. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    const el = heatmapIn(canvasElement);
    await el.updateComplete;
    const onSelect = fn();
    el.addEventListener('cs-cell-select', (e) => onSelect(e.detail));
    cellOf(el, 0, 0).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    await expect(el.shadowRoot?.activeElement).toBe(cellOf(el, 1, 2));
    const second = company.cohorts[1];
    await expect(partText(el, 'detail')).toMatch(new RegExp(`^${monthName(second?.cohort ?? '')} cohort, month 2: `));
    await userEvent.keyboard('{Enter}');
    await expect(onSelect).toHaveBeenCalledWith({ cohort: second?.cohort, age: 2, value: second?.logoRetention[2] });
  },
};

/** 280 px: the size columns are left out so that retention cells show beside the cohort column. */
export const Narrow: Story = { args: { width: 280 } };

/** Bulgarian revenue retention: Cyrillic age headers, and months ("12.2025 г.") end sentences once. */
export const BulgarianRevenue: Story = {
  args: { locale: 'bg', metric: 'revenue', label: 'Задържане на приходите по кохорти', width: 400 },
};

/** Cohort keys that are not months are shown as they are; a long one wraps instead of covering the cells. */
export const LongCohortKeys: Story = {
  args: { width: 320, label: 'Logo retention by segment cohort' },
  render: (args) =>
    html`<cs-cohort-heatmap
      style="max-width: ${args.width}px"
      label=${args.label}
      .data=${{
        ...company,
        cohorts: company.cohorts
          .slice(0, 6)
          .map((c, i) => ({ ...c, cohort: `Enterprise EMEA partner channel ${i + 1}` })),
      }}
    ></cs-cohort-heatmap>`,
};

export const Polish: Story = { args: { locale: 'pl', label: 'Retencja klientów według kohort' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', label: '按同期群的客户留存' } };

/** Cohort keys with markup are shown as text. */
export const UntrustedText: Story = {
  render: () =>
    html`<cs-cohort-heatmap
      label=${'<b>Retention</b>'}
      .data=${{
        cohorts: [
          {
            cohort: '<img src=x onerror=alert(1)>',
            customers: 3,
            mrr: 30,
            logoRetention: [1, 0.67],
            revenueRetention: [1, 0.7],
          },
        ],
      }}
    ></cs-cohort-heatmap>`,
  play: async ({ canvasElement }) => {
    const el = heatmapIn(canvasElement);
    await el.updateComplete;
    await expect(el.shadowRoot?.querySelector('img')).toBeNull();
    await expect(el.shadowRoot?.querySelector('th[scope="row"]')?.textContent?.trim()).toBe(
      '<img src=x onerror=alert(1)>',
    );
  },
};

/** `src` points at a report served by the backend; here MSW plays the backend. */
export const FromUrl: Story = {
  args: { src: '/api/report.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/report.json', () => HttpResponse.json(company)));
  },
  play: async ({ canvasElement }) => {
    const el = heatmapIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(company.cohorts.length));
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
    await expect(partText(heatmapIn(canvasElement), 'state')).toBe('Loading…');
    // A skeleton of the element's shape stands in for the data, and the element says it is busy.
    const loading = heatmapIn(canvasElement);
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
    const el = heatmapIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('Could not load the data'));
    await expect(el.shadowRoot?.querySelector('[part~="retry"]')?.textContent?.trim()).toBe('Retry');
  },
};

/**
 * The first request fails (HTTP 500) and the error offers "Retry"; pressing it loads `src` again, and
 * this time the backend answers.
 */
export const RetryAfterServerError: Story = {
  args: { ...FromUrl.args, src: '/api/flaky-cohort-heatmap.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-cohort-heatmap.json', company));
  },
  play: async (context) => {
    await pressRetry(heatmapIn(context.canvasElement));
    await FromUrl.play?.(context);
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-cohort-heatmap.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-cohort-heatmap.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-cohort-heatmap');
  },
};

/** A report without `cohorts` (an older CLI, say): a readable error, not a blank table. */
export const InvalidData: Story = {
  args: { src: '/api/no-cohorts.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/no-cohorts.json', () => HttpResponse.json({ version: 1, currency: 'USD', months: [] })));
  },
  play: async ({ canvasElement }) => {
    const el = heatmapIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('The data could not be read'));
  },
};

export const Empty: Story = {
  render: () => html`<cs-cohort-heatmap label="Logo retention" .data=${{ cohorts: [] }}></cs-cohort-heatmap>`,
};

/** Three young cohorts (a company in its first quarter). */
export const FewCohorts: Story = { args: { data: sampleDataOf('cs-cohort-heatmap') as object } };

/** Every cohort of the sample company's history, each with all its ages. */
export const AllCohorts: Story = { args: { data: sampleHistoryReport(), width: 1200 } };

const heatmapLabels = {
  en: 'Logo retention by cohort',
  es: 'Retención de clientes por cohorte',
  pl: 'Retencja klientów według kohort',
  bg: 'Задържане на клиенти по кохорти',
  'zh-Hans': '按同期群的客户留存',
};

/** The heatmap in each language the widgets speak. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-cohort-heatmap',
  (locale) =>
    html`<cs-cohort-heatmap
      style="max-width: 900px"
      label=${heatmapLabels[locale]}
      locale=${locale}
      .data=${company}
    ></cs-cohort-heatmap>`,
);

/** A full-width heatmap (1200 px on a wide screen). */
export const Wide: Story = {
  render: () =>
    html`<cs-cohort-heatmap style=${WIDE} label="Logo retention by cohort" .data=${company}></cs-cohort-heatmap>`,
};
