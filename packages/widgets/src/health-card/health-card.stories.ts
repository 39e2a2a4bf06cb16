import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { expect, waitFor } from 'storybook/test';
import './cs-health-card.js';
import type { CsHealthCard } from './health-card.js';
import type { HealthCardInput, HealthReport } from './health-card-data.js';
import { sampleHealth, sampleHealthCustomer } from '../test-support/sample-health.js';
import {
  answersMalformedJson,
  expectMalformedJsonError,
  failsOnce,
  pressRetry,
} from '../test-support/retry-stories.js';
import { inEachLanguageStory, WIDE } from '../test-support/state-stories.js';

const report = sampleHealth();
const healthy = sampleHealthCustomer('healthy');
const atRisk = sampleHealthCustomer('atRisk');
const fewFactors = sampleHealthCustomer('fewFactors');
const firstSegment = report.segments[0]?.segment ?? '';

/**
 * Hand-written health JSON with names, labels and keys that look like markup, and a score of 39.99
 * (red, shown as 39.9 rather than 40): edge cases the sample company does not have.
 */
function untrustedHealth(): HealthReport {
  return {
    version: 1,
    asOf: '2024-12-31',
    bands: { red: 0, yellow: 40, green: 70 },
    customers: [
      {
        customerId: 'cus_0999',
        name: '<img src=x onerror=alert(1)>',
        segment: 'secondary',
        score: 39.99,
        band: 'red',
        trend: 0,
        factors: [
          {
            key: 'x',
            label: '<script>alert(1)</script>',
            raw: '<b>9</b>',
            score: 39.99,
            weight: 1,
            contribution: 39.99,
          },
        ],
        missing: ['<img src=x onerror=alert(2)>'],
      },
    ],
    segments: [],
  };
}

interface HealthArgs {
  customerId: string;
  segment: string;
  label: string;
  data: HealthCardInput | undefined;
  locale: string;
  theme: '' | 'light' | 'dark';
  src: string;
  width: number;
}

const meta: Meta<HealthArgs> = {
  title: 'Widgets/Health card',
  component: 'cs-health-card',
  args: {
    customerId: healthy.customerId,
    segment: '',
    label: '',
    data: undefined,
    locale: '',
    theme: '',
    src: '',
    width: 360,
  },
  argTypes: {
    customerId: {
      control: 'select',
      options: [
        '',
        ...new Set([healthy, atRisk, fewFactors, ...report.customers.slice(0, 50)].map((c) => c.customerId)),
      ],
    },
    segment: { control: 'select', options: ['', ...report.segments.map((s) => s.segment)] },
    // Unset: the sample company's `cskit health` JSON (or `src`).
    data: { control: 'object' },
    locale: { control: 'select', options: ['', 'en', 'es', 'pl', 'bg', 'zh-Hans'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
  },
  render: (args) =>
    html`<cs-health-card
      style="max-width: ${args.width}px"
      customer-id=${args.customerId}
      segment=${args.segment}
      label=${args.label}
      locale=${args.locale}
      theme=${args.theme}
      .data=${args.src ? undefined : (args.data ?? report)}
      src=${args.src}
    ></cs-health-card>`,
};
export default meta;

type Story = StoryObj<HealthArgs>;

function cardIn(canvasElement: HTMLElement): CsHealthCard {
  const el = canvasElement.querySelector('cs-health-card');
  if (!el) throw new Error('no <cs-health-card> rendered');
  return el;
}

function partText(el: CsHealthCard, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * A healthy customer of the sample company (`cskit health --sample`): the factors explain the score;
 * the sample has no seat or usage data and no SLA targets, so those factors are missing and named.
 */
export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'title')).toBe(healthy.name);
    await expect(partText(el, 'band')).toBe('Healthy');
    await expect(el.shadowRoot?.querySelectorAll('[part~="factor"]')).toHaveLength(healthy.factors.length);
    await expect(partText(el, 'missing')).toContain('Seat utilisation');
  },
};

/** A customer at risk whose health fell over 30 days. */
export const AtRisk: Story = {
  args: { customerId: atRisk.customerId },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'band')).toBe('At risk');
    await expect(partText(el, 'trend')).toContain('▼');
  },
};

/** Most factors have no data: the score rests on one factor, and the card says so. */
export const MissingFactors: Story = { args: { customerId: fewFactors.customerId } };

/** "Show table": the factors as a table with the same numbers as the bars, missing factors as such. */
export const TableView: Story = {
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    const toggle = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="table-toggle"]');
    await expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.focus();
    toggle?.click();
    await el.updateComplete;
    await expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const rows = el.shadowRoot?.querySelectorAll('[part~="table"] tbody tr');
    await expect(rows).toHaveLength(healthy.factors.length + healthy.missing.length);
    await expect(partText(el, 'table')).toContain('No data');
  },
};

/** Names and labels with markup are shown as text; 39.99 is red (and shows as 39.9, not 40). */
export const UntrustedText: Story = {
  render: () =>
    html`<cs-health-card style="max-width: 360px" customer-id="cus_0999" .data=${untrustedHealth()}></cs-health-card>`,
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await el.updateComplete;
    await expect(partText(el, 'title')).toBe('<img src=x onerror=alert(1)>');
    await expect(el.shadowRoot?.querySelector('img, script')).toBeNull();
    await expect(partText(el, 'band')).toBe('At risk');
  },
};

/** A segment roll-up: score and band of the segment, no factors. */
export const Segment: Story = { args: { customerId: '', segment: firstSegment, width: 300 } };

/** With slotted title, actions and footer. */
export const WithSlots: Story = {
  render: () =>
    html`<cs-health-card style="max-width: 360px" customer-id=${healthy.customerId} .data=${report}>
      <span slot="title">${healthy.name} (EU)</span>
      <a slot="actions" href="#crm">Open in CRM</a>
      <span slot="footer">Owner: Jo Park</span>
    </cs-health-card>`,
};

/**
 * The slots in the dark theme: the card gives slotted links its link colour (`--cs-health-card-link-color`,
 * else `--cs-accent`), so "Open in CRM" keeps 4.5:1 on the dark card whatever the page's link colour.
 */
export const WithSlotsDark: Story = {
  render: () =>
    html`<cs-health-card style="max-width: 360px" theme="dark" customer-id=${healthy.customerId} .data=${report}>
      <a slot="actions" href="#crm">Open in CRM</a>
      <span slot="footer">Owner: Jo Park</span>
    </cs-health-card>`,
};

/** A Bulgarian card: the default model's factor names, units and missing factors are translated. */
export const Bulgarian: Story = { args: { locale: 'bg', customerId: atRisk.customerId } };

export const Narrow: Story = { args: { width: 280 } };

export const Polish: Story = { args: { locale: 'pl' } };

export const ChineseDark: Story = { args: { locale: 'zh-Hans', theme: 'dark', customerId: atRisk.customerId } };

/** `src` points at `cskit health` JSON served by the backend; here MSW plays the backend. */
export const FromUrl: Story = {
  args: { src: '/api/health.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/health.json', () => HttpResponse.json(report)));
  },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await waitFor(() => expect(partText(el, 'title')).toBe(healthy.name));
  },
};

export const Loading: Story = {
  args: { src: '/api/slow-health.json' },
  beforeEach({ msw }) {
    msw.use(
      http.get('/api/slow-health.json', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(partText(cardIn(canvasElement), 'state')).toBe('Loading…');
    // A skeleton of the element's shape stands in for the data, and the element says it is busy.
    const loading = cardIn(canvasElement);
    await expect(loading.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy')).toBe('true');
    await expect(loading.shadowRoot?.querySelectorAll('.bone').length).toBeGreaterThan(2);
  },
};

export const ServerError: Story = {
  args: { src: '/api/broken-health.json' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/broken-health.json', () => new HttpResponse(null, { status: 500 })));
  },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('Could not load the data'));
    await expect(el.shadowRoot?.querySelector('[part~="retry"]')?.textContent?.trim()).toBe('Retry');
  },
};

/**
 * The first request fails (HTTP 500) and the error offers "Retry"; pressing it loads `src` again, and
 * this time the backend answers.
 */
export const RetryAfterServerError: Story = {
  args: { ...FromUrl.args, src: '/api/flaky-health-card.json' },
  beforeEach({ msw }) {
    msw.use(failsOnce('/api/flaky-health-card.json', report));
  },
  play: async (context) => {
    await pressRetry(cardIn(context.canvasElement));
    await FromUrl.play?.(context);
  },
};

/** The backend answers 200 with JSON cut off midway: a failed load, with Retry. */
export const MalformedJson: Story = {
  args: { ...FromUrl.args, src: '/api/truncated-health-card.json' },
  beforeEach({ msw }) {
    msw.use(answersMalformedJson('/api/truncated-health-card.json'));
  },
  play: async ({ canvasElement }) => {
    await expectMalformedJsonError(canvasElement, 'cs-health-card');
  },
};

/** The customer id is not in the JSON: a clear message (and `cs-data-error`), not an empty card. */
export const UnknownCustomer: Story = {
  args: { src: '/api/health.json', customerId: 'cus_missing' },
  beforeEach({ msw }) {
    msw.use(http.get('/api/health.json', () => HttpResponse.json(report)));
  },
  play: async ({ canvasElement }) => {
    const el = cardIn(canvasElement);
    await waitFor(() => expect(partText(el, 'state')).toBe('This customer or segment is not in the health report'));
  },
};

export const Empty: Story = {
  render: () => html`<cs-health-card style="max-width: 360px" label="Customer health"></cs-health-card>`,
};

/** The card in each language the widgets speak, factor labels included. */
export const InEachLanguage: Story = inEachLanguageStory(
  'cs-health-card',
  (locale) =>
    html`<cs-health-card
      style="max-width: 360px"
      customer-id=${atRisk.customerId}
      locale=${locale}
      .data=${report}
    ></cs-health-card>`,
);

/** A full-width card (1200 px on a wide screen). */
export const Wide: Story = {
  render: () => html`<cs-health-card style=${WIDE} customer-id=${healthy.customerId} .data=${report}></cs-health-card>`,
};
